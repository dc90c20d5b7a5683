import { child, runRule } from '../../../../test/support/checks';
import { twoDigitYear } from './two-digit-year';

describe('two-digit-year', () => {
  test('warns about a century assumed from a two-digit year', () => {
    const [f] = runRule(twoDigitYear, child({ row: 8, dates: { panel: { reading: 'textTwoDigitYear', iso: '2019-04-03', raw: '3.4.19' } } }));
    expect(f).toMatchObject({ rule: 'two-digit-year', severity: 'warning', cell: 'H8', field: 'panel' });
    expect(f.message).toContain("'3.4.19' in Permanence panel has a two-digit year and was read as 03/04/2019");
  });
  test('does not fire on four-digit text dates', () => {
    expect(runRule(twoDigitYear, child({ row: 8, dates: { panel: { reading: 'text', iso: '2019-04-03', raw: '03/04/2019' } } }))).toEqual([]);
  });
});
