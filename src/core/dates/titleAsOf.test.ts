import type { CellValue, SheetGrid } from '../grid';
import { asOfFromTitleText, findTitleAsOf } from './titleAsOf';
import { dayFromParts, isoFromDay } from './serial';

function iso(result: { day: number } | null): string | null {
  return result === null ? null : isoFromDay(result.day);
}

describe('asOfFromTitleText', () => {
  test.each([
    ['Data as at 31/03/2024', '2024-03-31', 'as at 31/03/2024'],
    ['As of 31 March 2024', '2024-03-31', 'As of 31 March 2024'],
    ['Position at 31.03.24', '2024-03-31', 'Position at 31.03.24'],
    ['PACE tracker – North – as at: 1st April 2023', '2023-04-01', 'as at: 1st April 2023'],
    ['Correct as at 2024-02-29 (monthly return)', '2024-02-29', 'Correct as at 2024-02-29'],
  ])('%s → %s', (text, expected, phrase) => {
    const found = asOfFromTitleText(text);
    expect(iso(found)).toBe(expected);
    expect(found?.text).toBe(phrase);
  });

  test.each([
    'PACE permanence tracker - North Authority',
    'Children looked after 01/04/2023 to 31/03/2024', // a period, not an as-of date
    'As at the end of March, for the 2019 cohort 01/02/2020', // the date is not next to the words
    'As at 31/02/2024', // no such day
    'Data at home 31/03/2024', // "data at" must be the words, not part of another phrase
  ])('no as-of date in %s', (text) => {
    expect(asOfFromTitleText(text)).toBeNull();
  });
});

function grid(values: CellValue[][], formats?: string[][]): SheetGrid {
  return { sheetName: 'Tracker', firstRow: 1, firstColumn: 1, values, numberFormats: formats ?? null, table: null };
}

describe('findTitleAsOf', () => {
  test('finds the date in a title row above the header, with the cell it came from', () => {
    const g = grid([
      ['PACE tracker', null],
      [null, 'Data as at 31/03/2024'],
      ['Child ID', 'Date LAC'],
      ['C1', '12/01/2020'],
    ]);
    expect(findTitleAsOf(g, 3, false)).toEqual({ day: dayFromParts(2024, 3, 31), text: 'as at 31/03/2024', cell: 'B2' });
  });

  test('reads a label cell "As at" followed by a real date cell', () => {
    // 45382 is 31/03/2024 in the 1900 date system.
    const g = grid(
      [
        ['As at:', null, 45382],
        ['Child ID', 'Date LAC', null],
      ],
      [
        ['General', 'General', 'dd/mm/yyyy'],
        ['General', 'General', 'General'],
      ],
    );
    expect(findTitleAsOf(g, 2, false)).toEqual({ day: dayFromParts(2024, 3, 31), text: 'As at: 31/03/2024', cell: 'C1' });
  });

  test('ignores dates in the data rows and a header-only sheet', () => {
    const g = grid([
      ['Child ID', 'As at 31/03/2024'],
      ['C1', 'As at 31/03/2024'],
    ]);
    expect(findTitleAsOf(g, 1, false)).toBeNull();
  });

  test('a grid that starts below row 1 counts title rows from its own first row', () => {
    const g: SheetGrid = { ...grid([['As of 30 June 2023'], ['Child ID']]), firstRow: 4, firstColumn: 3 };
    expect(findTitleAsOf(g, 5, false)).toEqual({ day: dayFromParts(2023, 6, 30), text: 'As of 30 June 2023', cell: 'C4' });
  });
});
