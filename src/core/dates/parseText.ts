/**
 * Reading dates people typed as text, the UK way (day first). A fast regex
 * finds the parts; date-fns's isExists rejects days that never were
 * (31/02/2020). US month-first forms ("April 3 2019", "04/03/2019" as 3 April)
 * are deliberately not read: in a Scottish sheet they would be wrong.
 */
// Its own module, not the package's index: that loads all three hundred of date-fns's functions (about 40 ms at every command's start).
import { isExists } from 'date-fns/isExists';
import type { DayNumber } from '../model';
import { dayFromParts } from './serial';

export interface ParsedDateText {
  day: DayNumber;
  /** True when the year was written with two digits and the century was assumed. */
  twoDigitYear: boolean;
}

/**
 * Two-digit years up to this are 20xx, above it 19xx. No child in a PACE
 * sheet was born before 1951 and no milestone lies beyond 2050, so 50 reads
 * every realistic date right.
 */
export const TWO_DIGIT_YEAR_PIVOT = 50;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s*)?';
const TIME = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s?[ap]m)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';

/** 2019-04-03, 2019/04/03, with an optional time (as exports write them). */
const YEAR_FIRST = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME}$`, 'i');
/** 03/04/2019, 3.4.19, 3-4-2019, 03 04 2019 (same separator twice). */
const DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})([-/. ])(\\d{1,2})\\2(\\d{4}|\\d{2})${TIME}$`, 'i');
/** 3 April 2019, 3rd April 2019, 03-Apr-19, 3 Apr, 2019, Wednesday 3rd of April 2019. */
const NAMED_MONTH = new RegExp(
  `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[-/. ]([a-z]+)\\.?,?[-/. ](\\d{4}|\\d{2})${TIME}$`,
  'i',
);

function expandYear(yearText: string): { year: number; twoDigitYear: boolean } {
  const year = Number(yearText);
  if (yearText.length === 2) return { year: year <= TWO_DIGIT_YEAR_PIVOT ? 2000 + year : 1900 + year, twoDigitYear: true };
  return { year, twoDigitYear: false };
}

function build(yearText: string, month: number, dayOfMonth: number): ParsedDateText | null {
  const { year, twoDigitYear } = expandYear(yearText);
  // Years 0-99 written with four digits ("0019") are typing slips, not dates.
  if (year < 100) return null;
  if (!isExists(year, month - 1, dayOfMonth)) return null;
  return { day: dayFromParts(year, month, dayOfMonth), twoDigitYear };
}

/** Normalises spacing: trims, single spaces, no spaces around / . - separators. */
function tidy(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/ ?([/.\-,]) ?/g, '$1').replace(/,(?=\S)/g, ', ').replace(/, /g, ' ');
}

/** A date typed as text, UK day-first; null when the text is not a real date. */
export function parseDateText(text: string): ParsedDateText | null {
  if (text.length > 60) return null;
  const t = tidy(text);
  if (t.length < 6) return null;
  let m = DAY_FIRST.exec(t);
  if (m) return build(m[4], Number(m[3]), Number(m[1]));
  m = YEAR_FIRST.exec(t);
  if (m) return build(m[1], Number(m[3]), Number(m[4]));
  m = NAMED_MONTH.exec(t);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    if (month === undefined) return null;
    return build(m[3], month, Number(m[1]));
  }
  return null;
}
