import { sideOf, Side } from './sides';

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
  const n = values.length;
  const flags = new Array<boolean>(n).fill(false);
  // The current run: its side, phase, first and last useful point, and how many useful points it has.
  let runSide: Side = 0;
  let runPhase = -1;
  let first = 0;
  let last = -1;
  let count = 0;
  const close = () => {
    if (count >= minLength) {
      for (let k = first; k <= last; k++) if (sideOf(values[k], centres[k]) !== 0) flags[k] = true;
    }
    count = 0;
  };
  for (let i = 0; i < n; i++) {
    if (phases[i] !== runPhase) {
      close();
      runPhase = phases[i];
      runSide = 0;
    }
    const s = sideOf(values[i], centres[i]);
    if (s === 0) continue;
    if (s !== runSide) {
      close();
      runSide = s;
    }
    if (count === 0) first = i;
    last = i;
    count++;
  }
  close();
  return flags;
}
