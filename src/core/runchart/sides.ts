/**
 * Which side of a centre line a value lies: 1 above, -1 below, 0 on the line.
 * "On the line" allows a relative tolerance of 1e-9 so that a value equal to
 * the median in the user's terms (30.1 vs 30.099999999999998) is not pushed
 * to one side by floating-point noise. Points on the line neither add to nor
 * break a run (IHI / NHS Scotland run-chart rules, qicharts2's runs.analysis).
 */
export type Side = -1 | 0 | 1;

export function sideOf(value: number, centre: number): Side {
  const diff = value - centre;
  const tolerance = sideTolerance(centre);
  if (diff <= tolerance && diff >= -tolerance) return 0;
  return diff > 0 ? 1 : -1;
}

/**
 * How far from `centre` a value still counts as on the line. The loops over
 * every point of a chart work it out once per centre and compare in place
 * (diff <= tolerance && diff >= -tolerance is sideOf's "on the line").
 */
export function sideTolerance(centre: number): number {
  return 1e-9 * Math.max(1, Math.abs(centre));
}

/** Runs of useful points (not on the line) against one centre line, in order. */
export interface SideRun {
  side: -1 | 1;
  /** Indices of the useful points in the run (points on the line left out). */
  first: number;
  last: number;
  length: number;
}

/** Splits a series into runs of consecutive useful points on one side of `centre`. */
export function sideRuns(values: ArrayLike<number>, centre: number): SideRun[] {
  const runs: SideRun[] = [];
  let current: SideRun | null = null;
  for (let i = 0; i < values.length; i++) {
    const s = sideOf(values[i], centre);
    if (s === 0) continue;
    if (current !== null && current.side === s) {
      current.last = i;
      current.length++;
    } else {
      current = { side: s, first: i, last: i, length: 1 };
      runs.push(current);
    }
  }
  return runs;
}

/** What the runs rule and Anhøj's need of sideRuns, counted without making the runs. */
export interface SideRunCounts {
  /** Useful points (not on the line). */
  useful: number;
  /** How many runs. */
  runs: number;
  /** The longest run's length. */
  longest: number;
}

/** sideRuns' counts: the same runs, none of them built. */
export function countSideRuns(values: ArrayLike<number>, centre: number): SideRunCounts {
  let useful = 0;
  let runs = 0;
  let longest = 0;
  let length = 0;
  let side = 0;
  const tolerance = sideTolerance(centre);
  for (let i = 0; i < values.length; i++) {
    const diff = values[i] - centre;
    if (diff <= tolerance && diff >= -tolerance) continue;
    const s = diff > 0 ? 1 : -1;
    useful++;
    if (s === side) {
      length++;
    } else {
      runs++;
      side = s;
      length = 1;
    }
    if (length > longest) longest = length;
  }
  return { useful, runs, longest };
}
