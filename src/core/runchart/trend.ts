import { booleansOf } from './flags';

/** NHS Scotland / IHI: a trend is 5 or more consecutive points all going up or all going down. */
export const TREND_LENGTH = 5;

/**
 * Flags every point in a trend, over the whole series (a trend is about the
 * data, not the centre line, so phases do not matter). A value repeating the
 * previous one neither adds to nor breaks the trend; it sits inside the
 * trend's span and is flagged with it. At a turning point made of repeated
 * values the next trend starts from the first of them.
 */
export function findTrends(values: readonly number[], minLength: number = TREND_LENGTH): boolean[] {
  const flags = new Uint8Array(values.length);
  markTrends(values, flags, 1, minLength);
  return booleansOf(flags, 1);
}

/** findTrends for a chart: sets `bit` in `flags` for every point in a trend. */
export function markTrends(values: ArrayLike<number>, flags: Uint8Array, bit: number, minLength: number = TREND_LENGTH): void {
  const n = values.length;
  if (n === 0) return;
  let lastCounted = 0; // index of the last point that counted (not a repeat)
  let direction = 0;
  let counted = 1; // points counted in the current monotone run
  let start = 0;
  // Past the last point (i = n) the run so far ends, as at a change of direction: one path marks both, so V8 has
  // seen it before the end of a series (a path not yet taken undoes its optimising when first taken).
  for (let i = 1; i <= n; i++) {
    let d = 0;
    if (i < n) {
      const diff = values[i] - values[lastCounted];
      if (diff === 0) continue;
      d = diff > 0 ? 1 : -1;
      if (d === direction) {
        counted++;
        lastCounted = i;
        continue;
      }
    }
    if (counted >= minLength) for (let k = start; k < i; k++) flags[k] |= bit;
    direction = d;
    counted = 2;
    start = lastCounted;
    lastCounted = i;
  }
}
