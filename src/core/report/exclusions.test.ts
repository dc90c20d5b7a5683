import { asOfLine, exclusionSentence } from './exclusions';

const reason = 'end date before start date';

describe('what an aim sheet says was left out', () => {
  test('nothing left out: the as-of line as it was', () => {
    expect(exclusionSentence({ excluded: [] })).toBe('');
    expect(asOfLine('As of 31/03/2024', { excluded: [] }, { outside: 0, kept: false })).toBe('As of 31/03/2024');
  });
  test('one child with the end before the start, and rows outside the population', () => {
    const result = { excluded: [{ childId: 'C16', row: 16, reason }] };
    expect(asOfLine('As of 31/03/2024', result, { outside: 2, kept: false })).toBe(
      'As of 31/03/2024. 1 child is excluded from every figure because the end date is before the start date (row 16): correct the dates and run the report again. 2 rows outside the PACE population (ceased to be looked after more than a year before the as-of date) are left out.',
    );
  });
  test('several children, rows listed up to ten; kept rows said as kept', () => {
    const excluded = Array.from({ length: 12 }, (_, i) => ({ childId: null, row: 10 + i, reason }));
    expect(exclusionSentence({ excluded }, { outside: 1, kept: true })).toBe(
      '12 children are excluded from every figure because the end date is before the start date (rows 10, 11, 12, 13, 14, 15, 16, 17, 18, 19…): correct the dates and run the report again. 1 row outside the PACE population (ceased to be looked after more than a year before the as-of date) is kept in these figures, as chosen.',
    );
  });
});
