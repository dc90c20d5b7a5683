import { child, runRule } from '../testing';
import { respiteRow } from './respite-row';

describe('respite-row', () => {
  test('warns on a respite row, on the respite cell', () => {
    const [f] = runRule(respiteRow, child({ row: 40, respite: true, respiteRaw: 'Yes' }));
    expect(f).toMatchObject({ rule: 'respite-row', severity: 'warning', cell: 'T40', field: 'respite' });
    expect(f.message).toContain("Row 40 is marked as a respite episode ('Yes')");
  });
  test('does not fire when not respite or unknown', () => {
    expect(runRule(respiteRow, child({ row: 40, respite: false }))).toEqual([]);
    expect(runRule(respiteRow, child({ row: 40, respite: null }))).toEqual([]);
  });
});
