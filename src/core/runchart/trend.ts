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
  const n = values.length;
  const flags = new Array<boolean>(n).fill(false);
  if (n === 0) return flags;
  let lastCounted = 0; // index of the last point that counted (not a repeat)
  let direction = 0;
  let counted = 1; // points counted in the current monotone run
  let start = 0;
  const close = (end: number) => {
    if (counted >= minLength) for (let k = start; k <= end; k++) flags[k] = true;
  };
  for (let i = 1; i < n; i++) {
    const diff = values[i] - values[lastCounted];
    if (diff === 0) continue;
    const d = diff > 0 ? 1 : -1;
    if (d === direction) {
      counted++;
    } else {
      close(i - 1);
      direction = d;
      counted = 2;
      start = lastCounted;
    }
    lastCounted = i;
  }
  close(n - 1);
  return flags;
}
