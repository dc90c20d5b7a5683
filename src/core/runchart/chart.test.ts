import type { SeriesPoint } from '../model';
import fc from 'fast-check';
import { computeRunChart, runChartFromColumns, runChartOfTableGroup, sortByDate } from './chart';
import { parseSeriesCsv, parseSeriesTable } from './csv';

const monthly = (values: number[], startYear = 2021): SeriesPoint[] =>
  values.map((value, i) => ({
    date: `${startYear + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
    value,
  }));

// A worked example, derived by hand:
// baseline (first 12): sorted 26 28 29 30 31 32 | 33 34 35 36 38 40 → median (32 + 33) / 2 = 32.5,
// alternating about it (12 runs, no shift, no trend);
// then 9 points below 32.5 (re-phase: their median is 24), then 24 (on the new line), 36, 30.
const BASELINE = [30, 34, 28, 40, 32, 36, 26, 38, 31, 35, 29, 33];
const AFTER = [25, 27, 24, 22, 26, 23, 21, 28, 20, 24, 36, 30];
const WORKED = monthly([...BASELINE, ...AFTER]);

describe('computeRunChart: worked example with the defaults (IHI, baseline 12, re-phase 9, down)', () => {
  const chart = computeRunChart(WORKED);

  it('draws the baseline median, then the re-phased median from the 9 improving points', () => {
    expect(chart.phases).toEqual([
      { phase: 0, firstIndex: 0, lastIndex: 11, median: 32.5, medianFrom: [0, 11] },
      { phase: 1, firstIndex: 12, lastIndex: 23, median: 24, medianFrom: [12, 20] },
    ]);
    expect(chart.points.map((p) => p.centre)).toEqual([...new Array(12).fill(32.5), ...new Array(12).fill(24)]);
    expect(chart.points.map((p) => p.phase)).toEqual([...new Array(12).fill(0), ...new Array(12).fill(1)]);
    expect(chart.points.filter((p) => p.baseline).length).toBe(12);
    expect(chart.points.map((p) => p.rephaseRun)).toEqual([...new Array(12).fill(false), ...new Array(9).fill(true), false, false, false]);
  });

  it('judges shifts against each phase median: none here, the improvement became the new centre line', () => {
    expect(chart.points.some((p) => p.shift)).toBe(false);
    expect(chart.points.some((p) => p.trend)).toBe(false);
    expect(chart.points.some((p) => p.astronomical)).toBe(false);
  });

  it('reports runs and Anhøj against the baseline median over all points', () => {
    // 12 alternating runs, then 10 below, 1 above, 1 below: 15 runs in 24 useful points (limits 8..18)
    expect(chart.runs).toEqual({ useful: 24, runs: 15, lower: 8, upper: 18, tooFew: false, tooMany: false, limitsFrom: 'table' });
    // longest run 10 > round(log2 24) + 3 = 8: a signal; crossings 14 >= qbinom(0.05, 23, 0.5) = 8
    expect(chart.anhoej).toEqual({ longestRun: 10, longestRunLimit: 8, crossings: 14, crossingsLimit: 8, signal: true });
  });

  it('keeps the options it used', () => {
    expect([chart.rules, chart.direction]).toEqual(['ihi', 'down']);
    expect(chart.baselineFallback).toBeUndefined();
  });
});

describe('computeRunChart: options', () => {
  it('without re-phasing, flags the 10 points below the extended baseline median as a shift', () => {
    const chart = computeRunChart(WORKED, { rephaseRun: null });
    expect(chart.phases).toHaveLength(1);
    expect(chart.points.map((p) => p.shift)).toEqual([...new Array(12).fill(false), ...new Array(10).fill(true), false, false]);
    expect(chart.points.every((p) => p.centre === 32.5)).toBe(true);
  });

  it("under Anhøj's rules marks the run longer than the limit and no trends", () => {
    const chart = computeRunChart(WORKED, { rules: 'anhoej', rephaseRun: 0 });
    expect(chart.rules).toBe('anhoej');
    expect(chart.points.map((p) => p.shift)).toEqual([...new Array(12).fill(false), ...new Array(10).fill(true), false, false]);
    expect(chart.points.some((p) => p.trend || p.astronomical)).toBe(false);
  });

  it('looks for improvement upwards when asked', () => {
    const up = computeRunChart(WORKED, { direction: 'up' });
    expect(up.phases).toHaveLength(1);
    expect(up.direction).toBe('up');
  });

  it('takes a baseline of the first N points', () => {
    const chart = computeRunChart(WORKED, { baseline: { points: 4 }, rephaseRun: null });
    // 30 34 28 40 → median 32
    expect(chart.phases[0]).toEqual({ phase: 0, firstIndex: 0, lastIndex: 23, median: 32, medianFrom: [0, 3] });
    expect(chart.points.filter((p) => p.baseline).length).toBe(4);
  });

  it('takes a baseline of every point before a date', () => {
    const chart = computeRunChart(WORKED, { baseline: { before: '2021-03-15' }, rephaseRun: null });
    // 30 and 34 are before 15 March 2021 → median 32
    expect(chart.phases[0].medianFrom).toEqual([0, 1]);
    expect(chart.phases[0].median).toBe(32);
  });

  it('falls back to the first 12 points, and says so, when no point is before the date', () => {
    const chart = computeRunChart(WORKED, { baseline: { before: '2020-01-01' } });
    expect(chart.baselineFallback).toBe(true);
    expect(chart.phases[0].median).toBe(32.5);
  });

  it('uses every point as the baseline when there are fewer than 12', () => {
    const chart = computeRunChart(monthly([5, 1, 3]));
    expect(chart.phases).toEqual([{ phase: 0, firstIndex: 0, lastIndex: 2, median: 3, medianFrom: [0, 2] }]);
    expect(chart.points.every((p) => p.baseline)).toBe(true);
    expect(chart.runs).toEqual({ useful: 2, runs: 2, lower: null, upper: null, tooFew: false, tooMany: false, limitsFrom: null });
  });
});

describe('computeRunChart: textbook signals', () => {
  it('IHI shift: 6 points below the baseline median after a change', () => {
    const values = [20, 22, 18, 24, 19, 21, 23, 17, 25, 20, 22, 18, 15, 14, 16, 13, 15, 14];
    const chart = computeRunChart(monthly(values), { rephaseRun: null });
    // baseline median: sorted 17 18 18 19 20 20 | 21 22 22 23 24 25 → 20.5
    expect(chart.phases[0].median).toBe(20.5);
    // the last baseline point (18) is below too: the shift includes it (every point is tested)
    expect(chart.points.map((p) => p.shift)).toEqual([...new Array(11).fill(false), ...new Array(7).fill(true)]);
  });

  it('IHI trend: 5 points going down', () => {
    const values = [20, 22, 18, 24, 19, 21, 23, 17, 25, 20, 22, 18, 30, 28, 25, 21, 19];
    const chart = computeRunChart(monthly(values), { rephaseRun: null });
    expect(chart.points.map((p) => p.trend)).toEqual([...new Array(12).fill(false), ...new Array(5).fill(true)]);
  });

  it('astronomical: a child who waited far longer than all the others is flagged for judgement', () => {
    const values = [20, 22, 18, 24, 19, 21, 23, 17, 25, 20, 22, 18, 21, 150];
    const chart = computeRunChart(monthly(values));
    expect(chart.points.map((p) => p.astronomical)).toEqual([...new Array(13).fill(false), true]);
  });
});

describe('computeRunChart: order and edge cases', () => {
  it('sorts by date and keeps ties in input order', () => {
    const points: SeriesPoint[] = [
      { date: '2023-03-01', value: 3 },
      { date: '2023-01-01', value: 1 },
      { date: '2023-03-01', value: 4 },
      { date: '2023-02-01', value: 2 },
      { date: '2023-03-01', value: 5 },
    ];
    expect(computeRunChart(points).points.map((p) => p.value)).toEqual([1, 2, 3, 4, 5]);
    expect(sortByDate(points).map((p) => p.date)).toEqual(['2023-01-01', '2023-02-01', '2023-03-01', '2023-03-01', '2023-03-01']);
  });

  it('keeps ties in input order among many points on one day', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ date: i % 2 === 0 ? '2023-05-01' : '2023-04-30', value: i }));
    const sorted = sortByDate(points);
    expect(sorted.slice(0, 3).map((p) => p.value)).toEqual([1, 3, 5]);
    expect(sorted.slice(500, 503).map((p) => p.value)).toEqual([0, 2, 4]);
  });

  it('still sorts dates not written yyyy-mm-dd, as text', () => {
    const points = [
      { date: '2023-1-9', value: 1 },
      { date: '2023-01-10', value: 2 },
      { date: '2023-1-9', value: 3 },
    ];
    expect(sortByDate(points).map((p) => p.value)).toEqual([2, 1, 3]);
  });

  it('gives an empty chart for no points, never an error', () => {
    expect(computeRunChart([])).toEqual({
      rules: 'ihi',
      direction: 'down',
      points: [],
      phases: [],
      runs: { useful: 0, runs: 0, lower: null, upper: null, tooFew: false, tooMany: false, limitsFrom: null },
      anhoej: { longestRun: 0, longestRunLimit: null, crossings: 0, crossingsLimit: null, signal: false },
    });
  });

  it('leaves out values that are not numbers', () => {
    const chart = computeRunChart([
      { date: '2023-01-01', value: Number.NaN },
      { date: '2023-01-02', value: 4 },
    ]);
    expect(chart.points.map((p) => p.value)).toEqual([4]);
  });

  it('gives a clean median for values that do not add up exactly in binary', () => {
    const chart = computeRunChart(monthly([0.1, 0.2]));
    expect(chart.phases[0].median).toBe(0.15);
  });

  it('does not change the caller\'s points', () => {
    const points = monthly([3, 1, 2]).reverse();
    const copy = JSON.parse(JSON.stringify(points));
    computeRunChart(points);
    expect(points).toEqual(copy);
  });
});

describe('runChartOfTableGroup: the command line\'s charts, straight from the file\'s columns', () => {
  const DAYS = ['2023-01-02', '2023-01-09', '2023-01-16', '2023-01-23', '2023-01-30', '2023-02-06', '2023-02-13', '2023-02-20'];
  const line = fc.record({ date: fc.constantFrom(...DAYS), value: fc.integer({ min: 0, max: 9 }), group: fc.constantFrom('N', 'S', 'E') });
  const OPTIONS = [{}, { baseline: { points: 3 }, rephaseRun: 2 }, { baseline: { before: '2023-01-20' }, direction: 'up' as const }, { rules: 'anhoej' as const, rephaseRun: null }];

  it('gives what computeRunChart gives for each group, dates out of order and repeated included', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 80 }), fc.constantFrom(...OPTIONS), (lines, options) => {
        const text = `date,value,group\n${lines.map((l) => `${l.date},${l.value},${l.group}`).join('\n')}\n`;
        const table = parseSeriesTable(text);
        const expected = parseSeriesCsv(text).groups.map((g) => computeRunChart(g.points, options));
        expect(table.groups.map((_, g) => runChartFromColumns(runChartOfTableGroup(table, g, options)))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
