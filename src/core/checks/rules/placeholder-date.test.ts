import { child, runRule } from '../../../../test/support/checks';
import { placeholderDate } from './placeholder-date';

describe('placeholder-date', () => {
  test('fires on a dummy date, showing it as the user typed it', () => {
    const [f, ...rest] = runRule(placeholderDate, child({ row: 9, dates: { admDecision: { reading: 'placeholder', iso: '1900-01-01', raw: '01/01/1900' } } }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'placeholder-date', severity: 'error', cell: 'I9', field: 'admDecision' });
    expect(f.message).toMatch(/^01\/01\/1900 in Agency decision maker \(ADM\) decision is a placeholder/);
  });
  test('a zero serial is shown as 00/01/1900 and a date cell as dd/mm/yyyy', () => {
    const findings = runRule(
      placeholderDate,
      child({ row: 9, dates: { panel: { reading: 'placeholder', iso: '1899-12-31', raw: 0 }, legalPermanence: { reading: 'placeholder', iso: '9999-12-31' } } }),
    );
    expect(findings.map((f) => f.message.split(' in ')[0])).toEqual(['00/01/1900', '31/12/9999']);
  });
  test('does not fire on real dates', () => {
    expect(runRule(placeholderDate, child({ row: 9, dates: { panel: '2020-01-01' } }))).toEqual([]);
  });
});
