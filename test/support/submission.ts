/**
 * Test builders for the submission copy: a sheet as an authority keeps it
 * (title rows above the headings, local columns, identifying columns), its
 * layout from the real header detection, and child records read from it.
 * Used only by tests.
 */
import { FIELD_BY_ID } from '../../src/core/fields';
import { cellAddress, columnNumber, type CellValue, type SheetGrid } from '../../src/core/grid';
import type { ChildRecord, SheetLayout } from '../../src/core/model';
import { decodeDateCell } from '../../src/core/dates';
import { detectLayout } from '../../src/core/layout';

/** A grid with optional title rows, the heading row, then the data rows; dates given as serials get a date format. */
export function sheetGrid(header: string[], rows: CellValue[][], titleRows: CellValue[][] = [], sheetName = 'Tracker'): SheetGrid {
  const values = [...titleRows, header, ...rows].map((r) => {
    const row = [...r];
    while (row.length < header.length) row.push('');
    return row;
  });
  const numberFormats = values.map((r, i) =>
    r.map((v) => (i > titleRows.length && typeof v === 'number' && v > 20000 && v < 80000 ? 'dd/mm/yyyy' : 'General')),
  );
  return { sheetName, firstRow: 1, firstColumn: 1, values, numberFormats, table: null };
}

/** The layout the add-in's own header detection finds; throws if it finds none. */
export function layoutOf(grid: SheetGrid, date1904 = false): SheetLayout {
  const layout = detectLayout(grid, date1904);
  if (!layout) throw new Error('test sheet has no recognisable header');
  return layout;
}

/** Child records of every non-blank data row, read the way the reader does (mapped fields only). */
export function recordsOf(grid: SheetGrid, layout: SheetLayout): ChildRecord[] {
  const records: ChildRecord[] = [];
  for (let row = layout.firstDataRow; row <= layout.lastDataRow; row++) {
    const r = row - grid.firstRow;
    const values = grid.values[r] ?? [];
    if (values.every((v) => v === null || v === '')) continue;
    const record: ChildRecord = { row, childId: null, text: {}, dates: {}, respite: null, cells: {} };
    for (const mapping of layout.columns) {
      const c = columnNumber(mapping.column) - grid.firstColumn;
      const value = values[c] ?? null;
      record.cells[mapping.field] = cellAddress(row, columnNumber(mapping.column));
      const kind = FIELD_BY_ID.get(mapping.field)?.kind ?? 'milestone';
      if (mapping.field === 'childId') {
        const id = value === null ? '' : String(value).trim();
        record.childId = id === '' ? null : id;
      } else if (kind === 'date' || kind === 'milestone') {
        record.dates[mapping.field] = decodeDateCell(value, grid.numberFormats?.[r]?.[c] ?? null, layout.date1904);
      } else if (kind === 'flag') {
        record.respiteRaw = value;
        record.respite = typeof value === 'string' && /^(y|yes)$/i.test(value.trim()) ? true : value === '' ? null : false;
      } else if (typeof value === 'string' && value.trim() !== '') {
        record.text[mapping.field] = value.trim();
      }
    }
    records.push(record);
  }
  return records;
}

/** Excel serial (1900 system) of an ISO date. */
export function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
}
