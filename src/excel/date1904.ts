/**
 * Whether the workbook uses the 1904 date system. No released Office.js API
 * says so, so it is inferred without writing: a date cell's displayed text
 * is compared with its serial decoded both ways (they differ by 4 years and
 * a day).
 */
import { dayFromSerial, isoFromDay } from '../core/dates';

export interface DateSample {
  serial: number;
  /** What Excel displays (range.text). */
  text: string;
}

function shownParts(serial: number, date1904: boolean): { year: number; day: number } | null {
  const day = dayFromSerial(serial, date1904);
  if (day === null) return null;
  const iso = isoFromDay(day);
  return { year: Number(iso.slice(0, 4)), day: Number(iso.slice(8, 10)) };
}

/** True when the displayed text shows this decoding's year (4 or 2 digits) and day of month. */
export function textMatches(text: string, parts: { year: number; day: number } | null): boolean {
  if (!parts) return false;
  const numbers = (text.match(/\d+/g) ?? []).map((g) => ({ value: Number(g), digits: g.length }));
  const hasYear = numbers.some((n) => (n.digits === 4 && n.value === parts.year) || (n.digits === 2 && n.value === parts.year % 100));
  const hasDay = numbers.some((n) => n.digits <= 2 && n.value === parts.day);
  return hasYear && hasDay;
}

/** 1904 when more samples agree with it than with 1900; false when nothing decides. */
export function inferDate1904(samples: DateSample[]): boolean {
  let votes1900 = 0;
  let votes1904 = 0;
  for (const { serial, text } of samples) {
    const as1900 = textMatches(text, shownParts(serial, false));
    const as1904 = textMatches(text, shownParts(serial, true));
    if (as1900 && !as1904) votes1900++;
    if (as1904 && !as1900) votes1904++;
  }
  return votes1904 > votes1900;
}
