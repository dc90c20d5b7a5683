import type { RunsTest } from '../model';
import { sideRuns } from './sides';

/**
 * Limits for the number of runs, for 10 to 60 useful observations (points not
 * on the median): Perla RJ, Provost LP, Murray SK. The run chart: a simple
 * analytical tool for learning from variation in healthcare processes.
 * BMJ Qual Saf 2011;20:46-51, Table 1 (derived from Swed & Eisenhart 1943,
 * about 5% chance of a false signal). Index 0 is 10 useful observations.
 * Fewer runs than `lower` or more than `upper` is a non-random signal.
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

/**
 * The runs rule against one centre line (the baseline median) over the whole
 * series: useful observations, the number of runs among them, the table's
 * limits, and whether there are too few or too many runs.
 */
export function runsTest(values: readonly number[], centre: number | null): RunsTest {
  if (centre === null) return { useful: 0, runs: 0, lower: null, upper: null, tooFew: false, tooMany: false };
  const runs = sideRuns(values, centre);
  let useful = 0;
  for (const r of runs) useful += r.length;
  const limits = runsLimits(useful);
  return {
    useful,
    runs: runs.length,
    lower: limits?.lower ?? null,
    upper: limits?.upper ?? null,
    tooFew: limits !== null && runs.length < limits.lower,
    tooMany: limits !== null && runs.length > limits.upper,
  };
}
