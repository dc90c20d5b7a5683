import { child, runRule } from '../../../../test/support/checks';
import { respiteRow } from './respite-row';

describe('respite-row', () => {
  test('a note (not a warning) on a respite row, on the respite cell', () => {
    const [f] = runRule(respiteRow, child({ row: 40, respite: true, respiteRaw: 'Yes' }));
    expect(f).toMatchObject({ rule: 'respite-row', severity: 'info', cell: 'T40', field: 'respite' });
    expect(f.message).toBe(
      "Row 40 is marked as a respite episode ('Yes'), so it is left out of the aims (unless an aim is set to include respite). Nothing to correct; if this child is not in respite care, change the respite column.",
    );
  });
  test('does not fire when not respite or unknown', () => {
    expect(runRule(respiteRow, child({ row: 40, respite: false }))).toEqual([]);
    expect(runRule(respiteRow, child({ row: 40, respite: null }))).toEqual([]);
  });
});
