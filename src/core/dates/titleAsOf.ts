/**
 * The as-of date a sheet's title rows give ("Data as at 31/03/2024", "As of
 * 31 March 2024", "Position at 31.03.24"). It is only ever offered to the
 * user: a title is often last month's and forgotten, so it never replaces the
 * as-of date the user chose (or today) without being asked.
 */
import type { CellValue, SheetGrid } from '../grid';
import { cellAddress } from '../grid';
import type { DayNumber } from '../model';
import { decodeDateCell, isDateReading } from './decode';
import { parseDateText } from './parseText';
import { ukFromDay } from './serial';

export interface TitleAsOf {
  /** The date, as a day number. */
  day: DayNumber;
  /** The words that gave it, as written ("as at 31/03/2024"), for the hint shown to the user. */
  text: string;
  /** The title cell (A1) it was found in. */
  cell: string;
}

/**
 * The phrases that say "these figures are as of": "as at", "as of", "position
 * (as) at", "correct (as) at", "snapshot (as) at", "data at". A bare "at" is
 * too loose, and "up to" names a period, not a day.
 */
const AS_OF_WORDS = /\b(?:as\s+(?:at|of)|position\s+(?:as\s+)?at|correct\s+(?:as\s+)?at|snapshot\s+(?:as\s+)?at|data\s+at)\b\s*[:\-–]?\s*/i;

/** Dates as a title writes them: 31/03/2024, 31.03.24, 31-3-2024, 2024-03-31, 31 March 2024, 31st of March, 2024. */
const DATE_IN_TEXT = new RegExp(
  [
    '\\d{4}-\\d{1,2}-\\d{1,2}',
    '\\d{1,2}[/.\\-]\\d{1,2}[/.\\-]\\d{2,4}',
    '\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?[A-Za-z]{3,9}\\.?,?\\s+\\d{2,4}',
  ].join('|'),
);

/** The as-of date in one title text, or null. */
export function asOfFromTitleText(text: string): { day: DayNumber; text: string } | null {
  const words = AS_OF_WORDS.exec(text);
  if (!words) return null;
  const after = text.slice(words.index + words[0].length);
  const date = DATE_IN_TEXT.exec(after);
  // The date must follow the words closely ("as at 31/03/2024", not "as at the end of the year, 2019 cohort 01/02/2020").
  if (!date || date.index > 3) return null;
  const parsed = parseDateText(date[0]);
  if (!parsed) return null;
  const phrase = text.slice(words.index, words.index + words[0].length + date.index + date[0].length).replace(/\s+/g, ' ').trim();
  return { day: parsed.day, text: phrase };
}

/** True for a label cell that is only the words ("As at:"), whose date is in the next cell. */
function isWordsOnly(text: string): boolean {
  const words = AS_OF_WORDS.exec(text);
  return words !== null && text.slice(words.index + words[0].length).trim() === '';
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * The as-of date the title rows above the header row offer, or null. Reads
 * each title cell left to right; a label cell "As at" followed by a real date
 * cell counts too. The first date found wins.
 */
export function findTitleAsOf(grid: SheetGrid, headerRow: number, date1904: boolean): TitleAsOf | null {
  const lastTitleIndex = Math.min(grid.values.length, headerRow - grid.firstRow);
  for (let r = 0; r < lastTitleIndex; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value !== 'string' || value.trim() === '') continue;
      const cell = cellAddress(grid.firstRow + r, grid.firstColumn + c);
      const inText = asOfFromTitleText(value);
      if (inText) return { ...inText, cell };
      if (!isWordsOnly(value)) continue;
      let next = c + 1;
      while (next < row.length && isBlank(row[next])) next++;
      if (next >= row.length) continue;
      const decoded = decodeDateCell(row[next], grid.numberFormats?.[r]?.[next] ?? null, date1904);
      if (decoded.day !== null && isDateReading(decoded.reading) && decoded.reading !== 'serialNumber') {
        const nextCell = cellAddress(grid.firstRow + r, grid.firstColumn + next);
        return { day: decoded.day, text: `${value.trim()} ${typeof row[next] === 'string' ? String(row[next]).trim() : ukFromDay(decoded.day)}`, cell: nextCell };
      }
    }
  }
  return null;
}
