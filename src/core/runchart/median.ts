/**
 * The ordinary median: the middle value, or the mean of the two middle values
 * for an even count (as R's stats::median and every run-chart guide use).
 * Null for no values, so callers decide what an empty series means.
 */
export function median(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Medians already cleaned (bounded: cleared when full). */
const cleaned = new Map<number, number>();

/**
 * A median cleaned of binary floating-point noise (30.099999999999998 → 30.1)
 * by keeping 12 significant digits: far finer than any week or percentage,
 * and sides are judged with a matching tolerance (see sides.ts).
 */
export function cleanNumber(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  // toPrecision is slow next to the rest of a chart, and medians repeat across a thousand series: remember them.
  let clean = cleaned.get(x);
  if (clean === undefined) {
    if (cleaned.size >= 4096) cleaned.clear();
    clean = Number(x.toPrecision(12));
    cleaned.set(x, clean);
  }
  return clean;
}
