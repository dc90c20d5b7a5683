/**
 * Month-first columns on a loaded sheet: which date columns look month/day/year,
 * the user's confirmed order per column (`dateOrder`, keyed by column letter or
 * field id), and the records re-read to match. Until a month-first-looking
 * column is confirmed its numbers-only text dates are not used (marked
 * 'pending'), the check says so once for the column, and the aims wait.
 */
import { columnNumber } from '../grid';
import type { ChildRecord, ColumnMapping, DecodedDate } from '../model';
import { UserFacingError } from '../errors';
import { addEvidence, decodeMonthFirst, emptyEvidence, looksMonthFirst, numericDateParts, type DateOrder } from '../dates/dateOrder';
import { FIELD_BY_ID } from '../fields';

/** The user's order per column: column letters ("G") or field ids ("lookedAfterStart") → 'dmy' | 'mdy'. */
export type DateOrderChoice = Record<string, DateOrder>;

/** A date column whose text dates only make sense month first, or one the user set to month first. */
export interface MonthFirstColumn {
  /** Column letters on the user's sheet. */
  column: string;
  field: string;
  /** The heading as the user wrote it. */
  header: string;
  /** Text dates that only make sense month first (second number above 12). */
  monthFirstOnly: number;
  /** Text dates that read either way. */
  ambiguous: number;
  /** A cell value that only makes sense month first, to quote ("04/23/2019"), or null. */
  example: string | null;
  /** The confirmed order, or null while it is not confirmed (the aims wait). */
  order: DateOrder | null;
}

function isDateColumn(field: string): boolean {
  const kind = FIELD_BY_ID.get(field)?.kind;
  // Canonical dates and milestones, and every local milestone (not canonical).
  return kind === undefined || kind === 'date' || kind === 'milestone';
}

/**
 * Matches the user's keys to the sheet's date columns. Throws a plain-words
 * usage problem for a key that is no date column or an order that is not
 * dmy/mdy, so a typing slip never silently reads a column the wrong way.
 */
export function resolveDateOrder(choice: DateOrderChoice, columns: readonly ColumnMapping[]): Map<string, DateOrder> {
  const dateColumns = columns.filter((c) => isDateColumn(String(c.field)));
  const byField = new Map<string, DateOrder>();
  for (const [key, order] of Object.entries(choice)) {
    if (order !== 'dmy' && order !== 'mdy') {
      throw new UserFacingError('usage', `The date order for ${key} must be mdy (month/day/year) or dmy (day/month/year), not "${String(order)}".`);
    }
    const trimmed = key.trim();
    const mapping =
      dateColumns.find((c) => String(c.field) === trimmed) ??
      (/^[A-Za-z]{1,3}$/.test(trimmed) ? dateColumns.find((c) => columnNumber(c.column) === columnNumber(trimmed)) : undefined);
    if (!mapping) {
      const known = dateColumns.map((c) => `${c.column} (${c.field})`).join(', ');
      throw new UserFacingError('usage', `"${key}" is not a date column on this sheet, so its date order cannot be set. Use a column letter or field id among: ${known}.`);
    }
    byField.set(String(mapping.field), order);
  }
  return byField;
}

/** The date columns whose text dates look month/day/year (order not yet applied). */
export function detectMonthFirstColumns(records: readonly ChildRecord[], columns: readonly ColumnMapping[]): MonthFirstColumn[] {
  const found: MonthFirstColumn[] = [];
  for (const mapping of columns) {
    const field = String(mapping.field);
    if (!isDateColumn(field)) continue;
    const evidence = emptyEvidence();
    for (const record of records) {
      const date = record.dates[field];
      if (date && typeof date.raw === 'string') addEvidence(evidence, date.raw);
    }
    if (!looksMonthFirst(evidence)) continue;
    found.push({
      column: mapping.column,
      field,
      header: mapping.header,
      monthFirstOnly: evidence.monthFirstOnly,
      ambiguous: evidence.ambiguous,
      example: evidence.example,
      order: null,
    });
  }
  return found;
}

/** A cell whose order is in question: numbers-only text whose two numbers differ. */
function orderInQuestion(date: DecodedDate | undefined): boolean {
  if (!date || typeof date.raw !== 'string') return false;
  const parts = numericDateParts(date.raw);
  return parts !== null && parts.first !== parts.second;
}

/**
 * Re-reads the records to match the confirmed orders (in place: the records
 * are this load's own) and returns every month-first column with its order:
 * - 'mdy' (confirmed, or set by the user on any date column): text dates read month first, marked 'mdy';
 * - 'dmy' on a month-first-looking column: read day first as usual, the hold lifted;
 * - not confirmed: the text dates in question are not used (marked 'pending').
 */
export function applyDateOrder(
  records: ChildRecord[],
  columns: readonly ColumnMapping[],
  choice: DateOrderChoice,
  date1904: boolean,
): MonthFirstColumn[] {
  const resolved = resolveDateOrder(choice, columns);
  const detected = detectMonthFirstColumns(records, columns);
  const result: MonthFirstColumn[] = detected.map((c) => ({ ...c, order: resolved.get(c.field) ?? null }));
  for (const [field, order] of resolved) {
    if (order !== 'mdy' || result.some((c) => c.field === field)) continue;
    const mapping = columns.find((c) => String(c.field) === field) as ColumnMapping;
    result.push({ column: mapping.column, field, header: mapping.header, monthFirstOnly: 0, ambiguous: 0, example: null, order: 'mdy' });
  }
  const mdy = new Set(result.filter((c) => c.order === 'mdy').map((c) => c.field));
  const pending = new Set(result.filter((c) => c.order === null).map((c) => c.field));
  if (mdy.size === 0 && pending.size === 0) return result;
  for (const record of records) {
    for (const field of mdy) {
      const date = record.dates[field];
      if (!orderInQuestion(date)) continue;
      const monthFirst = decodeMonthFirst(date.raw, null, date1904);
      // Not a date month first either ("15/01/2023"): left as read, so its own finding says so.
      record.dates[field] = monthFirst.day === null ? monthFirst : { ...monthFirst, order: 'mdy' };
    }
    for (const field of pending) {
      const date = record.dates[field];
      if (!orderInQuestion(date)) continue;
      // A cell that is no date either way ("02/30/2020") keeps its own finding.
      if (date.day === null && decodeMonthFirst(date.raw, null, date1904).day === null) continue;
      record.dates[field] = { reading: 'unreadable', day: null, raw: date.raw, order: 'pending' };
    }
  }
  return result;
}

/** The month-first columns still waiting for the user to confirm their order. */
export function unconfirmedColumns(columns: readonly MonthFirstColumn[]): MonthFirstColumn[] {
  return columns.filter((c) => c.order === null);
}

/** "Column G ('Date LAC')" and "columns G ('Date LAC') and H ('Date of panel')". */
export function describeColumns(columns: readonly MonthFirstColumn[]): string {
  const one = (c: MonthFirstColumn) => `${c.column} ('${c.header}')`;
  if (columns.length === 1) return `column ${one(columns[0])}`;
  return `columns ${columns.slice(0, -1).map(one).join(', ')} and ${one(columns[columns.length - 1])}`;
}

/**
 * The figures wait while a column's order is unconfirmed: working them out
 * day first would misplace every US date in it without a word.
 */
export function requireDateOrderConfirmed(columns: readonly MonthFirstColumn[], heldBack = 'the aims are'): void {
  const waiting = unconfirmedColumns(columns);
  if (waiting.length === 0) return;
  const what = describeColumns(waiting);
  throw new UserFacingError(
    'dateOrderUnconfirmed',
    `${what.charAt(0).toUpperCase()}${what.slice(1)} ${waiting.length === 1 ? 'looks' : 'look'} month/day/year, so ${heldBack} held back until the date order is confirmed for ${waiting.length === 1 ? 'it' : 'each of them'} (month/day/year or day/month/year).`,
  );
}
