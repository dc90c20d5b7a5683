import { UserFacingError } from './errors';
import type { WorkbookGrid } from './grid';
import { inspectJson, inspectWorkbook } from './inspect';
import { detectLayout } from './layout/detect';
import { buildSampleGrid, buildSampleWorkbook } from '../../test/support/sampleGrid';

const problem = (fn: () => unknown): UserFacingError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserFacingError) return err;
    throw err;
  }
  throw new Error('expected a UserFacingError');
};

describe('inspectWorkbook', () => {
  test('picks the tracker and reports the contract shape', () => {
    const result = inspectWorkbook(buildSampleWorkbook());
    const sample = buildSampleGrid();
    expect(Object.keys(result)).toEqual(['sheet', 'headerRow', 'firstDataRow', 'lastDataRow', 'date1904', 'table', 'columns', 'unmapped', 'titleAsOf']);
    // The sample's title row says "Data as at 31/03/2024".
    expect(result.titleAsOf).toBe('2024-03-31');
    expect(result).toMatchObject({ sheet: 'Tracker', headerRow: 4, firstDataRow: 5, lastDataRow: sample.lastDataRow, date1904: false, table: null });
    expect(result.columns[1]).toEqual({ field: 'childId', header: 'CLAS ID', column: 'B', confidence: 0.95 });
    expect(Object.keys(result.columns[0])).toEqual(['field', 'header', 'column', 'confidence']);
    expect(result.unmapped[0]).toEqual({ header: 'Legal advice meeting', column: 'I', looksLikeDates: true });
  });

  test('rounds confidence to two decimals', () => {
    const workbook: WorkbookGrid = {
      date1904: false,
      sheets: [{ sheetName: 'S', firstRow: 1, firstColumn: 1, values: [['Child ID', 'Date of Fostering/Adoption/Permanence/Kinship Panel held', 'Date LAC']], numberFormats: null, table: null }],
    };
    const panel = inspectWorkbook(workbook).columns.find((c) => c.field === 'panel')!;
    expect(panel.confidence).toBe(Math.round(panel.confidence * 100) / 100);
    expect(panel.confidence).toBeLessThan(0.9);
  });

  test('reads a named sheet, in any case, and passes the table and date system through', () => {
    const workbook = buildSampleWorkbook({ date1904: true, table: 'PermanenceData' });
    const result = inspectWorkbook(workbook, 'tracker');
    expect(result.sheet).toBe('Tracker');
    expect(result.date1904).toBe(true);
    expect(result.table).toBe('PermanenceData');
  });

  test('an output sheet is never picked, but can be named', () => {
    const workbook = buildSampleWorkbook();
    const withoutTracker = { ...workbook, sheets: workbook.sheets.filter((s) => s.sheetName !== 'Tracker') };
    expect(problem(() => inspectWorkbook(withoutTracker)).kind).toBe('noHeader');
    expect(inspectWorkbook(withoutTracker, 'PACE Issues').headerRow).toBe(2);
  });

  test('plain-words problems', () => {
    const empty: WorkbookGrid = { date1904: false, sheets: [{ sheetName: 'Sheet1', firstRow: 1, firstColumn: 1, values: [['', null]], numberFormats: null, table: null }] };
    const e1 = problem(() => inspectWorkbook(empty));
    expect(e1.kind).toBe('emptyWorkbook');
    expect(problem(() => inspectWorkbook({ date1904: false, sheets: [] })).kind).toBe('emptyWorkbook');

    const e2 = problem(() => inspectWorkbook(buildSampleWorkbook(), 'Trackr'));
    expect(e2.kind).toBe('sheetNotFound');
    expect(e2.message).toContain("'Trackr'");
    expect(e2.message).toContain("'Tracker'");

    const notes = buildSampleWorkbook();
    notes.sheets = [notes.sheets[0]];
    const e3 = problem(() => inspectWorkbook(notes));
    expect(e3.kind).toBe('noHeader');
    expect(e3.message).toContain('Child ID');
    expect(problem(() => inspectWorkbook(notes, 'Read me')).message).toContain("'Read me'");
    expect(problem(() => inspectWorkbook(empty, 'Sheet1')).kind).toBe('noHeader');
  });
});

describe('inspectJson', () => {
  test('is the contract JSON of a layout', () => {
    const sample = buildSampleGrid();
    const layout = detectLayout(sample.grid, false)!;
    const json = inspectJson({ ...layout, columns: layout.columns.map((c) => ({ ...c, confidence: 0.6749 })) });
    expect(json.columns.every((c) => c.confidence === 0.67)).toBe(true);
    expect(json.headerRow).toBe(4);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
