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
