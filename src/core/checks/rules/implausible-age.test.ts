import { child, runRule } from '../../../../test/support/checks';
import { implausibleAge } from './implausible-age';

describe('implausible-age', () => {
  test('warns once, at the first milestone reached at 18 or over', () => {
    const findings = runRule(
      implausibleAge,
      child({ row: 14, dates: { dateOfBirth: '2001-02-03', lookedAfterStart: '2019-02-03', panel: '2020-01-01' } }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'implausible-age', severity: 'warning', cell: 'D14', cells: ['D14', 'B14'] });
    expect(findings[0].message).toContain('Child C0014 (row 14) was 18 at the date the child became looked after (03/02/2019)');
  });
  test('26 or over at a milestone cannot be right: an error', () => {
    const [f] = runRule(implausibleAge, child({ row: 14, dates: { dateOfBirth: '1960-02-03', lookedAfterStart: '2019-02-03' } }));
    expect(f).toMatchObject({ rule: 'implausible-age', severity: 'error', cell: 'D14' });
    expect(f.message).toContain('was 59 at');
  });
  test('17 the day before the 18th birthday is fine', () => {
    expect(runRule(implausibleAge, child({ row: 14, dates: { dateOfBirth: '2001-02-03', lookedAfterStart: '2019-02-02' } }))).toEqual([]);
  });
  test('ceasing to be looked after at 18 is normal (not a milestone)', () => {
    expect(runRule(implausibleAge, child({ row: 14, dates: { dateOfBirth: '2001-02-03', lookedAfterStart: '2010-01-01', ceasedDate: '2019-02-03' } }))).toEqual([]);
  });
});
