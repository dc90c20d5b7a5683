/**
 * Excel serial numbers <-> calendar days (days since 1970-01-01), and the
 * small day helpers everyone needs. Integer offsets only: these run for every
 * date cell of big sheets.
 */
import type { DayNumber } from '../model';

const MS_PER_DAY = 86_400_000;

/** 1900 system: serial 25569 is 1970-01-01 (serials from 61 on, after Lotus's fake 29/02/1900). */
const OFFSET_1900 = 25569;
/** 1900 system, serials 1..59 (1 Jan-28 Feb 1900) sit one day later because of the fake 29 Feb. */
const OFFSET_1900_EARLY = 25568;
/** 1904 system: serial 0 is 1904-01-01 = day -24107. */
const OFFSET_1904 = 24107;
/** Serial of 31/12/9999, the last day Excel can show, in the 1900 system. */
export const MAX_SERIAL_1900 = 2958465;
export const MAX_SERIAL_1904 = MAX_SERIAL_1900 - 1462;
/** The fake 29/02/1900 of the 1900 system. */
const FAKE_LEAP_SERIAL = 60;

/**
 * The calendar day of an Excel serial, time of day dropped. Null for serial
 * 60 in the 1900 system (29/02/1900 never existed), negatives and serials
 * past 31/12/9999. Serial 0 in the 1900 system is Excel's "00/01/1900",
 * read as 31/12/1899 so it can be recognised as a placeholder.
 */
export function dayFromSerial(serial: number, date1904: boolean): DayNumber | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const whole = Math.floor(serial);
  if (date1904) return whole > MAX_SERIAL_1904 ? null : whole - OFFSET_1904;
  if (whole > MAX_SERIAL_1900) return null;
  if (whole > FAKE_LEAP_SERIAL) return whole - OFFSET_1900;
  if (whole === FAKE_LEAP_SERIAL) return null;
  return whole - OFFSET_1900_EARLY;
}

/** The Excel serial of a calendar day (inverse of dayFromSerial on its range). */
export function serialFromDay(day: DayNumber, date1904: boolean): number {
  if (date1904) return day + OFFSET_1904;
  const firstOfMarch1900 = FAKE_LEAP_SERIAL - OFFSET_1900_EARLY; // days before it sit before the fake 29/02
  return day >= firstOfMarch1900 ? day + OFFSET_1900 : day + OFFSET_1900_EARLY;
}

function utcDate(day: DayNumber): Date {
  return new Date(day * MS_PER_DAY);
}

/** yyyy-mm-dd. */
export function isoFromDay(day: DayNumber): string {
  return utcDate(day).toISOString().slice(0, 10);
}

/** Day of a UTC calendar date (month 1-12); no validation. */
export function dayFromParts(year: number, month: number, dayOfMonth: number): DayNumber {
  const date = new Date(Date.UTC(2000, month - 1, dayOfMonth));
  // setUTCFullYear keeps years 0-99 literal (Date.UTC would move them to 19xx).
  date.setUTCFullYear(year, month - 1, dayOfMonth);
  return Math.round(date.getTime() / MS_PER_DAY);
}

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day of a strict yyyy-mm-dd string; null when it is not one or the day does not exist. */
export function dayFromIso(iso: string): DayNumber | null {
  const m = ISO_PATTERN.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const dayOfMonth = Number(m[3]);
  const day = dayFromParts(year, month, dayOfMonth);
  // Round-trip rejects 31/02 and month 13 without home-made calendar rules.
  return isoFromDay(day) === iso ? day : null;
}

/** A yyyy-mm-dd date as an Excel serial in the workbook's date system; null when it is not a real date. */
export function serialFromIso(iso: string, date1904: boolean): number | null {
  const day = dayFromIso(iso);
  return day === null ? null : serialFromDay(day, date1904);
}

/** dd/mm/yyyy, as UK data leads read dates. */
export function ukFromDay(day: DayNumber): string {
  const iso = isoFromDay(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Today's calendar day where the user is (local time, not UTC). */
export function todayDay(now: Date = new Date()): DayNumber {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Exact weeks between two days (days / 7); negative when end is before start. */
export function weeksBetween(startDay: DayNumber, endDay: DayNumber): number {
  return weeksFromDays(endDay - startDay);
}

/** Exact weeks in a count of days (days / 7): the one place weeks are made from days. */
export function weeksFromDays(days: number): number {
  return days / 7;
}

/**
 * Weeks from whole days, to one decimal. days × 10 / 7 is never exactly a
 * half, so plain rounding is exact here (and cheaper than the general roundTo1).
 */
export function weeksToOneDecimal(days: number): number {
  const r = Math.round((days * 10) / 7) / 10;
  return r === 0 ? 0 : r;
}

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

/** Whole years between a date of birth and a later day (birthday counts on the day; born 29 February: 1 March in other years). */
export function ageInYears(birth: DayNumber, on: DayNumber): number {
  const b = civilFromDay(birth);
  const o = civilFromDay(on);
  let age = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) age -= 1;
  return age;
}

/** Rounds to one decimal, halves away from zero (never "-0"). */
export function roundTo1(x: number): number {
  const rounded = (Math.sign(x) * Math.round((Math.abs(x) + Number.EPSILON) * 10)) / 10;
  return rounded === 0 ? 0 : rounded;
}
