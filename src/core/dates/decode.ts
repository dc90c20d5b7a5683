/**
 * How one cell of a date column was read. Every cell of every date column
 * goes through here, so the common cases (blank, date-formatted number) are
 * decided first and cheaply.
 */
import type { CellValue } from '../grid';
import type { DateReading, DayNumber, DecodedDate } from '../model';
import { isDateNumberFormat } from './numberFormat';
import { parseDateText } from './parseText';
import { dayFromParts, dayFromSerial } from './serial';

/** 31/12/9999: a "no date yet" dummy some systems export. */
const DAY_31_DEC_9999 = dayFromParts(9999, 12, 31);
/** Excel's "00/01/1900" (serial 0), read as 31/12/1899. */
const DAY_00_JAN_1900 = dayFromParts(1899, 12, 31);
const DAY_01_JAN_1900 = dayFromParts(1900, 1, 1);
const DAY_01_JAN_1904 = dayFromParts(1904, 1, 1);
const PLACEHOLDER_DAYS: ReadonlySet<DayNumber> = new Set([DAY_00_JAN_1900, DAY_01_JAN_1900, DAY_31_DEC_9999]);

/** A plain number is taken as a date serial only when it lands where this service's dates can be. */
const PLAUSIBLE_FROM = dayFromParts(1920, 1, 1);
const PLAUSIBLE_TO = dayFromParts(2099, 12, 31);

/** Excel's error values as Office.js and exceljs hand them over. */
const ERROR_VALUE = /^#(?:N\/A|NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!|BUSY!|EXTERNAL!|PYTHON!)$/i;

/** Typed dummies: 00/01/1900, 0/0/0000, 00.00.00 (no real day behind them). */
const TEXT_ZERO_DATE = /^0{1,2}[-/. ]0{0,1}[01][-/. ](?:1900|0{2}|0{4})$/;

const HAS_DIGIT = /[0-9]/;

/**
 * Blank cells are most of a tracker (later milestones not reached yet): one
 * shared, frozen answer each for null and "" saves a million allocations on
 * big sheets. Frozen, so no caller can change it for everyone.
 */
const BLANK_NULL: DecodedDate = Object.freeze({ reading: 'blank', day: null, raw: null });
const BLANK_EMPTY: DecodedDate = Object.freeze({ reading: 'blank', day: null, raw: '' });

function result(reading: DateReading, day: DayNumber | null, raw: CellValue): DecodedDate {
  return { reading, day, raw };
}

/** True for the strings Excel shows for error values (#N/A, #REF!…). */
export function isErrorValue(text: string): boolean {
  return text.length <= 14 && text.charCodeAt(0) === 35 /* # */ && ERROR_VALUE.test(text);
}

function decodeNumber(value: number, numberFormat: string | null, date1904: boolean, raw: CellValue): DecodedDate {
  if (!Number.isFinite(value)) return result('implausibleNumber', null, raw);
  const serial = Math.floor(value);
  const day = dayFromSerial(value, date1904);
  // Zero in a date column is the classic "lookup found nothing" dummy, formatted or not.
  if (serial === 0) return result('placeholder', date1904 ? DAY_01_JAN_1904 : DAY_00_JAN_1900, raw);
  if (day !== null && day === DAY_31_DEC_9999) return result('placeholder', day, raw);
  if (isDateNumberFormat(numberFormat)) {
    if (day === null) return result('implausibleNumber', null, raw);
    if (PLACEHOLDER_DAYS.has(day)) return result('placeholder', day, raw);
    return result('dateCell', day, raw);
  }
  if (day !== null && day >= PLAUSIBLE_FROM && day <= PLAUSIBLE_TO) return result('serialNumber', day, raw);
  return result('implausibleNumber', null, raw);
}

function decodeText(value: string, raw: CellValue): DecodedDate {
  const text = value.trim();
  if (text === '') return result('blank', null, raw);
  if (isErrorValue(text)) return result('error', null, raw);
  if (TEXT_ZERO_DATE.test(text)) return result('placeholder', text.endsWith('1900') ? DAY_00_JAN_1900 : null, raw);
  // Digits alone ("43555", "2019", "03042019") are unreadable, not serials: text
  // cannot be sorted or filtered as a date in Excel, so the user must re-enter it.
  // Every date form has digits; names and notes ("tbc", "Female") stop here cheaply.
  const parsed = HAS_DIGIT.test(text) ? parseDateText(text) : null;
  if (parsed === null) return result('unreadable', null, raw);
  if (PLACEHOLDER_DAYS.has(parsed.day)) return result('placeholder', parsed.day, raw);
  return result(parsed.twoDigitYear ? 'textTwoDigitYear' : 'text', parsed.day, raw);
}

/**
 * Reads one date cell: the number (with its format) or the text, in the
 * workbook's date system. Never throws.
 */
export function decodeDateCell(value: CellValue, numberFormat: string | null, date1904: boolean): DecodedDate {
  if (value === null || value === undefined) return BLANK_NULL;
  if (value === '') return BLANK_EMPTY;
  if (typeof value === 'number') return decodeNumber(value, numberFormat, date1904, value);
  if (typeof value === 'string') return decodeText(value, value);
  return result('unreadable', null, value);
}

/** Readings that give a usable calendar day (placeholders excluded). */
export function isDateReading(reading: DateReading): boolean {
  return reading === 'dateCell' || reading === 'serialNumber' || reading === 'text' || reading === 'textTwoDigitYear';
}
