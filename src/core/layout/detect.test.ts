import fc from 'fast-check';
import { columnNumber, parseCellAddress, type CellValue, type SheetGrid } from '../grid';
import type { ColumnMapping } from '../model';
import { serialFromDay, dayFromParts } from '../dates/serial';
import { arbitraryGrid } from '../../../test/support/randomGrid';
import { buildSampleGrid, buildSampleWorkbook, SAMPLE_HEADERS } from '../../../test/support/sampleGrid';
import { detectLayout, isOutputSheetName, pickSheet, scoreSheet } from './detect';

const grid = (values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({
  sheetName: 'Sheet1',
  firstRow: 1,
  firstColumn: 1,
  values,
  numberFormats: null,
  table: null,
  ...extra,
});

const mappingOf = (layout: ReturnType<typeof detectLayout>) =>
  Object.fromEntries((layout?.columns ?? []).map((c) => [c.field, c.column]));

describe('detectLayout on a realistic sheet', () => {
  const sample = buildSampleGrid();
  const layout = detectLayout(sample.grid, false)!;

  test('finds the headings below the title rows and bounds the data', () => {
    expect(layout.sheet).toBe('Tracker');
    expect(layout.headerRow).toBe(4);
    expect(layout.firstDataRow).toBe(5);
    expect(layout.lastDataRow).toBe(sample.lastDataRow);
    expect(layout.date1904).toBe(false);
    expect(layout.table).toBeNull();
  });

  test('maps every authority heading to its field', () => {
    expect(mappingOf(layout)).toEqual(sample.fieldColumns);
    for (const c of layout.columns) expect(c.confidence).toBeGreaterThanOrEqual(0.5);
  });

  test('lists the other headings, saying which hold dates', () => {
    expect(layout.unmapped).toEqual([
      { header: 'Legal advice meeting', column: sample.legalAdviceColumn, looksLikeDates: true },
      { header: 'Ceased reason', column: 'U', looksLikeDates: false },
      { header: 'Notes', column: 'W', looksLikeDates: false },
    ]);
  });

  test('works the same when the grid starts further down and right, and in the 1904 system', () => {
    const shifted = buildSampleGrid({ firstRow: 3, firstColumn: 2, date1904: true, table: 'PermanenceData' });
    const l = detectLayout(shifted.grid, true)!;
    expect(l.headerRow).toBe(6);
    expect(l.firstDataRow).toBe(7);
    expect(l.lastDataRow).toBe(shifted.lastDataRow);
    expect(l.table).toBe('PermanenceData');
    expect(l.date1904).toBe(true);
    expect(mappingOf(l)).toEqual(shifted.fieldColumns);
    expect(l.columns.find((c) => c.field === 'childId')?.column).toBe('C');
    expect(l.unmapped.find((u) => u.header === 'Legal advice meeting')).toEqual({ header: 'Legal advice meeting', column: 'J', looksLikeDates: true });
  });

  test('the CELCIS template wording maps to the same columns', () => {
    const template = buildSampleGrid({ headings: 'template' });
    const l = detectLayout(template.grid, false)!;
    expect(mappingOf(l)).toEqual(sample.fieldColumns);
    expect(l.unmapped.map((u) => [u.header, u.looksLikeDates])).toEqual([
      ['Legal advice meeting', true],
      ['Reason ceased', false],
      ['Comments', false],
    ]);
  });

  test('column order does not matter', () => {
    const order = SAMPLE_HEADERS.map((_, i) => i).reverse();
    const reversed = { ...sample.grid, values: sample.grid.values.map((row) => order.map((i) => row[i])), numberFormats: sample.grid.numberFormats!.map((row) => order.map((i) => row[i])) };
    const l = detectLayout(reversed, false)!;
    const width = SAMPLE_HEADERS.length;
    for (const [field, letter] of Object.entries(sample.fieldColumns)) {
      expect(columnNumber(mappingOf(l)[field])).toBe(width + 1 - columnNumber(letter));
    }
  });
});

describe('detectLayout decisions', () => {
  const d = (day: number) => serialFromDay(day, false);
  const day = dayFromParts(2020, 5, 1);

  test('null when no row has two child-ID or milestone headings', () => {
    expect(detectLayout(grid([])!, false)).toBeNull();
    expect(detectLayout(grid([['Name', 'Address'], ['Ann', '1 High St']]), false)).toBeNull();
    expect(detectLayout(grid([['Child ID', 'Gender', 'Team'], ['C1', 'F', 'North']]), false)).toBeNull();
    expect(detectLayout(grid([['Child ID', 'Date LAC'], ['C1', d(day)]]), false)).not.toBeNull();
  });

  test('headings below row 30 are not looked for', () => {
    const rows: CellValue[][] = Array.from({ length: 30 }, () => ['', '']);
    expect(detectLayout(grid([...rows, ['Child ID', 'Date LAC']]), false)).toBeNull();
    expect(detectLayout(grid([...rows.slice(1), ['Child ID', 'Date LAC']]), false)?.headerRow).toBe(30);
  });

  test('a merged title above is not mistaken for headings', () => {
    const l = detectLayout(grid([['Permanence recommendation tracker', '', ''], ['', '', ''], ['Child ID', 'Date LAC', 'Perm rec'], ['C1', d(day), d(day + 100)]]), false)!;
    expect(l.headerRow).toBe(3);
    expect(mappingOf(l)).toEqual({ childId: 'A', lookedAfterStart: 'B', permanenceRecommendation: 'C' });
  });

  test('each field goes to one column only, the most confident', () => {
    const l = detectLayout(grid([['Child ID', 'Panel recommendation', 'Panel date'], ['C1', d(day), d(day + 1)]]), false)!;
    expect(mappingOf(l)).toEqual({ childId: 'A', panel: 'C' });
    expect(l.unmapped).toEqual([{ header: 'Panel recommendation', column: 'B', looksLikeDates: true }]);
  });

  test('a heading over the wrong kind of data loses to one over the right kind', () => {
    const rows: CellValue[][] = [['Child ID', 'Panel', 'Panel recommendation']];
    for (let i = 0; i < 6; i++) rows.push([`C${i}`, 'Adoption panel', d(day + i)]);
    const l = detectLayout(grid(rows), false)!;
    expect(mappingOf(l)).toEqual({ childId: 'A', panel: 'C' });
    expect(l.unmapped).toEqual([{ header: 'Panel', column: 'B', looksLikeDates: false }]);
  });

  test('the last data row ignores trailing blanks and notes in unmapped columns', () => {
    const l = detectLayout(
      grid([
        ['Child ID', 'Date LAC', 'Notes'],
        ['C1', d(day), ''],
        ['', '', ''],
        ['C2', '', ''],
        ['', '', 'total: 2'],
        [null, '  ', null],
      ]),
      false,
    )!;
    expect(l.firstDataRow).toBe(2);
    expect(l.lastDataRow).toBe(4);
  });

  test('a sheet with headings and no children ends before its first data row', () => {
    const l = detectLayout(grid([['Child ID', 'Date LAC'], ['', '']]), false)!;
    expect(l.headerRow).toBe(1);
    expect(l.lastDataRow).toBe(1);
  });
});

describe('saved corrections', () => {
  const sample = buildSampleGrid();
  const auto = detectLayout(sample.grid, false)!;
  const saved: ColumnMapping[] = [
    ...auto.columns.filter((c) => c.field !== 'panel'),
    { field: 'legalAdviceMeeting', header: 'Legal advice meeting', column: sample.legalAdviceColumn, confidence: 1, label: 'Legal advice meeting' },
  ];

  test('are used as they are, with confidence 1', () => {
    const l = detectLayout(sample.grid, false, saved)!;
    expect(l.columns).toHaveLength(saved.length);
    expect(l.columns.every((c) => c.confidence === 1)).toBe(true);
    expect(mappingOf(l).legalAdviceMeeting).toBe('I');
    expect(l.columns.find((c) => c.field === 'legalAdviceMeeting')?.label).toBe('Legal advice meeting');
    expect(mappingOf(l).panel).toBeUndefined();
    expect(l.unmapped.map((u) => u.header)).toContain('Panel date');
  });

  test('follow their headings when columns have moved', () => {
    const moved = buildSampleGrid({ firstColumn: 3 });
    const l = detectLayout(moved.grid, false, saved)!;
    expect(mappingOf(l).legalAdviceMeeting).toBe('K');
    expect(mappingOf(l).childId).toBe('D');
  });

  test('are ignored when a heading is gone', () => {
    const stale: ColumnMapping[] = [...saved, { field: 'route', header: 'No such heading', column: 'Z', confidence: 1 }];
    const l = detectLayout(sample.grid, false, stale)!;
    expect(mappingOf(l)).toEqual(sample.fieldColumns);
    expect(l.columns.every((c) => c.confidence < 1)).toBe(true);
  });
});

describe('scoreSheet and pickSheet', () => {
  test('pick the tracker, never an add-in output sheet', () => {
    const workbook = buildSampleWorkbook();
    expect(pickSheet(workbook.sheets)).toBe('Tracker');
    const outputOnly = workbook.sheets.filter((s) => s.sheetName !== 'Tracker');
    expect(scoreSheet(outputOnly[1])).toBe(0);
    expect(pickSheet(outputOnly)).toBeNull();
  });

  test('a user sheet with any other name counts, and the better one wins', () => {
    const weak = grid([['Child ID', 'Date LAC']], { sheetName: 'Old' });
    const strong = buildSampleGrid({ sheetName: 'PACEdata 2024' }).grid;
    expect(scoreSheet(weak)).toBeGreaterThan(0);
    expect(scoreSheet(strong)).toBeGreaterThan(scoreSheet(weak));
    expect(pickSheet([weak, strong])).toBe('PACEdata 2024');
    expect(pickSheet([weak])).toBe('Old');
    expect(pickSheet([])).toBeNull();
  });

  test('isOutputSheetName', () => {
    expect(isOutputSheetName('PACE Summary')).toBe(true);
    expect(isOutputSheetName('PACE Aim 1 Recommendation')).toBe(true);
    expect(isOutputSheetName('Pace tracker')).toBe(false);
    expect(isOutputSheetName('PACE')).toBe(false);
    // An authority's own tracker may be called anything, "PACE …" included.
    expect(isOutputSheetName('PACE tracker')).toBe(false);
    expect(isOutputSheetName('PACE data 2024')).toBe(false);
    expect(isOutputSheetName('PACE Issues')).toBe(true);
  });
});

describe('properties on random grids', () => {
  test('never throws, and every column it names is on the grid', () => {
    fc.assert(
      fc.property(arbitraryGrid(), fc.boolean(), (g, date1904) => {
        const l = detectLayout(g, date1904);
        scoreSheet(g);
        if (!l) return;
        const width = g.values[0]?.length ?? 0;
        for (const c of [...l.columns, ...l.unmapped]) {
          const n = columnNumber(c.column);
          expect(n).toBeGreaterThanOrEqual(g.firstColumn);
          expect(n).toBeLessThan(g.firstColumn + width);
          expect(parseCellAddress(`${c.column}${l.headerRow}`)).not.toBeNull();
        }
        expect(new Set(l.columns.map((c) => c.field)).size).toBe(l.columns.length);
        expect(new Set(l.columns.map((c) => c.column)).size).toBe(l.columns.length);
        expect(l.headerRow).toBeGreaterThanOrEqual(g.firstRow);
        expect(l.lastDataRow).toBeGreaterThanOrEqual(l.headerRow);
        expect(l.lastDataRow).toBeLessThan(g.firstRow + g.values.length);
      }),
      { numRuns: 300 },
    );
  });
});
