import type { RunsTest } from '../model';
import { sideRuns, SideRun } from './sides';

/**
 * Limits for the number of runs, for 10 to 60 useful observations (points not
 * on the median): Perla RJ, Provost LP, Murray SK. The run chart: a simple
 * analytical tool for learning from variation in healthcare processes.
 * BMJ Qual Saf 2011;20:46-51, Table 1 (derived from Swed & Eisenhart 1943,
 * about 5% chance of a false signal). Index 0 is 10 useful observations.
 * Fewer runs than `lower` or more than `upper` is a non-random signal.
 * Beyond 60 the limits are computed from the same distribution
 * (computedRunsLimits) and the output says so (`limitsFrom`).
 */
const FIRST_N = 10;
const LOWER = [
  3, 3, 3, 4, 4, 5, 5, 5, 6, 6, // 10-19
  6, 7, 7, 7, 8, 8, 9, 10, 10, 10, // 20-29
  11, 11, 11, 12, 12, 13, 13, 13, 14, 14, // 30-39
  15, 15, 16, 16, 17, 17, 17, 18, 18, 19, // 40-49
  19, 20, 20, 21, 21, 22, 22, 23, 23, 24, // 50-59
  24, // 60
];
const UPPER = [
  9, 10, 11, 11, 12, 12, 13, 13, 14, 15, // 10-19
  16, 16, 17, 17, 18, 18, 19, 19, 20, 20, // 20-29
  21, 22, 22, 23, 23, 24, 24, 25, 26, 26, // 30-39
  27, 27, 28, 28, 29, 30, 30, 31, 31, 32, // 40-49
  32, 33, 33, 34, 35, 35, 36, 36, 37, 38, // 50-59
  38, // 60
];

/** The table's limits for `useful` observations, or null outside 10..60 (the table says nothing there). */
export function runsLimits(useful: number): { lower: number; upper: number } | null {
  const k = useful - FIRST_N;
  if (!Number.isInteger(useful) || k < 0 || k >= LOWER.length) return null;
  return { lower: LOWER[k], upper: UPPER[k] };
}

/** Each tail's share of the 5% two-sided risk of a false signal. */
export const RUNS_TAIL = 0.025;

/** log(k!) for k = 0..n, built once per size asked for (the largest so far is kept). */
let logFactorials = new Float64Array([0, 0]);
function logFactorial(k: number): number {
  if (k >= logFactorials.length) {
    const grown = new Float64Array(Math.max(k + 1, logFactorials.length * 2));
    grown.set(logFactorials);
    for (let i = logFactorials.length; i < grown.length; i++) grown[i] = grown[i - 1] + Math.log(i);
    logFactorials = grown;
  }
  return logFactorials[k];
}

function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * P(R = r): the number of runs R among n1 points above and n2 below the
 * centre line in random order (Swed & Eisenhart 1943):
 *   r = 2k:     2 C(n1−1, k−1) C(n2−1, k−1) / C(n, n1)
 *   r = 2k + 1: [C(n1−1, k) C(n2−1, k−1) + C(n1−1, k−1) C(n2−1, k)] / C(n, n1)
 * In log space, so that thousands of points neither overflow nor underflow.
 */
export function runsProbability(r: number, n1: number, n2: number): number {
  const total = logChoose(n1 + n2, n1);
  if (r % 2 === 0) {
    const k = r / 2;
    return 2 * Math.exp(logChoose(n1 - 1, k - 1) + logChoose(n2 - 1, k - 1) - total);
  }
  const k = (r - 1) / 2;
  return Math.exp(logChoose(n1 - 1, k) + logChoose(n2 - 1, k - 1) - total) + Math.exp(logChoose(n1 - 1, k - 1) + logChoose(n2 - 1, k) - total);
}

const computedCache = new Map<number, { lower: number; upper: number }>();

/**
 * Limits computed from the distribution the published table comes from, for
 * any number of useful observations n >= 2: half the points above the median
 * and half below (n1 = floor(n/2), n2 = n − n1, as a median splits them), and
 * a 5% two-sided test, 2.5% in each tail. `lower` is the smallest r with
 * P(R <= r) >= 2.5%, `upper` the largest r with P(R >= r) >= 2.5%, so fewer
 * runs than `lower` (or more than `upper`) has under 2.5% chance by luck.
 * This convention agrees with 73 of the table's 102 entries for 10–60
 * (lower 38 of 51, upper 35 of 51), is never more than one run away, and
 * agrees exactly at 60 where the table stops (24 and 38); see runsTest.test.ts.
 * Cumulative sums compare with R's fuzz (p × (1 − 64ε)) so a probability
 * equal to 2.5% up to rounding counts as reaching it.
 */
export function computedRunsLimits(useful: number): { lower: number; upper: number } | null {
  if (!Number.isInteger(useful) || useful < 2) return null;
  const cached = computedCache.get(useful);
  if (cached !== undefined) return cached;
  const n1 = Math.floor(useful / 2);
  const n2 = useful - n1;
  const target = RUNS_TAIL * (1 - 64 * Number.EPSILON);
  const most = useful; // alternating all the way (n1 and n2 differ by at most one)
  let lower = 2;
  for (let cdf = 0; lower < most; lower++) {
    cdf += runsProbability(lower, n1, n2);
    if (cdf >= target) break;
  }
  let upper = most;
  for (let tail = 0; upper > 2; upper--) {
    tail += runsProbability(upper, n1, n2);
    if (tail >= target) break;
  }
  const limits = { lower, upper };
  computedCache.set(useful, limits);
  return limits;
}

/**
 * The limits the runs rule uses: the published table's for 10 to 60 useful
 * observations (its values stand, even where the calculation differs by one),
 * computed ones beyond 60, none below 10 (too few points to judge runs).
 */
export function runsLimitsFor(useful: number): { lower: number; upper: number; limitsFrom: 'table' | 'computed' } | null {
  const table = runsLimits(useful);
  if (table !== null) return { ...table, limitsFrom: 'table' };
  if (!Number.isInteger(useful) || useful < FIRST_N) return null;
  const computed = computedRunsLimits(useful) as { lower: number; upper: number };
  return { ...computed, limitsFrom: 'computed' };
}

/**
 * The runs rule against one centre line (the baseline median) over the whole
 * series: useful observations, the number of runs among them, the limits
 * (and where they came from), and whether there are too few or too many runs.
 */
export function runsTest(values: readonly number[], centre: number | null): RunsTest {
  if (centre === null) return { useful: 0, runs: 0, lower: null, upper: null, tooFew: false, tooMany: false, limitsFrom: null };
  return runsTestOf(sideRuns(values, centre));
}

/** runsTest from the series' runs about the centre line (sideRuns), when they are already known. */
export function runsTestOf(runs: readonly SideRun[]): RunsTest {
  let useful = 0;
  for (const r of runs) useful += r.length;
  return runsTestFrom(useful, runs.length);
}

/** runsTest from the counts alone: `useful` observations in `runs` runs (countSideRuns). */
export function runsTestFrom(useful: number, runs: number): RunsTest {
  const limits = runsLimitsFor(useful);
  return {
    useful,
    runs,
    lower: limits?.lower ?? null,
    upper: limits?.upper ?? null,
    tooFew: limits !== null && runs < limits.lower,
    tooMany: limits !== null && runs > limits.upper,
    limitsFrom: limits?.limitsFrom ?? null,
  };
}
