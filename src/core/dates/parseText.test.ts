import fc from 'fast-check';
import { parseDateText } from './parseText';
import { dayFromParts, isoFromDay, ukFromDay } from './serial';

const read = (text: string) => {
  const parsed = parseDateText(text);
  return parsed === null ? null : { iso: isoFromDay(parsed.day), twoDigitYear: parsed.twoDigitYear };
};

describe('parseDateText reads UK typed dates', () => {
  test.each([
    ['03/04/2019', '2019-04-03', false],
    ['3/4/2019', '2019-04-03', false],
    ['3/4/19', '2019-04-03', true],
    ['3.4.2019', '2019-04-03', false],
    ['3.4.19', '2019-04-03', true],
    ['3-4-2019', '2019-04-03', false],
    ['03 04 2019', '2019-04-03', false],
    ['3 April 2019', '2019-04-03', false],
    ['3 april 2019', '2019-04-03', false],
    ['3rd April 2019', '2019-04-03', false],
    ['1st Jan 2020', '2020-01-01', false],
    ['22nd Sept 2021', '2021-09-22', false],
    ['3rd of April 2019', '2019-04-03', false],
    ['03-Apr-19', '2019-04-03', true],
    ['03-APR-2019', '2019-04-03', false],
    ['3 Apr 2019', '2019-04-03', false],
    ['3 Apr, 2019', '2019-04-03', false],
    ['Wednesday 3 April 2019', '2019-04-03', false],
    ['2019-04-03', '2019-04-03', false],
    ['2019-04-03T00:00:00', '2019-04-03', false],
    ['2019-04-03T00:00:00.000Z', '2019-04-03', false],
    ['2019/04/03', '2019-04-03', false],
    ['  03/04/2019  ', '2019-04-03', false],
    ['03 / 04 / 2019', '2019-04-03', false],
    ['03/04/2019 00:00', '2019-04-03', false],
    ['03/04/2019 14:30:00', '2019-04-03', false],
    ['29/02/2024', '2024-02-29', false],
    ['31/12/9999', '9999-12-31', false],
    ['01/01/1900', '1900-01-01', false],
    ['12/05/1890', '1890-05-12', false],
    ['1/1/50', '2050-01-01', true],
    ['1/1/51', '1951-01-01', true],
    ['1/1/00', '2000-01-01', true],
  ])('%p is %s', (text, expected, twoDigitYear) => {
    expect(read(text)).toEqual({ iso: expected, twoDigitYear });
  });

  test.each([
    '31/02/2020',
    '29/02/2023',
    '00/01/2019',
    '32/01/2019',
    '12/13/2019',
    '04/31/2019',
    'April 3 2019',
    'tbc',
    'N/A',
    '',
    '   ',
    '2019',
    '43555',
    '03042019',
    '3/4',
    'April 2019',
    '3 Foo 2019',
    '03/04-2019',
    '3/4/019',
    '01/01/0019',
    'pending - 3/4/2019',
    '3/4/2019 (court)',
  ])('%p is not a date', (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  test('every real day written dd/mm/yyyy reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromParts(1900, 1, 1), max: dayFromParts(2099, 12, 31) }), (day) => {
        expect(parseDateText(ukFromDay(day))).toEqual({ day, twoDigitYear: false });
        expect(parseDateText(isoFromDay(day))).toEqual({ day, twoDigitYear: false });
      }),
    );
  });

  test('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const parsed = parseDateText(text);
        expect(parsed === null || Number.isInteger(parsed.day)).toBe(true);
      }),
    );
  });
});
