import { child, dayFromIso } from '../../test/support/checks';
import { populationNote, populationStart, splitPopulation } from './population';
import { isoFromDay } from './dates';

describe('the PACE population', () => {
  test('the year before the as-of date starts on the same date a year earlier', () => {
    expect(isoFromDay(populationStart(dayFromIso('2024-03-31')))).toBe('2023-03-31');
    expect(isoFromDay(populationStart(dayFromIso('2024-02-29')))).toBe('2023-02-28');
    expect(isoFromDay(populationStart(dayFromIso('2024-01-01')))).toBe('2023-01-01');
  });

  const records = [
    child({ row: 4, dates: { lookedAfterStart: '2019-01-01', ceasedDate: '2022-12-01' } }),
    child({ row: 5, dates: { lookedAfterStart: '2019-01-01' } }),
    child({ row: 6, dates: { lookedAfterStart: '2019-01-01', ceasedDate: '2023-06-01' } }),
    child({ row: 7, childId: null, dates: { lookedAfterStart: '2019-01-01', ceasedDate: '2020-02-02' } }),
  ];
  const asOf = dayFromIso('2024-03-31');

  test('rows that ceased before the population start are left out by default and listed', () => {
    const split = splitPopulation(records, asOf);
    expect(split.records.map((r) => r.row)).toEqual([5, 6]);
    expect(split.outside).toEqual([
      { childId: 'C0004', row: 4, ceasedDate: '2022-12-01' },
      { childId: null, row: 7, ceasedDate: '2020-02-02' },
    ]);
    expect(populationNote(split, 'Use --include-outside-population to keep them.')).toBe(
      '2 rows left out of the figures: the children ceased to be looked after more than a year before the as-of date, so are outside the PACE population. Use --include-outside-population to keep them.',
    );
  });
  test('kept at the user’s request: every row stays, still listed', () => {
    const split = splitPopulation(records, asOf, true);
    expect(split.records.map((r) => r.row)).toEqual([4, 5, 6, 7]);
    expect(split.outside).toHaveLength(2);
    expect(populationNote(split, '')).toMatch(/^2 rows outside the PACE population .* are kept in the figures, as you asked\.$/);
  });
  test('no note when every row is in the population', () => {
    expect(populationNote(splitPopulation([records[1]], asOf), 'x')).toBeNull();
  });
});
