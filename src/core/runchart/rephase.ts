import type { Direction, RunChartPhase } from '../model';
import { cleanNumber, median } from './median';
import { booleansOf } from './flags';
import { sideTolerance } from './sides';

/** NHS Highland's runcharter default: 9 consecutive points on the improving side start a new phase. */
export const REPHASE_RUN = 9;

export interface Phasing {
  phases: RunChartPhase[];
  /** Phase index of each point. */
  phaseOf: number[];
  /** True for the points whose run started a new phase (those the new median is computed from). */
  inRephaseRun: boolean[];
}

/**
 * Re-phasing as NHS Highland's runcharter package does it
 * (johnmackintosh/runcharter, R/runcharter.R and R/utilities.R):
 * - only points after the current baseline are searched;
 * - points exactly on the current median are skipped (they neither count nor break the run);
 * - `runLength` consecutive points on the improving side (below for 'down',
 *   above for 'up') start a new phase at the run's first point;
 * - the new median is the median of exactly those `runLength` points, and
 *   `medianFrom` spans the first to the last of them;
 * - the search restarts after the last of them, against the new median, so a
 *   later re-phase again needs `runLength` points beyond the new median.
 * `runLength` null or below 1 means never re-phase.
 */
export function findPhases(
  values: readonly number[],
  baselineCount: number,
  baselineMedian: number,
  runLength: number | null,
  direction: Direction,
): Phasing {
  const n = values.length;
  const phaseOf = new Array<number>(n).fill(0);
  const flags = new Uint8Array(n);
  const phases = markPhases(values, baselineCount, baselineMedian, runLength, direction, phaseOf, flags, 1);
  return { phases, phaseOf, inRephaseRun: booleansOf(flags, 1) };
}

/** A new phase from the run that earned it, its points `run[0]` to `run[length - 1]` (out of markPhases' loop: rare, and kept apart so the loop stays small); returns its median. */
function startPhase(values: ArrayLike<number>, run: Int32Array, length: number, phases: RunChartPhase[], n: number, flags: Uint8Array, bit: number): number {
  const runValues = new Array<number>(length);
  for (let k = 0; k < length; k++) runValues[k] = values[run[k]];
  const newMedian = cleanNumber(median(runValues) as number);
  phases[phases.length - 1].lastIndex = run[0] - 1;
  phases.push({ phase: phases.length, firstIndex: run[0], lastIndex: n - 1, median: newMedian, medianFrom: [run[0], run[length - 1]] });
  for (let k = 0; k < length; k++) flags[run[k]] |= bit;
  return newMedian;
}

/** Room for the current run's points, reused from chart to chart (grown when a longer run is asked for). */
let runSpace = new Int32Array(16);

/**
 * findPhases for a chart: writes each point's phase into `phaseOf`, sets
 * `bit` in `flags` for the points whose run started a new phase, and returns
 * the phases.
 */
export function markPhases(
  values: ArrayLike<number>,
  baselineCount: number,
  baselineMedian: number,
  runLength: number | null,
  direction: Direction,
  phaseOf: { [i: number]: number },
  flags: Uint8Array,
  bit: number,
): RunChartPhase[] {
  const n = values.length;
  if (n === 0) return [];
  const phases: RunChartPhase[] = [
    { phase: 0, firstIndex: 0, lastIndex: n - 1, median: baselineMedian, medianFrom: [0, baselineCount - 1] },
  ];
  if (runLength !== null && runLength >= 1) {
    const improving = direction === 'down' ? -1 : 1;
    let current = baselineMedian;
    let tolerance = sideTolerance(current);
    if (runSpace.length < Math.min(runLength, n)) runSpace = new Int32Array(Math.min(runLength, n));
    // The current run's points so far: run[0] to run[length - 1] (a count set back to 0, not an array emptied at every point).
    const run = runSpace;
    let length = 0;
    for (let i = baselineCount; i < n; i++) {
      // sideOf(values[i], current), in place.
      const diff = values[i] - current;
      if (diff <= tolerance && diff >= -tolerance) continue;
      const s = diff > 0 ? 1 : -1;
      if (s !== improving) {
        length = 0;
        continue;
      }
      run[length++] = i;
      if (length === runLength) {
        current = startPhase(values, run, length, phases, n, flags, bit);
        tolerance = sideTolerance(current);
        length = 0;
      }
    }
  }
  for (const p of phases) for (let i = p.firstIndex; i <= p.lastIndex; i++) phaseOf[i] = p.phase;
  return phases;
}
