import { median } from '../dates/numbers';

/** The run charts' median is the project's one median (core/dates/numbers.ts). */
export { median };

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

/** Sorting space reused from chart to chart (grown when needed), so a thousand charts do not allocate a thousand arrays. */
let scratch = new Float64Array(256);

/**
 * values[from, to) sorted ascending, in shared working space: valid until the
 * next call (use it at once).
 */
export function sortedCopy(values: ArrayLike<number>, from = 0, to = values.length): Float64Array {
  const n = to - from;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  const sorted = scratch.subarray(0, n);
  for (let i = 0; i < n; i++) sorted[i] = values[from + i];
  return sorted.sort();
}

/** median (the project's one) of values[from, to), without copying them into a new array; null for none. */
export function medianOf(values: ArrayLike<number>, from = 0, to = values.length): number | null {
  const n = to - from;
  if (n <= 0) return null;
  const sorted = sortedCopy(values, from, to);
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Working space for selecting order statistics, reused like sortedCopy's. */
let work = new Float64Array(256);

/** values copied into shared working space (valid until the next call), or null when one is NaN (selection needs an order). */
export function workingCopy(values: ArrayLike<number>): Float64Array | null {
  const n = values.length;
  if (work.length < n) work = new Float64Array(Math.max(n, work.length * 2));
  const copy = work.subarray(0, n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) return null;
    copy[i] = v;
  }
  return copy;
}

/**
 * The k-th smallest of `a` (0-based), moving a's entries so that every one
 * after position k is at least a[k] (Hoare's quickselect). No NaN in `a`.
 */
export function selectInPlace(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break; // a[k] equals the pivot, as does everything between j and i
  }
  return a[k];
}

/** quantile7 (R type 7) of values in any order, by selection (`a` is reordered). No NaN in `a`. */
export function quantileUnsorted7(a: Float64Array, p: number): number {
  const h = (a.length - 1) * p;
  const lo = Math.floor(h);
  const low = selectInPlace(a, lo);
  if (lo + 1 >= a.length) return low;
  // Everything after lo is at least a[lo]: the next order statistic is the least of them.
  let high = a[lo + 1];
  for (let i = lo + 2; i < a.length; i++) if (a[i] < high) high = a[i];
  return low + (h - lo) * (high - low);
}
