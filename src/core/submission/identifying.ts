/**
 * Which columns of the user's sheet a de-identified submission copy must
 * drop (pace-domain.md §5). Mapped PACE fields are kept (date of birth is
 * reduced and the child ID pseudonymised elsewhere); local date columns are
 * kept; any other text column is dropped unless it is clearly a category.
 * The user confirms the list before anything is written.
 */
import { columnLetter, type CellValue, type SheetGrid } from '../grid';
import type { SheetLayout } from '../model';
import {
  cellText,
  containsPostcode,
  headerReason,
  isAddress,
  isChiNumber,
  isEmail,
  isFreeText,
  isNameLike,
  isPhoneNumber,
  isPostcode,
  mappedHeaderReason,
  type IdentifyingReason,
} from './detectors';
import { decodeDateCell, isDateReading } from '../dates';

export interface IdentifyingColumn {
  /** Column letters on the user's sheet. */
  column: string;
  /** The heading as the user wrote it ("" when the column has none). */
  header: string;
  reason: IdentifyingReason;
  detectedBy: 'header' | 'content';
}

/** Mapped text fields that are shareable categories (kept unless their content is plainly identifying). */
const KEPT_FIELDS_NOT_SCANNED = new Set(['childId', 'dateOfBirth']);

/** Share of the filled cells a pattern must match before the column is judged by it. */
const PATTERN_SHARE = 0.2;

/** A category: at most this many different values… */
const CATEGORY_MAX_DISTINCT = 12;
/** …each this short on average. */
const CATEGORY_MAX_LENGTH = 25;

export interface ColumnCells {
  column: number;
  header: string;
  /** Filled cells of the data rows (blank ones left out). */
  values: CellValue[];
  formats: (string | null)[];
}

function isFilled(value: CellValue): boolean {
  return value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');
}

/** Every column of the grid with its heading and filled data cells. */
export function columnsOf(grid: SheetGrid, layout: SheetLayout): ColumnCells[] {
  const width = grid.values.reduce((w, row) => Math.max(w, row.length), 0);
  const headerIndex = layout.headerRow - grid.firstRow;
  const columns: ColumnCells[] = [];
  for (let c = 0; c < width; c++) {
    const headerValue = grid.values[headerIndex]?.[c] ?? null;
    const values: CellValue[] = [];
    const formats: (string | null)[] = [];
    for (let row = layout.firstDataRow; row <= layout.lastDataRow; row++) {
      const r = row - grid.firstRow;
      const value = grid.values[r]?.[c] ?? null;
      if (!isFilled(value)) continue;
      values.push(value);
      formats.push(grid.numberFormats?.[r]?.[c] ?? null);
    }
    columns.push({ column: grid.firstColumn + c, header: cellText(headerValue), values, formats });
  }
  return columns;
}

function share(values: CellValue[], test: (v: CellValue) => boolean): number {
  if (values.length === 0) return 0;
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n / values.length;
}

function texts(values: CellValue[]): string[] {
  return values.map(cellText).filter((t) => t !== '');
}

/**
 * Patterns that identify someone whatever the column is (email, phone, CHI,
 * postcode, address). Checked on every column but the ID and date of birth.
 */
export function patternReason(values: CellValue[]): IdentifyingReason | null {
  if (values.length === 0) return null;
  const asText = (test: (t: string) => boolean) => (v: CellValue) => typeof v === 'string' && test(v);
  const enough = (test: (v: CellValue) => boolean) => share(values, test) >= PATTERN_SHARE;
  if (enough(asText(isEmail))) return 'email addresses';
  if (enough(isChiNumber)) return 'NHS / CHI numbers';
  if (enough(isPhoneNumber)) return 'phone numbers';
  if (enough(asText(isAddress))) return 'addresses';
  if (enough(asText(isPostcode))) return 'postcodes';
  if (enough(asText(containsPostcode))) return 'addresses';
  return null;
}

/** Mostly values read as dates: a local milestone column. */
export function looksLikeDateColumn(cells: ColumnCells, date1904: boolean): boolean {
  if (cells.values.length === 0) return false;
  let dates = 0;
  cells.values.forEach((v, i) => {
    if (isDateReading(decodeDateCell(v, cells.formats[i], date1904).reading)) dates++;
  });
  return dates / cells.values.length >= 0.6;
}

/** Few different short values that repeat: a category such as ethnicity or disability (yes/no). */
export function isCategorical(values: CellValue[]): boolean {
  const text = texts(values);
  if (text.length === 0) return true;
  const distinct = new Set(text.map((t) => t.toLowerCase()));
  const averageLength = text.reduce((s, t) => s + t.length, 0) / text.length;
  return distinct.size <= CATEGORY_MAX_DISTINCT && distinct.size <= text.length / 2 && averageLength <= CATEGORY_MAX_LENGTH;
}

/** Small whole numbers (counts such as "number of placements") are shareable; other numbers may be references. */
function isSmallCount(value: CellValue): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 100;
}

/**
 * Why an unmapped, non-date column's content identifies someone, or null when
 * it is a category (kept). Names are told from categories by repetition: a
 * column where most values are different capitalised words is names.
 */
export function contentReason(values: CellValue[]): IdentifyingReason | null {
  const pattern = patternReason(values);
  if (pattern) return pattern;
  if (values.length === 0) return null;
  if (values.every((v) => typeof v === 'boolean')) return null;
  if (values.every((v) => typeof v === 'number')) {
    return values.every(isSmallCount) ? null : 'other ID numbers';
  }
  const text = texts(values);
  if (share(text, (t) => isFreeText(t as string)) >= 0.3) return 'free text';
  const distinct = new Set(text.map((t) => t.toLowerCase()));
  if (share(text, (t) => isNameLike(t as string)) >= 0.5 && distinct.size > text.length / 2) return 'looks like names';
  if (isCategorical(values)) return null;
  const averageLength = text.reduce((s, t) => s + t.length, 0) / text.length;
  return averageLength > CATEGORY_MAX_LENGTH ? 'free text' : 'many different values';
}

/**
 * Every column the submission copy must drop, in sheet order. The child ID
 * and date of birth are never listed (they are pseudonymised and reduced);
 * other mapped fields only when their content is plainly identifying.
 */
export function findIdentifyingColumns(grid: SheetGrid, layout: SheetLayout): IdentifyingColumn[] {
  const mapped = new Map(layout.columns.map((c) => [c.column.toUpperCase(), c]));
  const unmappedDates = new Map(layout.unmapped.map((u) => [u.column.toUpperCase(), u.looksLikeDates]));
  const found: IdentifyingColumn[] = [];
  for (const cells of columnsOf(grid, layout)) {
    const column = columnLetter(cells.column);
    const header = cells.header;
    const mapping = mapped.get(column);
    if (mapping) {
      if (mapping.field === 'childId') continue;
      const byMappedHeader = mappedHeaderReason(header);
      if (byMappedHeader) {
        found.push({ column, header, reason: byMappedHeader, detectedBy: 'header' });
        continue;
      }
      if (KEPT_FIELDS_NOT_SCANNED.has(mapping.field)) continue;
      const reason = patternReason(cells.values);
      if (reason) found.push({ column, header, reason, detectedBy: 'content' });
      continue;
    }
    if (header === '' && cells.values.length === 0) continue;
    const byHeader = header === '' ? null : headerReason(header);
    const isDates = unmappedDates.get(column) ?? looksLikeDateColumn(cells, layout.date1904);
    if (isDates) {
      // A local milestone is kept; another person's date of birth is not.
      if (byHeader === 'dates of birth') found.push({ column, header, reason: byHeader, detectedBy: 'header' });
      continue;
    }
    if (byHeader) {
      found.push({ column, header, reason: byHeader, detectedBy: 'header' });
      continue;
    }
    const byContent = contentReason(cells.values);
    if (byContent) found.push({ column, header, reason: byContent, detectedBy: 'content' });
  }
  return found;
}
