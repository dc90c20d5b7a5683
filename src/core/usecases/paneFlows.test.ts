import { analyseSheet } from './pipeline';
import { rowsOfSelection, timelineGroups } from './paneFlows';
import type { SheetGrid } from '../grid';

/** Headings on row 2 (a title above), children on rows 3–6. */
function sheet() {
  const grid: SheetGrid = {
    sheetName: 'Tracker',
    firstRow: 1,
    firstColumn: 1,
    values: [
      ['PACE tracker', '', '', '', ''],
      ['Child ID', 'Date became looked after', 'Team', 'Sibling group', 'First name'],
      ['C1', 43500, 'North', 'S1', 'Ann'],
      ['C2', 43510, 'South', 'S1', 'Ben'],
      ['C3', 43520, 'North', '', 'Cat'],
      ['C4', 43530, 'North', 'S2', 'Dan'],
    ],
    numberFormats: Array.from({ length: 6 }, () => ['General', 'dd/mm/yyyy', 'General', 'General', 'General']),
    table: null,
  };
  return analyseSheet(grid, false);
}

describe('timelineGroups', () => {
  it('offers the team with each value and its children, and a repeating local column, never a column that differs on every row', () => {
    const groups = timelineGroups(sheet());
    const team = groups.find((g) => g.column === 'team');
    expect(team?.values).toEqual([
      { value: 'North', children: 3 },
      { value: 'South', children: 1 },
    ]);
    const sibling = groups.find((g) => g.label === 'Sibling group');
    expect(sibling?.values).toEqual([
      { value: 'S1', children: 2 },
      { value: 'S2', children: 1 },
    ]);
    expect(groups.some((g) => g.label === 'First name')).toBe(false);
  });
});

describe('rowsOfSelection', () => {
  it('keeps only the rows that hold children (headings and rows below the data dropped)', () => {
    expect(rowsOfSelection(sheet(), { sheet: 'Tracker', firstRow: 1, rowCount: 4 })).toEqual([3, 4]);
    expect(rowsOfSelection(sheet(), { sheet: 'Tracker', firstRow: 6, rowCount: 100 })).toEqual([6]);
  });
  it('refuses a selection on another sheet, naming both', () => {
    expect(() => rowsOfSelection(sheet(), { sheet: 'Notes', firstRow: 3, rowCount: 1 })).toThrow("The selection is on sheet 'Notes'. Select one or more children's rows on 'Tracker'");
  });
});
