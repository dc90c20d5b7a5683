/**
 * The ordinary median: the middle value, or the mean of the two middle values
 * for an even count (as R's stats::median and every run-chart guide use).
 * Null for no values, so callers decide what an empty series means.
 * The one median of the project: aim tables and run charts both use it.
 */
export function median(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort(); // typed-array sort is numeric and fast
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
