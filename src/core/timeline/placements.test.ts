import type { CellValue, SheetGrid } from '../grid';
import { day } from '../../../test/support/aims';
import { serialFromDay } from '../dates';
import { findPlacementsHeader, findPlacementsSheet, placementAsOf, placementMoves, placementsByChild, readPlacements } from './placements';

const serial = (iso: string) => serialFromDay(day(iso), false);

function grid(name: string, values: CellValue[][], firstRow = 1): SheetGrid {
  return { sheetName: name, firstRow, firstColumn: 1, values, numberFormats: values.map((r) => r.map((v) => (typeof v === 'number' ? 'dd/mm/yyyy' : 'General'))), table: null };
}

const PLACEMENTS = grid('Placements', [
  ['Placement history (synthetic)', '', '', ''],
  ['', '', '', ''],
  ['Child ID', 'Placement start', 'Placement end', 'Placement type'],
  ['C1', serial('2021-03-01'), serial('2021-09-01'), 'Foster care'],
  ['C2', serial('2022-01-10'), '', 'Kinship care'],
  ['C1', serial('2021-09-01'), '', 'Residential unit'],
  ['', '', '', ''],
  ['C3', 'tbc', serial('2022-02-01'), 'Foster care'],
  ['C3', serial('2022-02-01'), 'N/A', 'Foster care'],
  ['', serial('2022-02-01'), '', 'Foster care'],
  ['C4', serial('2022-05-01'), serial('2022-04-01'), 'Foster care'],
  ['C5', '12/06/2023', '', 'Foster care'],
]);

describe('findPlacementsHeader', () => {
  it('finds the headings below title rows: child ID, start, end and type', () => {
    expect(findPlacementsHeader(PLACEMENTS)).toEqual({ headerRow: 3, childId: 0, start: 1, end: 2, type: 3 });
  });

  it('takes other wordings ("CLAS ID", "Start date", "End date", "Type")', () => {
    const g = grid('Placement history', [['CLAS ID', 'Type', 'Start date', 'End date']]);
    expect(findPlacementsHeader(g)).toEqual({ headerRow: 1, childId: 0, start: 2, end: 3, type: 1 });
  });

  it('needs the word "placement" in the sheet’s name or headings: a legal status history is not placements', () => {
    expect(findPlacementsHeader(grid('Legal status', [['Child ID', 'Legal status', 'Legal status start', 'Legal status end']]))).toBeNull();
    expect(findPlacementsHeader(grid('History', [['CLAS ID', 'Type', 'Start date', 'End date']]))).toBeNull();
  });

  it('does not take a tracker (a placement start but no end) for a placements sheet', () => {
    const tracker = grid('Tracker', [['CLAS ID', 'Date became looked after', 'Placement type', 'Placement start', 'Order granted']]);
    expect(findPlacementsHeader(tracker)).toBeNull();
  });
});

describe('readPlacements', () => {
  it('reads each placement, an open end as still going, a text date as a date', () => {
    const read = readPlacements(PLACEMENTS, false);
    expect(read?.placements).toEqual([
      { childId: 'C1', row: 4, start: day('2021-03-01'), end: day('2021-09-01'), type: 'Foster care' },
      { childId: 'C2', row: 5, start: day('2022-01-10'), end: null, type: 'Kinship care' },
      { childId: 'C1', row: 6, start: day('2021-09-01'), end: null, type: 'Residential unit' },
      { childId: 'C5', row: 12, start: day('2023-06-12'), end: null, type: 'Foster care' },
    ]);
  });

  it('leaves out rows it cannot read and says why, in plain words', () => {
    expect(readPlacements(PLACEMENTS, false)?.problems).toEqual([
      `Row 8 on 'Placements' (C3): the Placement start "tbc" is not a date, so this placement is left out.`,
      `Row 9 on 'Placements' (C3): the Placement end "N/A" is not a date, so this placement is left out.`,
      `Row 10 on 'Placements' has no child ID (column A), so it is left out.`,
      `Row 11 on 'Placements' (C4): the placement ends before it starts, so it is left out.`,
    ]);
  });
});

describe('findPlacementsSheet', () => {
  it('skips the tracker and the add-in’s own sheets; none found is null, not an error', () => {
    const own = { ...PLACEMENTS, sheetName: 'PACE Timeline C1' };
    expect(findPlacementsSheet([own], 'Tracker', false)).toBeNull();
    expect(findPlacementsSheet([grid('Tracker', [['Child ID', 'Placement start', 'Placement end']]), PLACEMENTS], 'Tracker', false)?.sheet).toBe('Placements');
    expect(findPlacementsSheet([grid('Notes', [['Synthetic data']])], 'Tracker', false)).toBeNull();
  });
});

describe('placementsByChild, placementMoves, placementAsOf', () => {
  it('groups by child in date order and counts moves', () => {
    const byChild = placementsByChild(readPlacements(PLACEMENTS, false)?.placements ?? []);
    expect(byChild.get('C1')?.map((p) => p.row)).toEqual([4, 6]);
    expect(placementMoves(byChild.get('C1') ?? [])).toBe(1);
    expect(placementMoves(byChild.get('C2') ?? [])).toBe(0);
    expect(placementMoves([])).toBe(0);
  });

  it('cuts a placement at the as-of date: still going, or not yet begun', () => {
    const p = { childId: 'C', row: 2, start: day('2024-01-01'), end: null, type: null };
    expect(placementAsOf(p, day('2024-03-31'))).toEqual({ start: day('2024-01-01'), end: day('2024-03-31'), ongoing: true, weeks: 90 / 7 });
    expect(placementAsOf({ ...p, end: day('2024-02-05') }, day('2024-03-31'))).toMatchObject({ ongoing: false, weeks: 5 });
    expect(placementAsOf({ ...p, end: day('2024-06-01') }, day('2024-03-31'))).toMatchObject({ ongoing: true });
    expect(placementAsOf(p, day('2023-12-31'))).toBeNull();
  });
});
