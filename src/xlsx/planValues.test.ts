import type { PlannedSheet } from '../core/report/plan';
import { cellAt, plannedCells, rangeRows, rangeValues } from './planValues';

const sheet: PlannedSheet = {
  name: 'Aim',
  role: 'aim',
  blocks: [
    { at: 'A1', values: [['Child', 'Weeks'], ['C1', 4], ['C2', null]] },
    { at: 'B3', values: [[7]] },
  ],
  tables: [],
  links: [],
  charts: [],
  columnWidths: [],
  freezeRows: 0,
};

describe('plannedCells', () => {
  const grid = plannedCells(sheet);
  it('holds every block value by row and column, a later block winning', () => {
    expect(cellAt(grid, 1, 1)).toBe('Child');
    expect(cellAt(grid, 2, 2)).toBe(4);
    expect(cellAt(grid, 3, 2)).toBe(7);
    expect(cellAt(grid, 9, 9)).toBeUndefined();
  });
  it('reads a range as a list ("" for blanks) or as rows (null for blanks)', () => {
    expect(rangeValues(grid, 'B2:B4')).toEqual([4, 7, '']);
    expect(rangeValues(grid, '$A$1:$B$1')).toEqual(['Child', 'Weeks']);
    expect(rangeRows(grid, 'A3:C3')).toEqual([['C2', 7, null]]);
  });
  it('refuses a block that is not at a cell address', () => {
    expect(() => plannedCells({ ...sheet, blocks: [{ at: 'nowhere', values: [[1]] }] })).toThrow('not a cell address');
  });
});
