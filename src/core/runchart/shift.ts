import { booleansOf } from './flags';
import { sideOf, sideTolerance, Side } from './sides';

/** NHS Scotland / IHI: a shift is 6 or more consecutive points on one side of the centre line. */
export const SHIFT_LENGTH = 6;

/**
 * Flags every point in a shift. Each point is judged against its own centre
 * line (its phase's median). Points exactly on the line neither add to nor
 * break a run and are not flagged themselves. A phase boundary breaks a run:
 * the centre line changes there, so sides before and after it are not
 * comparable (qicharts2 likewise analyses each part separately).
 */
export function findShifts(
  values: readonly number[],
  centres: readonly number[],
  phases: readonly number[],
  minLength: number = SHIFT_LENGTH,
): boolean[] {
  const flags = new Uint8Array(values.length);
  markShifts(values, centres, phases, flags, 1, minLength);
  return booleansOf(flags, 1);
}

/** findShifts for a chart: sets `bit` in `flags` for every point in a shift. */
export function markShifts(
  values: ArrayLike<number>,
  centres: ArrayLike<number>,
  phases: ArrayLike<number>,
  flags: Uint8Array,
  bit: number,
  minLength: number = SHIFT_LENGTH,
): void {
  const n = values.length;
  // The current run: its side, phase, first and last useful point, and how many useful points it has.
  let runSide: Side = 0;
  let runPhase = -1;
  let first = 0;
  let last = -1;
  let count = 0;
  // sideOf in place: the tolerance is worked out again only when the centre changes.
  let centre = NaN;
  let tolerance = 0;
  for (let i = 0; i <= n; i++) {
    let s: Side = 0;
    if (i < n) {
      if (centres[i] !== centre) {
        centre = centres[i];
        tolerance = sideTolerance(centre);
      }
      const diff = values[i] - centre;
      s = diff <= tolerance && diff >= -tolerance ? 0 : diff > 0 ? 1 : -1;
    }
    // Past the last point, or a new phase, or a change of side: the run so far is over.
    const ends = i === n || phases[i] !== runPhase || (s !== 0 && s !== runSide);
    if (ends) {
      if (count >= minLength) {
        for (let k = first; k <= last; k++) if (sideOf(values[k], centres[k]) !== 0) flags[k] |= bit;
      }
      count = 0;
      if (i === n) break;
      if (phases[i] !== runPhase) {
        runPhase = phases[i];
        runSide = 0;
      }
      if (s !== 0) runSide = s;
    }
    if (s === 0) continue;
    if (count === 0) first = i;
    last = i;
    count++;
  }
}
