/**
 * One ChildRecord per filled row of the PACE sheet, every mapped date cell
 * decoded. Runs over whole sheets (20,000 rows × 25 columns), so the column
 * plan is worked out once and the row loop does no lookups by name.
 */
import { decodeDateCell } from './dates/decode';
import { FIELD_BY_ID } from './fields';
import { columnLetter, columnNumber, type CellValue, type SheetGrid } from './grid';
import type { ChildRecord, DecodedDate, SheetLayout } from './model';

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
 * field's A1 address.
 */
export function readRecords(grid: SheetGrid, layout: SheetLayout): ChildRecord[] {
  const plan = planColumns(grid, layout);
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
    const rowText = String(row);
    const record: ChildRecord = { row, childId: null, text: {}, dates: {}, respite: null, cells: {} };
    const rowFormats = formats?.[r];
    for (const column of plan) {
      const value = column.index >= 0 ? values[column.index] ?? null : null;
      record.cells[column.field] = column.letters + rowText;
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
          const decoded: DecodedDate = decodeDateCell(value, rowFormats?.[column.index] ?? null, layout.date1904);
          record.dates[column.field] = decoded;
          break;
        }
      }
    }
    records.push(record);
  }
  return records;
}
