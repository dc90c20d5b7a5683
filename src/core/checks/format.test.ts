import fc from 'fast-check';
import { isoDate, shownValue, ukDate } from './format';
import { ageInYears, civilFromDay } from '../dates/serial';

const day = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

describe('check message formatting', () => {
  test('ukDate writes dd/mm/yyyy', () => {
    expect(ukDate(day('2021-03-04'))).toBe('04/03/2021');
    expect(ukDate(0)).toBe('01/01/1970');
    expect(ukDate(day('1900-01-01'))).toBe('01/01/1900');
  });
  test('civilFromDay agrees with the calendar for any day from 1800 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000, max: 2_932_896 }), (n) => {
        const d = new Date(n * 86_400_000);
        expect(civilFromDay(n)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
      }),
    );
  });
  test('isoDate writes yyyy-mm-dd', () => {
    expect(isoDate(day('2024-02-29'))).toBe('2024-02-29');
  });
  test('ageInYears counts the birthday itself', () => {
    expect(ageInYears(day('2006-05-10'), day('2024-05-09'))).toBe(17);
    expect(ageInYears(day('2006-05-10'), day('2024-05-10'))).toBe(18);
    expect(ageInYears(day('2008-02-29'), day('2026-02-28'))).toBe(17);
    expect(ageInYears(day('2008-02-29'), day('2026-03-01'))).toBe(18);
  });
  test('shownValue trims text and prints numbers', () => {
    expect(shownValue('  tbc ')).toBe('tbc');
    expect(shownValue(2019)).toBe('2019');
    expect(shownValue(null)).toBe('');
  });
});
