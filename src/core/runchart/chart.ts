/** computeRunChart: the rules put together (pace-domain.md §4, cli-contract.md runchart). */
import type { RunChart, RunChartOptions, RunChartPoint, SeriesPoint } from '../model';
import { anhoejTest, runsBeyondLimit } from './anhoej';
import { findAstronomical } from './astronomical';
import { chooseBaseline } from './baseline';
import { cleanNumber, median } from './median';
import { findPhases, REPHASE_RUN } from './rephase';
import { runsTest } from './runsTest';
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
  const rules = options.rules ?? 'ihi';
  const direction = options.direction ?? 'down';
  const rephaseRun = options.rephaseRun === undefined ? REPHASE_RUN : options.rephaseRun;
  const sorted = sortByDate(points);
  const values = sorted.map((p) => p.value);
  if (sorted.length === 0) {
    return { rules, direction, points: [], phases: [], runs: runsTest(values, null), anhoej: anhoejTest(values, null) };
  }
  const baseline = chooseBaseline(
    sorted.map((p) => p.date),
    options.baseline,
  );
  const baselineMedian = cleanNumber(median(values.slice(0, baseline.count)) as number);
  const phasing = findPhases(values, baseline.count, baselineMedian, rephaseRun, direction);
  const centres = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) centres[i] = phasing.phases[phasing.phaseOf[i]].median;
  const runs = runsTest(values, baselineMedian);
  const anhoej = anhoejTest(values, baselineMedian);

  let shift: boolean[];
  let trend: boolean[];
  let astronomical: boolean[];
  if (rules === 'anhoej') {
    shift = new Array<boolean>(values.length).fill(false);
    for (const run of runsBeyondLimit(sideRuns(values, baselineMedian), anhoej.longestRunLimit)) {
      for (let k = run.first; k <= run.last; k++) if (sideOf(values[k], baselineMedian) !== 0) shift[k] = true;
    }
    trend = new Array<boolean>(values.length).fill(false);
    astronomical = trend;
  } else {
    shift = findShifts(values, centres, phasing.phaseOf);
    trend = findTrends(values);
    astronomical = findAstronomical(values);
  }

  // A plain loop: this builds tens of thousands of objects for a large authority.
  const chartPoints = new Array<RunChartPoint>(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    chartPoints[i] = {
      date: sorted[i].date,
      value: values[i],
      centre: centres[i],
      phase: phasing.phaseOf[i],
      baseline: i < baseline.count,
      shift: shift[i],
      trend: trend[i],
      rephaseRun: phasing.inRephaseRun[i],
      astronomical: astronomical[i],
    };
  }
  const chart: RunChart = { rules, direction, points: chartPoints, phases: phasing.phases, runs, anhoej };
  if (baseline.fallback) chart.baselineFallback = true;
  return chart;
}
