/** computeRunChart: the rules put together (pace-domain.md §4, cli-contract.md runchart). */
import type { AnhoejTest, Direction, RuleSet, RunChart, RunChartOptions, RunChartPhase, RunChartPoint, RunsTest, SeriesPoint } from '../model';
import { anhoejTest, anhoejTestOf, runsBeyondLimit } from './anhoej';
import { findAstronomical } from './astronomical';
import { chooseBaseline } from './baseline';
import { cleanNumber, median } from './median';
import { findPhases, REPHASE_RUN } from './rephase';
import { runsTest, runsTestOf } from './runsTest';
import { findShifts } from './shift';
import { sideOf, sideRuns } from './sides';
import { findTrends } from './trend';

const MAX_FAST_SORT = 1_000_000;

/** yyyymmdd as a number for a yyyy-mm-dd string, or -1 when it is not in that form. */
function dayKey(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = date.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    key = key * 10 + digit;
  }
  return key;
}

/**
 * Sorted by date (yyyy-mm-dd sorts as text), ties kept in input order.
 * Non-finite values are left out. For speed with tens of thousands of points
 * the usual path sorts numbers (yyyymmdd × 10^6 + input position, exact below
 * 2^53) instead of comparing strings.
 */
export function sortByDate(points: readonly SeriesPoint[]): SeriesPoint[] {
  const kept = points.filter((p) => Number.isFinite(p.value));
  const n = kept.length;
  if (n < MAX_FAST_SORT) {
    const keys = new Float64Array(n);
    let fast = true;
    for (let i = 0; i < n && fast; i++) {
      const day = dayKey(kept[i].date);
      if (day < 0) fast = false;
      keys[i] = day * MAX_FAST_SORT + i;
    }
    if (fast) {
      keys.sort();
      const sorted = new Array<SeriesPoint>(n);
      for (let k = 0; k < n; k++) sorted[k] = kept[keys[k] % MAX_FAST_SORT];
      return sorted;
    }
  }
  const indexed = kept.map((p, i) => ({ p, i }));
  indexed.sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.i - b.i));
  return indexed.map(({ p }) => p);
}

/**
 * A run chart as columns, one entry per point in date order: what
 * computeRunChart builds its point objects from, and what the command line
 * writes straight out (no object per point for 100,000 points).
 */
export interface RunChartColumns {
  rules: RuleSet;
  direction: Direction;
  dates: readonly string[];
  values: readonly number[];
  /** Each point's phase (its centre is that phase's median). */
  phaseOf: readonly number[];
  /** The first `baselineCount` points form the baseline. */
  baselineCount: number;
  shift: readonly boolean[];
  trend: readonly boolean[];
  rephaseRun: readonly boolean[];
  astronomical: readonly boolean[];
  phases: RunChartPhase[];
  runs: RunsTest;
  anhoej: AnhoejTest;
  baselineFallback: boolean;
}

/**
 * The rules over points already in date order (`dates` yyyy-mm-dd, finite
 * `values`), as columns. See computeRunChart for what each rule does.
 */
export function computeRunChartColumns(dates: readonly string[], values: readonly number[], options: RunChartOptions = {}): RunChartColumns {
  const rules = options.rules ?? 'ihi';
  const direction = options.direction ?? 'down';
  const rephaseRun = options.rephaseRun === undefined ? REPHASE_RUN : options.rephaseRun;
  const n = values.length;
  if (n === 0) {
    const none: boolean[] = [];
    return {
      rules, direction, dates, values, phaseOf: [], baselineCount: 0, shift: none, trend: none, rephaseRun: none, astronomical: none,
      phases: [], runs: runsTest(values, null), anhoej: anhoejTest(values, null), baselineFallback: false,
    };
  }
  const baseline = chooseBaseline(dates, options.baseline);
  const baselineMedian = cleanNumber(median(values.slice(0, baseline.count)) as number);
  const phasing = findPhases(values, baseline.count, baselineMedian, rephaseRun, direction);
  // One pass for the runs about the baseline median: the runs rule and Anhøj's both count them.
  const sideRunsAll = sideRuns(values, baselineMedian);
  const runs = runsTestOf(sideRunsAll);
  const anhoej = anhoejTestOf(sideRunsAll);

  let shift: boolean[];
  let trend: boolean[];
  let astronomical: boolean[];
  if (rules === 'anhoej') {
    shift = new Array<boolean>(n).fill(false);
    for (const run of runsBeyondLimit(sideRunsAll, anhoej.longestRunLimit)) {
      for (let k = run.first; k <= run.last; k++) if (sideOf(values[k], baselineMedian) !== 0) shift[k] = true;
    }
    trend = new Array<boolean>(n).fill(false);
    astronomical = trend;
  } else {
    const centres = new Array<number>(n);
    for (let i = 0; i < n; i++) centres[i] = phasing.phases[phasing.phaseOf[i]].median;
    shift = findShifts(values, centres, phasing.phaseOf);
    trend = findTrends(values);
    astronomical = findAstronomical(values);
  }
  return {
    rules, direction, dates, values, phaseOf: phasing.phaseOf, baselineCount: baseline.count, shift, trend,
    rephaseRun: phasing.inRephaseRun, astronomical, phases: phasing.phases, runs, anhoej, baselineFallback: baseline.fallback,
  };
}

/** The order of a group's points by date (ties in file order), or null when they already are in order (the usual case). */
export function dateOrder(days: readonly number[]): Int32Array | null {
  const n = days.length;
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) ordered = days[i - 1] <= days[i];
  if (ordered) return null;
  const keys = new Float64Array(n);
  // yyyymmdd × 10^6 + position: exact below 2^53 for any date to 9999 and up to a million points.
  for (let i = 0; i < n; i++) keys[i] = days[i] * MAX_FAST_SORT + i;
  keys.sort();
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = keys[k] % MAX_FAST_SORT;
  return order;
}

/**
 * runChartColumns for one group as parseSeriesColumns reads it (file order,
 * finite values, real dates): sorted by date first when it is not already.
 */
export function runChartOfGroup(dates: string[], days: readonly number[], values: number[], options: RunChartOptions = {}): RunChartColumns {
  if (days.length >= MAX_FAST_SORT) {
    const sorted = sortByDate(values.map((value, i) => ({ date: dates[i], value })));
    return computeRunChartColumns(sorted.map((p) => p.date), sorted.map((p) => p.value), options);
  }
  const order = dateOrder(days);
  if (order === null) return computeRunChartColumns(dates, values, options);
  const n = order.length;
  const sortedDates = new Array<string>(n);
  const sortedValues = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    sortedDates[k] = dates[order[k]];
    sortedValues[k] = values[order[k]];
  }
  return computeRunChartColumns(sortedDates, sortedValues, options);
}

/**
 * A run chart the PACE way (pace-domain.md §4). Defaults: baseline the first
 * 12 points, re-phase after 9 improving points, improvement is 'down',
 * IHI rules. Never throws: no points gives an empty chart.
 *
 * `rules` decides which point flags are set (the chart's verdict):
 * - 'ihi': shift (6+ on one side of the point's own phase median), trend
 *   (5+ up or down), astronomical (for judgement);
 * - 'anhoej': shift marks the points of every run longer than Anhøj's
 *   longest-run limit (against the baseline median over all points, as the
 *   `anhoej` object); too few crossings is a chart-level signal only
 *   (`anhoej.signal`), since no single point causes it. Trend and
 *   astronomical are not Anhøj rules and stay false.
 * `runs` and `anhoej` are always computed, against the baseline median over
 * all points. Re-phasing (rephaseRun) applies under both.
 */
export function computeRunChart(points: readonly SeriesPoint[], options: RunChartOptions = {}): RunChart {
  const sorted = sortByDate(points);
  const c = computeRunChartColumns(
    sorted.map((p) => p.date),
    sorted.map((p) => p.value),
    options,
  );
  return runChartFromColumns(c);
}

/** The chart with one object per point, from its columns. */
export function runChartFromColumns(c: RunChartColumns): RunChart {
  // A plain loop: this builds tens of thousands of objects for a large authority.
  const n = c.values.length;
  const chartPoints = new Array<RunChartPoint>(n);
  for (let i = 0; i < n; i++) {
    chartPoints[i] = {
      date: c.dates[i],
      value: c.values[i],
      centre: c.phases[c.phaseOf[i]].median,
      phase: c.phaseOf[i],
      baseline: i < c.baselineCount,
      shift: c.shift[i],
      trend: c.trend[i],
      rephaseRun: c.rephaseRun[i],
      astronomical: c.astronomical[i],
    };
  }
  const chart: RunChart = { rules: c.rules, direction: c.direction, points: chartPoints, phases: c.phases, runs: c.runs, anhoej: c.anhoej };
  if (c.baselineFallback) chart.baselineFallback = true;
  return chart;
}
