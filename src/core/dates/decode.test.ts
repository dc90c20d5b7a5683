import fc from 'fast-check';
import type { CellValue } from '../grid';
import { decodeDateCell, isDateReading, isErrorValue } from './decode';
import { dayFromParts, isoFromDay, serialFromDay } from './serial';

const DATE = 'dd/mm/yyyy';
const decode = (value: CellValue, format: string | null = null, date1904 = false) => {
  const d = decodeDateCell(value, format, date1904);
  return { reading: d.reading, day: d.day === null ? null : isoFromDay(d.day) };
};

describe('decodeDateCell', () => {
  test.each<[CellValue, string | null, string, string | null]>([
    [null, null, 'blank', null],
    ['', null, 'blank', null],
    ['   ', 'General', 'blank', null],
    [43558, DATE, 'dateCell', '2019-04-03'],
    [43558.5, 'dd/mm/yyyy hh:mm', 'dateCell', '2019-04-03'],
    [43558, 'General', 'serialNumber', '2019-04-03'],
    [43558, null, 'serialNumber', '2019-04-03'],
    [7306, 'General', 'serialNumber', '1920-01-01'],
    [7305, 'General', 'implausibleNumber', null],
    [73050, 'General', 'serialNumber', '2099-12-31'],
    [73051, 'General', 'implausibleNumber', null],
    [2019, 'General', 'implausibleNumber', null],
    [2019, '0', 'implausibleNumber', null],
    [-5, 'General', 'implausibleNumber', null],
    [-5, DATE, 'implausibleNumber', null],
    [9999999, 'General', 'implausibleNumber', null],
    [9999999, DATE, 'implausibleNumber', null],
    [60, DATE, 'implausibleNumber', null],
    [0, DATE, 'placeholder', '1899-12-31'],
    [0, 'General', 'placeholder', '1899-12-31'],
    [1, DATE, 'placeholder', '1900-01-01'],
    [1, 'General', 'implausibleNumber', null],
    [2958465, DATE, 'placeholder', '9999-12-31'],
    [2958465, 'General', 'placeholder', '9999-12-31'],
    [367, DATE, 'dateCell', '1901-01-01'],
    ['#N/A', null, 'error', null],
    ['#REF!', null, 'error', null],
    ['#VALUE!', null, 'error', null],
    ['#DIV/0!', null, 'error', null],
    ['#NAME?', null, 'error', null],
    ['#NUM!', null, 'error', null],
    ['#NULL!', null, 'error', null],
    ['#SPILL!', null, 'error', null],
    ['#CALC!', null, 'error', null],
    ['#GETTING_DATA', null, 'error', null],
    ['#1', null, 'unreadable', null],
    ['00/01/1900', null, 'placeholder', '1899-12-31'],
    ['01/01/1900', null, 'placeholder', '1900-01-01'],
    ['31/12/9999', null, 'placeholder', '9999-12-31'],
    ['00/00/0000', null, 'placeholder', null],
    ['03/04/2019', '@', 'text', '2019-04-03'],
    [' 3 April 2019 ', null, 'text', '2019-04-03'],
    ['3.4.19', null, 'textTwoDigitYear', '2019-04-03'],
    ['1885-06-01', null, 'text', '1885-06-01'],
    ['tbc', null, 'unreadable', null],
    ['N/A', null, 'unreadable', null],
    ['31/02/2020', null, 'unreadable', null],
    ['43555', null, 'unreadable', null],
    ['2019', null, 'unreadable', null],
    [true, null, 'unreadable', null],
    [false, DATE, 'unreadable', null],
  ])('%p with format %p is %s (%s)', (value, format, reading, day) => {
    expect(decode(value, format)).toEqual({ reading, day });
  });

  test('keeps the raw value', () => {
    expect(decodeDateCell(' tbc ', null, false).raw).toBe(' tbc ');
    expect(decodeDateCell(43558, DATE, false).raw).toBe(43558);
  });

  test('1904 system', () => {
    expect(decode(42096, DATE, true)).toEqual({ reading: 'dateCell', day: '2019-04-03' });
    expect(decode(42096, 'General', true)).toEqual({ reading: 'serialNumber', day: '2019-04-03' });
    expect(decode(0, DATE, true)).toEqual({ reading: 'placeholder', day: '1904-01-01' });
    expect(decode(1, DATE, true)).toEqual({ reading: 'dateCell', day: '1904-01-02' });
    expect(decode('03/04/2019', null, true)).toEqual({ reading: 'text', day: '2019-04-03' });
  });

  test('a date-formatted serial round-trips in both systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromParts(1904, 1, 2), max: dayFromParts(9999, 12, 30) }), fc.boolean(), (day, date1904) => {
        const decoded = decodeDateCell(serialFromDay(day, date1904), DATE, date1904);
        expect(decoded.day).toBe(day);
        expect(decoded.reading).toBe('dateCell');
      }),
    );
  });

  test('never throws, and a day is present exactly for the readings that carry one', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double({ noNaN: true }),
      fc.integer({ min: -100000, max: 4000000 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('#N/A', '#REF!', '03/04/2019', '3 April 19', '00/01/1900', ' '),
    );
    fc.assert(
      fc.property(cell, fc.option(fc.constantFrom(DATE, 'General', '0.00', '[h]:mm', '@')), fc.boolean(), (value, format, date1904) => {
        const decoded = decodeDateCell(value, format, date1904);
        if (isDateReading(decoded.reading)) expect(Number.isInteger(decoded.day)).toBe(true);
        if (['blank', 'error', 'unreadable', 'implausibleNumber'].includes(decoded.reading)) expect(decoded.day).toBeNull();
      }),
    );
  });
});

describe('isErrorValue', () => {
  test('recognises error strings only', () => {
    expect(isErrorValue('#N/A')).toBe(true);
    expect(isErrorValue('#n/a')).toBe(true);
    expect(isErrorValue('#REF!')).toBe(true);
    expect(isErrorValue('#REF')).toBe(false);
    expect(isErrorValue('# of visits')).toBe(false);
    expect(isErrorValue('N/A')).toBe(false);
  });
});
