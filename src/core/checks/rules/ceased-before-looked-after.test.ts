import { child, runRule } from '../../../../test/support/checks';
import { ceasedBeforeLookedAfter } from './ceased-before-looked-after';

describe('ceased-before-looked-after', () => {
  test('fires when the child ceased before becoming looked after', () => {
    const [f] = runRule(ceasedBeforeLookedAfter, child({ row: 7, dates: { lookedAfterStart: '2021-05-01', ceasedDate: '2021-02-01' } }));
    expect(f).toMatchObject({ rule: 'ceased-before-looked-after', severity: 'error', cell: 'S7', cells: ['S7', 'D7'], field: 'ceasedDate' });
    expect(f.message).toContain('(01/02/2021) is before the date they became looked after (01/05/2021)');
  });
  test('same day, or later, is fine', () => {
    expect(runRule(ceasedBeforeLookedAfter, child({ row: 7, dates: { lookedAfterStart: '2021-05-01', ceasedDate: '2021-05-01' } }))).toEqual([]);
    expect(runRule(ceasedBeforeLookedAfter, child({ row: 7, dates: { lookedAfterStart: '2021-05-01', ceasedDate: '2022-05-01' } }))).toEqual([]);
  });
  test('an unreadable start is not compared', () => {
    expect(runRule(ceasedBeforeLookedAfter, child({ row: 7, dates: { lookedAfterStart: 'tbc', ceasedDate: '2021-02-01' } }))).toEqual([]);
  });
});
