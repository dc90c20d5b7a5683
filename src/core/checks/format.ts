/**
 * Small formatting helpers for check messages: dates as the reader writes
 * them, ages by integer calendar arithmetic (no Date objects per row).
 */
import type { DayNumber } from '../model';
import type { CellValue } from '../grid';
import { dayFromIso, isoFromDay, ukFromDay } from '../dates/serial';

/**
 * Day number to year, month (1-12) and day of month, by integer arithmetic
 * (H. Hinnant's civil-from-days): no Date objects, fast for many messages.
 */
export function civilFromDay(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Day number to a UK date, dd/mm/yyyy (the reader's own formatting, so every message agrees). */
export const ukDate: (day: DayNumber) => string = ukFromDay;

/** Day number to ISO yyyy-mm-dd. */
export const isoDate: (day: DayNumber) => string = isoFromDay;

/** Whole years between a date of birth and a later day (birthday counts on the day). */
export function ageInYears(birth: DayNumber, on: DayNumber): number {
  const b = civilFromDay(birth);
  const o = civilFromDay(on);
  let age = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) age -= 1;
  return age;
}

/** A cell's value as the user would see it in a message ('tbc', 2019, #N/A). */
export function shownValue(raw: CellValue): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw.trim();
  return String(raw);
}

/** ISO yyyy-mm-dd to a day number (days since 1970-01-01); null when it is not a real date. */
export const dayFromIsoDate: (iso: string) => DayNumber | null = dayFromIso;
