import { child, runRule } from '../../../../test/support/checks';
import { outsidePopulation } from './outside-population';

// As of 31/03/2024 the population takes children who ceased on or after 31/03/2023.
const run = (ceasedDate: string, extra: Record<string, string> = {}) =>
  runRule(outsidePopulation, child({ row: 30, dates: { lookedAfterStart: '2020-01-01', ceasedDate, ...extra } }), { asOf: '2024-03-31' });

describe('outside-population', () => {
  test('ceased more than a year before the as-of date: a warning on the ceased cell', () => {
    const [f] = run('2023-03-30');
    expect(f).toMatchObject({ rule: 'outside-population', severity: 'warning', cell: 'S30', field: 'ceasedDate', row: 30 });
    expect(f.message).toBe(
      "This child ceased to be looked after on 30/03/2023, more than a year before the as-of date (31/03/2024), so the row should not be in this month's data: the PACE population takes only children who ceased on or after 31/03/2023. Unless you choose to keep such rows, it is left out of the aims and the submission copy; remove it from the sheet, or correct the date if it is wrong.",
    );
  });
  test('ceased exactly a year before, or since, or not at all: in the population', () => {
    expect(run('2023-03-31')).toEqual([]);
    expect(run('2024-01-10')).toEqual([]);
    expect(run('')).toEqual([]);
  });
  test('a doubtful ceased date has its own finding, not this one', () => {
    expect(run('tbc')).toEqual([]);
    expect(run('2010-01-01', { dateOfBirth: '2015-01-01' })).toEqual([]);
  });
});
