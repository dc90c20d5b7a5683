import { findPhases } from './rephase';

// A baseline of 12 points with median 30 (six at 28, six at 32).
const BASE = [28, 32, 28, 32, 28, 32, 28, 32, 28, 32, 28, 32];

describe('findPhases (NHS Highland runcharter re-phasing)', () => {
  it('starts a new phase at the first of 9 improving points, with the median of exactly those 9', () => {
    const low1 = [25, 24, 26, 23, 25, 24, 22, 26, 25]; // median 25
    const low2 = [20, 21, 19, 20, 22, 18, 21, 20, 19]; // median 20
    const values = [...BASE, ...low1, ...low2, 23];
    const p = findPhases(values, 12, 30, 9, 'down');
    expect(p.phases).toEqual([
      { phase: 0, firstIndex: 0, lastIndex: 11, median: 30, medianFrom: [0, 11] },
      { phase: 1, firstIndex: 12, lastIndex: 20, median: 25, medianFrom: [12, 20] },
      { phase: 2, firstIndex: 21, lastIndex: 30, median: 20, medianFrom: [21, 29] },
    ]);
    expect(p.phaseOf.slice(10, 14)).toEqual([0, 0, 1, 1]);
    expect(p.phaseOf[30]).toBe(2);
    expect(p.inRephaseRun.filter(Boolean).length).toBe(18);
    expect(p.inRephaseRun[11]).toBe(false);
    expect(p.inRephaseRun[30]).toBe(false);
  });

  it('skips points exactly on the current median: they neither count nor break the run', () => {
    const values = [...BASE, 25, 25, 25, 25, 30, 25, 25, 25, 25, 25];
    const p = findPhases(values, 12, 30, 9, 'down');
    expect(p.phases[1]).toEqual({ phase: 1, firstIndex: 12, lastIndex: 21, median: 25, medianFrom: [12, 21] });
    expect(p.inRephaseRun[16]).toBe(false);
    expect(p.phaseOf[16]).toBe(1);
  });

  it('needs 9 in a row: 8 improving points and one on the other side start nothing', () => {
    const values = [...BASE, 25, 25, 25, 25, 25, 25, 25, 25, 31, 25, 25, 25];
    const p = findPhases(values, 12, 30, 9, 'down');
    expect(p.phases).toHaveLength(1);
    expect(p.phases[0].lastIndex).toBe(values.length - 1);
    expect(p.inRephaseRun.some(Boolean)).toBe(false);
  });

  it('restarts after the 9th point against the new median, so a long run is not counted twice', () => {
    // 12 points below 30 in a row: the first 9 re-phase (median 24); the last 3 (26) are above 24
    const run = [24, 24, 24, 24, 24, 24, 24, 24, 24, 26, 26, 26];
    const p = findPhases([...BASE, ...run], 12, 30, 9, 'down');
    expect(p.phases.map((ph) => ph.median)).toEqual([30, 24]);
    // and 9 more points below 24 after the 9th are needed for another phase
    const more = [...BASE, ...new Array(9).fill(24), ...new Array(9).fill(20)];
    const q = findPhases(more, 12, 30, 9, 'down');
    expect(q.phases.map((ph) => [ph.firstIndex, ph.median])).toEqual([[0, 30], [12, 24], [21, 20]]);
  });

  it('only searches after the baseline', () => {
    // baseline's last 9 points are low, then the series goes back to normal
    const baseline = [40, 40, 40, 20, 20, 20, 20, 20, 20, 20, 20, 20];
    const p = findPhases([...baseline, 30, 31, 29], 12, 20, 9, 'down');
    expect(p.phases).toHaveLength(1);
  });

  it('looks for runs above the median when improvement is up', () => {
    const high = [35, 36, 34, 37, 35, 36, 38, 34, 35]; // median 35
    const up = findPhases([...BASE, ...high], 12, 30, 9, 'up');
    expect(up.phases[1]).toEqual({ phase: 1, firstIndex: 12, lastIndex: 20, median: 35, medianFrom: [12, 20] });
    const down = findPhases([...BASE, ...high], 12, 30, 9, 'down');
    expect(down.phases).toHaveLength(1);
  });

  it('uses another run length when asked, and never re-phases for null or 0', () => {
    const values = [...BASE, 25, 25, 25, 25, 25, 25];
    expect(findPhases(values, 12, 30, 6, 'down').phases).toHaveLength(2);
    expect(findPhases(values, 12, 30, 9, 'down').phases).toHaveLength(1);
    const long = [...BASE, ...new Array(20).fill(25)];
    expect(findPhases(long, 12, 30, null, 'down').phases).toHaveLength(1);
    expect(findPhases(long, 12, 30, 0, 'down').phases).toHaveLength(1);
  });

  it('gives no phases for no points', () => {
    expect(findPhases([], 0, 0, 9, 'down')).toEqual({ phases: [], phaseOf: [], inRephaseRun: [] });
  });
});
