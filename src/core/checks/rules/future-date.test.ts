import { child, runRule } from '../../../../test/support/checks';
import { futureDate } from './future-date';

describe('future-date', () => {
  test('fires on a date after the as-of date', () => {
    const [f, ...rest] = runRule(futureDate, child({ row: 10, dates: { lookedAfterStart: '2023-01-01', legalPermanence: '2024-04-01' } }), { asOf: '2024-03-31' });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'future-date', severity: 'error', cell: 'L10', field: 'legalPermanence' });
    expect(f.message).toMatch(/^Legal permanence \(01\/04\/2024\) is after the as-of date \(31\/03\/2024\)/);
  });
  test('a date on the as-of date is fine', () => {
    expect(runRule(futureDate, child({ row: 10, dates: { legalPermanence: '2024-03-31' } }), { asOf: '2024-03-31' })).toEqual([]);
  });
  test('a placeholder 31/12/9999 is not also a future date', () => {
    expect(runRule(futureDate, child({ row: 10, dates: { panel: { reading: 'placeholder', iso: '9999-12-31' } } }))).toEqual([]);
  });
  test('text dates in the future are flagged too', () => {
    const findings = runRule(futureDate, child({ row: 10, dates: { panel: { reading: 'textTwoDigitYear', iso: '2029-01-05', raw: '5/1/29' } } }));
    expect(findings.map((f) => f.cell)).toEqual(['H10']);
  });
});
