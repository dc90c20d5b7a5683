/** computeRunChart: the rules put together (pace-domain.md §4, cli-contract.md runchart). */
import type { AnhoejTest, Direction, RuleSet, RunChart, RunChartOptions, RunChartPhase, RunChartPoint, RunsTest, SeriesPoint } from '../model';
import { anhoejTest, anhoejTestFrom, longestRunLimit, runsBeyondLimit } from './anhoej';
import { markAstronomical } from './astronomical';
import { BaselineChoice, chooseBaseline } from './baseline';
import type { SeriesTable } from './csv';
import { ASTRONOMICAL, BASELINE, REPHASE_RUN_FLAG, SHIFT, TREND } from './flags';
import { cleanNumber, medianOf } from './median';
import { markPhases, REPHASE_RUN } from './rephase';
import { runsTest, runsTestFrom } from './runsTest';
import { markShifts } from './shift';
import { countSideRuns, sideOf, sideRuns } from './sides';
import { markTrends } from './trend';

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
  /** Each point's date, as an index into `dateTexts` (one list shared by every chart of a file). */
  dateIds: ArrayLike<number>;
  dateTexts: readonly string[];
  values: ArrayLike<number>;
  /** Each point's value as an index into `valueTable` (a file's distinct values: each is turned into text once). */
  valueIds: ArrayLike<number>;
  valueTable: readonly number[];
  /** Each point's phase (its centre is that phase's median). */
  phaseOf: ArrayLike<number>;
  /** Each point's five flags as bits (flags.ts): baseline, shift, trend, rephaseRun, astronomical. */
  flags: Uint8Array;
  /** The first `baselineCount` points form the baseline. */
  baselineCount: number;
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
  const ids = new Int32Array(dates.length);
  for (let i = 0; i < ids.length; i++) ids[i] = i;
  return runChartColumnsOf({ dateIds: ids, dateTexts: dates, valueIds: ids, valueTable: values }, values, chooseBaseline(dates, options.baseline), options);
}

/** What the rules mark on one chart besides its flags and phase column: the phases, and the runs about the baseline median (countSideRuns). */
export interface ChartMarks {
  phases: RunChartPhase[];
  useful: number;
  runs: number;
  longest: number;
}

/** The options the rules take, with the defaults filled in. */
export interface RulesOptions {
  rules: RuleSet;
  direction: Direction;
  rephaseRun: number | null;
}

/**
 * The rules over one chart's values (n > 0, finite, in date order): marks
 * `flags` and `phaseOf` (one entry per point) and gives the phases and the
 * side-run counts. markRules is the definition; the command line runs the
 * same rules compiled to WebAssembly (src/wasm/rules.ts), which must agree
 * with it exactly (test/wasm/rules.test.ts compares two RulesKernels).
 */
export type RulesKernel = (values: ArrayLike<number>, baselineCount: number, options: RulesOptions, flags: Uint8Array, phaseOf: Int32Array) => ChartMarks;

/**
 * computeRunChartColumns with the baseline already chosen: the rules, each
 * marking its bit of one flags array, over any array of values (a typed
 * array's slice of a whole file included). `columns` (one entry per point)
 * receive the flags and phases when given, else new arrays do.
 */
export function runChartColumnsOf(
  points: Pick<RunChartColumns, 'dateIds' | 'dateTexts' | 'valueIds' | 'valueTable'>,
  values: ArrayLike<number>,
  baseline: BaselineChoice,
  options: RunChartOptions,
  columns?: { flags: Uint8Array; phaseOf: Int32Array },
): RunChartColumns {
  const rules = options.rules ?? 'ihi';
  const direction = options.direction ?? 'down';
  const rephaseRun = options.rephaseRun === undefined ? REPHASE_RUN : options.rephaseRun;
  const n = values.length;
  const into = columns ?? { flags: new Uint8Array(n), phaseOf: new Int32Array(n) };
  const { flags, phaseOf } = into;
  if (n === 0) {
    return {
      ...points, rules, direction, values, phaseOf, flags, baselineCount: 0, phases: [], runs: runsTest([], null), anhoej: anhoejTest([], null), baselineFallback: baseline.fallback,
    };
  }
  const marks = markRules(values, baseline.count, { rules, direction, rephaseRun }, flags, phaseOf);
  // The runs rule and Anhøj's both count the runs about the baseline median (one pass, in markRules).
  const runs = runsTestFrom(marks.useful, marks.runs);
  const anhoej = anhoejTestFrom(marks.useful, marks.runs, marks.longest);
  const { dateIds, dateTexts, valueIds, valueTable } = points;
  return { rules, direction, dateIds, dateTexts, values, valueIds, valueTable, phaseOf, flags, baselineCount: baseline.count, phases: marks.phases, runs, anhoej, baselineFallback: baseline.fallback };
}

/** The rules in TypeScript (see RulesKernel). */
export function markRules(values: ArrayLike<number>, baselineCount: number, options: RulesOptions, flags: Uint8Array, phaseOf: Int32Array): ChartMarks {
  const n = values.length;
  flags.fill(0);
  flags.fill(BASELINE, 0, baselineCount);
  const baselineMedian = cleanNumber(medianOf(values, 0, baselineCount) as number);
  const phases = markPhases(values, baselineCount, baselineMedian, options.rephaseRun, options.direction, phaseOf, flags, REPHASE_RUN_FLAG);
  const counts = countSideRuns(values, baselineMedian);
  if (options.rules === 'anhoej') {
    const limit = longestRunLimit(counts.useful);
    if (limit !== null && counts.longest > limit) {
      for (const run of runsBeyondLimit(sideRuns(values, baselineMedian), limit)) {
        for (let k = run.first; k <= run.last; k++) if (sideOf(values[k], baselineMedian) !== 0) flags[k] |= SHIFT;
      }
    }
  } else {
    if (centreScratch.length < n) centreScratch = new Float64Array(Math.max(n, centreScratch.length * 2));
    const centres = centreScratch;
    for (let i = 0; i < n; i++) centres[i] = phases[phaseOf[i]].median;
    markShifts(values, centres, phaseOf, flags, SHIFT);
    markTrends(values, flags, TREND);
    markAstronomical(values, flags, ASTRONOMICAL);
  }
  return { phases, useful: counts.useful, runs: counts.runs, longest: counts.longest };
}

/** Each point's centre line, in space reused from chart to chart (markShifts reads it at once). */
let centreScratch = new Float64Array(256);

/** The order of a group's points by date (ties in file order), or null when they already are in order (the usual case). */
export function dateOrder(days: ArrayLike<number>): Int32Array | null {
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
 * The run chart of group `g` of a SeriesTable (file order, finite values,
 * real dates): sorted by date first when it is not already. The charts of a
 * table keep their flags and phases in two arrays shared by the whole table
 * (no allocation per chart): charting the same group again overwrites them.
 */
export function runChartOfTableGroup(table: SeriesTable, g: number, options: RunChartOptions = {}): RunChartColumns {
  const from = table.start[g];
  const to = table.start[g + 1];
  let dateIds = table.dateIds.subarray(from, to);
  let valueIds = table.valueIds.subarray(from, to);
  let values = table.values.subarray(from, to);
  const n = to - from;
  const order = n >= MAX_FAST_SORT ? stableOrder(table, from, to) : dateOrder(table.days.subarray(from, to));
  if (order !== null) {
    const sortedDateIds = new Int32Array(n);
    const sortedValueIds = new Int32Array(n);
    const sortedValues = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      sortedDateIds[k] = dateIds[order[k]];
      sortedValueIds[k] = valueIds[order[k]];
      sortedValues[k] = values[order[k]];
    }
    dateIds = sortedDateIds;
    valueIds = sortedValueIds;
    values = sortedValues;
  }
  // The dates as text only when a baseline date needs comparing with them.
  const baseline = options.baseline;
  const dates = baseline !== undefined && 'before' in baseline ? Array.from(dateIds, (id) => table.dateTexts[id]) : { length: n };
  const columns = chartColumnsOf(table);
  const into = { flags: columns.flags.subarray(from, to), phaseOf: columns.phaseOf.subarray(from, to) };
  return runChartColumnsOf({ dateIds, dateTexts: table.dateTexts, valueIds, valueTable: table.valueTable }, values, chooseBaseline(dates, baseline), options, into);
}

/** One flags array and one phase array for all the charts of a table (each chart has its own stretch of them). */
const tableColumns = new WeakMap<SeriesTable, { flags: Uint8Array; phaseOf: Int32Array }>();
function chartColumnsOf(table: SeriesTable): { flags: Uint8Array; phaseOf: Int32Array } {
  let columns = tableColumns.get(table);
  if (columns === undefined) {
    columns = { flags: new Uint8Array(table.values.length), phaseOf: new Int32Array(table.values.length) };
    tableColumns.set(table, columns);
  }
  return columns;
}

/** dateOrder for a million points or more (past what its numeric keys can hold): a comparison sort. */
function stableOrder(table: SeriesTable, from: number, to: number): Int32Array {
  const order = Array.from({ length: to - from }, (_, k) => k);
  order.sort((a, b) => table.days[from + a] - table.days[from + b] || a - b);
  return Int32Array.from(order);
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
    const f = c.flags[i];
    chartPoints[i] = {
      date: c.dateTexts[c.dateIds[i]],
      value: c.values[i],
      centre: c.phases[c.phaseOf[i]].median,
      phase: c.phaseOf[i],
      baseline: (f & BASELINE) !== 0,
      shift: (f & SHIFT) !== 0,
      trend: (f & TREND) !== 0,
      rephaseRun: (f & REPHASE_RUN_FLAG) !== 0,
      astronomical: (f & ASTRONOMICAL) !== 0,
    };
  }
  const chart: RunChart = { rules: c.rules, direction: c.direction, points: chartPoints, phases: c.phases, runs: c.runs, anhoej: c.anhoej };
  if (c.baselineFallback) chart.baselineFallback = true;
  return chart;
}
