/**
 * Small formatting helpers for check messages: dates as the reader writes
 * them, ages by integer calendar arithmetic (no Date objects per row).
 */
import type { DayNumber } from '../model';
import type { CellValue } from '../grid';
import { dayFromIso, isoFromDay, ukFromDay } from '../dates/serial';

/** Day number to a UK date, dd/mm/yyyy (the reader's own formatting, so every message agrees). */
export const ukDate: (day: DayNumber) => string = ukFromDay;

/** Day number to ISO yyyy-mm-dd. */
export const isoDate: (day: DayNumber) => string = isoFromDay;

/** A cell's value as the user would see it in a message ('tbc', 2019, #N/A). */
export function shownValue(raw: CellValue): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw.trim();
  return String(raw);
}

/** ISO yyyy-mm-dd to a day number (days since 1970-01-01); null when it is not a real date. */
export const dayFromIsoDate: (iso: string) => DayNumber | null = dayFromIso;
