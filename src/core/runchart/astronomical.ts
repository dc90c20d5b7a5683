import { booleansOf } from './flags';
import { quantileUnsorted7, sortedCopy, workingCopy } from './median';

/**
 * Astronomical points are flagged for the user's judgement, never decided
 * automatically (IHI: "a point any observer would agree is unusual").
 * Criterion chosen here: Tukey's "far out" fences, a value above Q3 + 3 × IQR
 * or below Q1 − 3 × IQR of the whole series (quartiles as R's default
 * quantile type 7). Only with at least 10 points (fewer says little about
 * what is usual), and not when the middle half of the values are all equal
 * (IQR 0 would flag any difference at all).
 */
export const ASTRONOMICAL_MIN_POINTS = 10;
export const ASTRONOMICAL_IQR_MULTIPLE = 3;

/** Quantile by linear interpolation between order statistics (R type 7). `sorted` ascending. */
export function quantile7(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function findAstronomical(values: readonly number[]): boolean[] {
  const flags = new Uint8Array(values.length);
  markAstronomical(values, flags, 1);
  return booleansOf(flags, 1);
}

/** findAstronomical for a chart: sets `bit` in `flags` for every astronomical point. */
export function markAstronomical(values: ArrayLike<number>, flags: Uint8Array, bit: number): void {
  const n = values.length;
  if (n < ASTRONOMICAL_MIN_POINTS) return;
  // Only four order statistics are needed: selected in place, not a whole sort (which dominated a thousand small charts).
  const work = workingCopy(values);
  if (work === null) {
    const sorted = sortedCopy(values);
    markFences(values, quantile7(sorted, 0.25), quantile7(sorted, 0.75), flags, bit);
    return;
  }
  markFences(values, quantileUnsorted7(work, 0.25), quantileUnsorted7(work, 0.75), flags, bit);
}

function markFences(values: ArrayLike<number>, q1: number, q3: number, flags: Uint8Array, bit: number): void {
  const n = values.length;
  const iqr = q3 - q1;
  if (!(iqr > 0)) return;
  const low = q1 - ASTRONOMICAL_IQR_MULTIPLE * iqr;
  const high = q3 + ASTRONOMICAL_IQR_MULTIPLE * iqr;
  for (let i = 0; i < n; i++) if (values[i] < low || values[i] > high) flags[i] |= bit;
}
