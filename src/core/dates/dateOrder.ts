/**
 * Day/month order of dates typed as numbers-only text ("04/23/2019"). The
 * add-in reads them day first (UK); a column typed the US way is found from
 * its own cells (a second number above 12 somewhere, a first number above 12
 * nowhere) and re-read month first once the user confirms it. Real date cells
 * carry no order question: Excel already knows their day.
 */
import type { CellValue } from '../grid';
import type { DecodedDate } from '../model';
import { decodeDateCell } from './decode';

export type DateOrder = 'dmy' | 'mdy';

/** The first two numbers of a numbers-only date and what follows (separator, year, any time). */
const NUMERIC_DATE = /^(\s*)(\d{1,2})(\s*[-/. ]\s*)(\d{1,2})(\s*[-/. ]\s*\d{2,4}\b.*)$/;

export interface NumericDateParts {
  first: number;
  second: number;
}

/** The first two numbers of numbers-only date text ("04/23/2019" → 4, 23); null for anything else. */
export function numericDateParts(raw: CellValue): NumericDateParts | null {
  if (typeof raw !== 'string') return null;
  const m = NUMERIC_DATE.exec(raw);
  return m ? { first: Number(m[2]), second: Number(m[4]) } : null;
}

/** "04/23/2019" → "23/04/2019": the text with its first two numbers swapped (other text unchanged). */
export function swapDayMonth(text: string): string {
  return text.replace(NUMERIC_DATE, (_all, lead: string, a: string, sep: string, b: string, rest: string) => `${lead}${b}${sep}${a}${rest}`);
}

/**
 * Reads one cell month first: numbers-only text is swapped and read the usual
 * way (so the same strict parser judges it), keeping the cell's own value.
 * Anything else (real dates, "3 April 2019", 2019-04-23) reads as it always does.
 */
export function decodeMonthFirst(value: CellValue, numberFormat: string | null, date1904: boolean): DecodedDate {
  if (typeof value !== 'string' || numericDateParts(value) === null) return decodeDateCell(value, numberFormat, date1904);
  const decoded = decodeDateCell(swapDayMonth(value), numberFormat, date1904);
  return { ...decoded, raw: value };
}

/** How a column's numbers-only text dates read (counts of cells). */
export interface OrderEvidence {
  /** First number above 12: only day first makes sense. */
  dayFirstOnly: number;
  /** Second number above 12 and first not: only month first makes sense. */
  monthFirstOnly: number;
  /** Both 12 or under and different: either order reads. */
  ambiguous: number;
  /** The first cell value that only makes sense month first, to quote to the user. */
  example: string | null;
}

export function emptyEvidence(): OrderEvidence {
  return { dayFirstOnly: 0, monthFirstOnly: 0, ambiguous: 0, example: null };
}

/** Adds one cell to a column's evidence (cells that are not numbers-only text add nothing). */
export function addEvidence(evidence: OrderEvidence, raw: CellValue): void {
  const parts = numericDateParts(raw);
  if (!parts) return;
  const { first, second } = parts;
  if (first > 12 && second <= 12) evidence.dayFirstOnly += 1;
  else if (second > 12 && first <= 12 && first >= 1) {
    evidence.monthFirstOnly += 1;
    if (evidence.example === null) evidence.example = String(raw).trim();
  } else if (first <= 12 && second <= 12 && first !== second) evidence.ambiguous += 1;
}

/**
 * True when a column's text dates only make sense month first: some cell
 * needs it, none contradicts it, and at least two text dates are at stake
 * (a single mistyped "03/13/2019" among real date cells is a typing slip the
 * unreadable-date check already reports, not a US column).
 */
export function looksMonthFirst(evidence: OrderEvidence): boolean {
  return evidence.monthFirstOnly >= 1 && evidence.dayFirstOnly === 0 && evidence.monthFirstOnly + evidence.ambiguous >= 2;
}
