import { child, runRule } from '../../../../test/support/checks';
import { serialNumber } from './serial-number';

describe('serial-number', () => {
  test('warns about a plain number read as a date serial', () => {
    const [f] = runRule(serialNumber, child({ row: 6, dates: { admDecision: { reading: 'serialNumber', iso: '2019-04-03', raw: 43558 } } }));
    expect(f).toMatchObject({ rule: 'serial-number', severity: 'warning', cell: 'I6', field: 'admDecision' });
    expect(f.message).toContain('The number 43558 in Agency decision maker (ADM) decision was read as 03/04/2019');
  });
  test('does not fire on a formatted date cell', () => {
    expect(runRule(serialNumber, child({ row: 6, dates: { admDecision: '2019-04-03' } }))).toEqual([]);
  });
});
