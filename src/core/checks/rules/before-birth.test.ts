import { child, runRule, testLayout } from '../../../../test/support/checks';
import { beforeBirth } from './before-birth';

describe('before-birth', () => {
  test('fires on a milestone before the date of birth, listing both cells', () => {
    const [f, ...rest] = runRule(beforeBirth, child({ row: 20, dates: { dateOfBirth: '2015-06-05', lookedAfterStart: '2014-06-05', panel: '2018-01-01' } }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'before-birth', severity: 'error', cell: 'D20', cells: ['D20', 'B20'], field: 'lookedAfterStart' });
    expect(f.message).toBe('The date the child became looked after (05/06/2014) is before the date of birth (05/06/2015). Check both dates.');
  });
  test('looked after from the day of birth is fine', () => {
    expect(runRule(beforeBirth, child({ row: 20, dates: { dateOfBirth: '2015-06-05', lookedAfterStart: '2015-06-05' } }))).toEqual([]);
  });
  test('no date of birth, or a future one, means nothing to compare with', () => {
    expect(runRule(beforeBirth, child({ row: 20, dates: { lookedAfterStart: '2015-06-05' } }))).toEqual([]);
    expect(runRule(beforeBirth, child({ row: 20, dates: { dateOfBirth: '2030-01-01', lookedAfterStart: '2015-06-05' } }))).toEqual([]);
  });
  test('local milestones are checked too, with the user’s name for them', () => {
    const [f] = runRule(beforeBirth, child({ row: 20, dates: { dateOfBirth: '2015-06-05', legalAdviceMeeting: '2015-01-01' } }), {
      layout: testLayout({ local: { legalAdviceMeeting: 'Legal advice meeting' } }),
    });
    expect(f).toMatchObject({ cell: 'U20', field: 'legalAdviceMeeting' });
    expect(f.message).toMatch(/^'Legal advice meeting' \(01\/01\/2015\) is before/);
  });
});
