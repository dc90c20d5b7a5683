/**
 * One ChildRecord per filled row of the PACE sheet, every mapped date cell
 * decoded. Runs over whole sheets (20,000 rows × 25 columns), so the column
 * plan is worked out once and the row loop does no lookups by name.
 */
import { decodeDateCell } from './dates/decode';
import { FIELD_BY_ID } from './fields';
import { columnLetter, columnNumber, type CellValue, type SheetGrid } from './grid';
import type { ChildRecord, DecodedDate, SheetLayout } from './model';

const ROW = Symbol('row');

type ColumnRole = 'childId' | 'text' | 'date' | 'respite';

interface ColumnPlan {
  field: string;
  role: ColumnRole;
  /** 0-based index into grid rows. */
  index: number;
  /** Column letters, worked out once for the A1 addresses. */
  letters: string;
}

function roleOf(field: string): ColumnRole {
  if (field === 'childId') return 'childId';
  const kind = FIELD_BY_ID.get(field)?.kind;
  if (kind === 'text') return 'text';
  if (kind === 'flag') return 'respite';
  // Canonical dates, milestones, and every local milestone (not canonical).
  return 'date';
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A cell as trimmed text (a numeric ID 1234 → "1234"); null when blank. */
export function cellText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  return value ? 'TRUE' : 'FALSE';
}

const RESPITE_YES = new Set(['yes', 'y', 'true', '1', 'respite', 'respite episode', 'short break', 'x']);
const RESPITE_NO = new Set(['no', 'n', 'false', '0', 'not respite', '-']);

/**
 * A respite cell as yes/no. A blank cell means "not respite" (such columns
 * usually mark only the respite rows); anything else unrecognised is null so
 * the checks can ask the user.
 */
export function readRespite(value: CellValue | undefined): boolean | null {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  const text = value.trim().toLowerCase();
  if (text === '') return false;
  if (RESPITE_YES.has(text)) return true;
  if (RESPITE_NO.has(text)) return false;
  return null;
}

function planColumns(grid: SheetGrid, layout: SheetLayout): ColumnPlan[] {
  return layout.columns.map((mapping) => {
    const sheetColumn = columnNumber(mapping.column);
    return { field: mapping.field, role: roleOf(mapping.field), index: sheetColumn - grid.firstColumn, letters: columnLetter(sheetColumn) };
  });
}

/**
 * The children on the sheet: one record per row from firstDataRow to
 * lastDataRow with any mapped value (blank rows skipped), with each mapped
 * field's A1 address (`cells`: read them by field, or with for…in; they are
 * inherited getters, so Object.keys does not list them).
 */
export function readRecords(grid: SheetGrid, layout: SheetLayout): ChildRecord[] {
  const plan = planColumns(grid, layout);
  // A sheet has a few thousand distinct dates across hundreds of thousands of
  // cells: decoded numbers are shared (frozen) rather than made per cell, which
  // is most of the time and garbage on a 20,000-child sheet.
  // Addresses are worked out when asked for (a getter per mapped field on one
  // shared prototype): building 25 strings per row was most of the reading time.
  const cellsPrototype = {};
  for (const column of plan) {
    const letters = column.letters;
    Object.defineProperty(cellsPrototype, column.field, {
      enumerable: true,
      get(this: { [ROW]: number }) {
        return letters + this[ROW];
      },
    });
  }
  const decodedNumbers = new Map<string | null, Map<number, DecodedDate>>();
  const decodeNumber = (value: number, format: string | null): DecodedDate => {
    let byValue = decodedNumbers.get(format);
    if (!byValue) decodedNumbers.set(format, (byValue = new Map()));
    let decoded = byValue.get(value);
    if (!decoded) byValue.set(value, (decoded = Object.freeze(decodeDateCell(value, format, layout.date1904))));
    return decoded;
  };
  const records: ChildRecord[] = [];
  const firstIndex = Math.max(0, layout.firstDataRow - grid.firstRow);
  const lastIndex = Math.min(grid.values.length - 1, layout.lastDataRow - grid.firstRow);
  const formats = grid.numberFormats;
  for (let r = firstIndex; r <= lastIndex; r++) {
    const values = grid.values[r];
    if (!values) continue;
    let filled = false;
    for (const column of plan) {
      if (!isBlank(values[column.index])) {
        filled = true;
        break;
      }
    }
    if (!filled) continue;
    const row = grid.firstRow + r;
    const cells = Object.create(cellsPrototype) as Record<string, string> & { [ROW]: number };
    cells[ROW] = row;
    const record: ChildRecord = { row, childId: null, text: {}, dates: {}, respite: null, cells };
    const rowFormats = formats?.[r];
    for (const column of plan) {
      const value = column.index >= 0 ? values[column.index] ?? null : null;
      switch (column.role) {
        case 'childId':
          record.childId = cellText(value);
          break;
        case 'text': {
          const text = cellText(value);
          if (text !== null) record.text[column.field] = text;
          break;
        }
        case 'respite':
          record.respite = readRespite(value);
          record.respiteRaw = value;
          break;
        case 'date': {
          const format = rowFormats?.[column.index] ?? null;
          const decoded = typeof value === 'number' ? decodeNumber(value, format) : decodeDateCell(value, format, layout.date1904);
          record.dates[column.field] = decoded;
          break;
        }
      }
    }
    records.push(record);
  }
  return records;
}
