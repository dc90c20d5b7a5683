import { child, runRule } from '../../../../test/support/checks';
import { unreadableDate } from './unreadable-date';

describe('unreadable-date', () => {
  test('fires on text that is not a date, blaming its cell', () => {
    const findings = runRule(unreadableDate, child({ row: 17, dates: { lookedAfterStart: '2021-03-04', panel: 'tbc' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'unreadable-date', severity: 'error', cell: 'H17', row: 17, field: 'panel', childId: 'C0017' });
    expect(findings[0].message).toBe("'tbc' in Permanence panel is not a date. Enter the date as dd/mm/yyyy, or leave it blank if it has not happened yet.");
  });
  test('date of birth gets the "not known" wording', () => {
    const [f] = runRule(unreadableDate, child({ row: 5, dates: { dateOfBirth: 'N/K' } }));
    expect(f.message).toContain('if it is not known');
  });
  test('does not fire on dates, blanks or other readings', () => {
    const record = child({ row: 5, dates: { lookedAfterStart: '2021-03-04', panel: '#N/A', admDecision: 2019, finalPlacement: { reading: 'text', iso: '2021-04-03', raw: '3/4/2021' } } });
    expect(runRule(unreadableDate, record)).toEqual([]);
  });
});
