import type { Baseline } from '../model';

/** The default baseline: the first 12 points (NHS Scotland run-chart practice). */
export const DEFAULT_BASELINE_POINTS = 12;

export interface BaselineChoice {
  /** How many of the date-sorted points form the baseline (a prefix); at least 1 when there are points. */
  count: number;
  /** True when `{ before }` found no point before the date and the default first 12 points were used instead. */
  fallback: boolean;
}

/**
 * Which points form the baseline, for points already sorted by date.
 * - `{ points: N }`: the first N (all points when there are fewer); N below 1 is taken as 1.
 * - `{ before: date }`: every point whose date is before that date (all of them
 *   if the date is after the last). When no point is before it there is no
 *   "before" to measure against: the default first 12 points are used and
 *   `fallback` says so, so the chart can tell the user.
 */
export function chooseBaseline(sortedDates: ArrayLike<string>, baseline: Baseline | undefined): BaselineChoice {
  const n = sortedDates.length;
  if (n === 0) return { count: 0, fallback: false };
  if (baseline !== undefined && 'before' in baseline) {
    let count = 0;
    while (count < n && sortedDates[count] < baseline.before) count++;
    if (count > 0) return { count, fallback: false };
    return { count: Math.min(DEFAULT_BASELINE_POINTS, n), fallback: true };
  }
  const wanted = baseline !== undefined && Number.isFinite(baseline.points) ? Math.max(1, Math.floor(baseline.points)) : DEFAULT_BASELINE_POINTS;
  return { count: Math.min(wanted, n), fallback: false };
}
