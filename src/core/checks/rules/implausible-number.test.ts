import { child, runRule } from '../../../../test/support/checks';
import { implausibleNumber } from './implausible-number';

describe('implausible-number', () => {
  test('fires on a year typed as a number', () => {
    const [f] = runRule(implausibleNumber, child({ row: 12, dates: { permanenceRecommendation: 2019 } }));
    expect(f).toMatchObject({ rule: 'implausible-number', severity: 'error', cell: 'G12', field: 'permanenceRecommendation' });
    expect(f.message).toBe('The number 2019 in Permanence recommendation is not a date. Enter the full date as dd/mm/yyyy.');
  });
  test('does not fire on a serial read as a date', () => {
    expect(runRule(implausibleNumber, child({ row: 12, dates: { panel: { reading: 'serialNumber', iso: '2019-04-03', raw: 43558 } } }))).toEqual([]);
  });
});
