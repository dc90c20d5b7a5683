import type { AnhoejTest } from '../model';
import { qbinom } from './binomial';
import { sideRuns, SideRun } from './sides';

/**
 * Anhøj's runs analysis, as the R package qicharts2 does it
 * (anhoej/qicharts2, R/helper.functions.R, runs.analysis and crsignal):
 * with n useful observations (points not on the centre line),
 * - longest run limit = round(log2(n)) + 3 (Schilling 2012);
 * - crossings limit = qbinom(0.05, n - 1, 0.5) (Chen 2010);
 * - signal when the longest run is longer than its limit or there are fewer
 *   crossings than their limit.
 * qicharts2 computes the limits for any n >= 1 (they simply cannot signal
 * with very few points) and gives none when no point is useful; so do we.
 */

/** round(log2(n)) + 3. log2 of a whole number is never exactly x.5, so R's round-half-even does not matter. */
export function longestRunLimit(useful: number): number | null {
  return useful >= 1 ? Math.round(Math.log2(useful)) + 3 : null;
}

const crossingsCache = new Map<number, number>();

/** The 5th percentile of Binomial(n − 1, 0.5): fewer crossings than this is a signal. */
export function crossingsLimit(useful: number): number | null {
  if (useful < 1) return null;
  let limit = crossingsCache.get(useful);
  if (limit === undefined) {
    limit = qbinom(0.05, useful - 1, 0.5);
    crossingsCache.set(useful, limit);
  }
  return limit;
}

/** The runs that break the longest-run limit (empty when none does). */
export function runsBeyondLimit(runs: readonly SideRun[], limit: number | null): SideRun[] {
  return limit === null ? [] : runs.filter((r) => r.length > limit);
}

/** Anhøj's test against one centre line (the baseline median) over the whole series. */
export function anhoejTest(values: ArrayLike<number>, centre: number | null): AnhoejTest {
  return anhoejTestOf(centre === null ? [] : sideRuns(values, centre));
}

/** anhoejTest from the series' runs about the centre line (sideRuns), when they are already known. */
export function anhoejTestOf(runs: readonly SideRun[]): AnhoejTest {
  let useful = 0;
  let longestRun = 0;
  for (const r of runs) {
    useful += r.length;
    if (r.length > longestRun) longestRun = r.length;
  }
  return anhoejTestFrom(useful, runs.length, longestRun);
}

/** anhoejTest from the counts alone (countSideRuns): useful points, number of runs, longest run. */
export function anhoejTestFrom(useful: number, runs: number, longestRun: number): AnhoejTest {
  const crossings = Math.max(runs - 1, 0);
  const runLimit = longestRunLimit(useful);
  const crossLimit = crossingsLimit(useful);
  const signal = runLimit !== null && crossLimit !== null && (longestRun > runLimit || crossings < crossLimit);
  return { longestRun, longestRunLimit: runLimit, crossings, crossingsLimit: crossLimit, signal };
}
