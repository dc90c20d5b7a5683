/**
 * The fast one-pass rules checked against their definitions written the slow,
 * obvious way, on random series (fast-check).
 */
import fc from 'fast-check';
import { findShifts } from './shift';
import { countSideRuns, sideOf, sideRuns } from './sides';
import { findTrends } from './trend';
import { median } from './median';

/** Definition: a useful point is in a shift when its run of same-side useful points (on-line points skipped) has 6 or more. */
function naiveShifts(values: number[], centre: number): boolean[] {
  return values.map((v, i) => {
    const s = sideOf(v, centre);
    if (s === 0) return false;
    let count = 1;
    for (let k = i - 1; k >= 0; k--) {
      const t = sideOf(values[k], centre);
      if (t === 0) continue;
      if (t !== s) break;
      count++;
    }
    for (let k = i + 1; k < values.length; k++) {
      const t = sideOf(values[k], centre);
      if (t === 0) continue;
      if (t !== s) break;
      count++;
    }
    return count >= 6;
  });
}

/** Definition on the series with repeats removed: a point is in a trend when a strictly monotone stretch of 5 or more contains it. */
function naiveTrendsWithoutRepeats(values: number[]): boolean[] {
  const flags = values.map(() => false);
  for (let a = 0; a < values.length; a++) {
    for (const dir of [1, -1]) {
      let b = a;
      while (b + 1 < values.length && Math.sign(values[b + 1] - values[b]) === dir) b++;
      if (b - a + 1 >= 5) for (let k = a; k <= b; k++) flags[k] = true;
    }
  }
  return flags;
}

const smallInts = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 });

describe('rules against their definitions', () => {
  it('findShifts matches the definition in one phase', () => {
    fc.assert(
      fc.property(smallInts, (values) => {
        const centre = median(values) ?? 0;
        const n = values.length;
        expect(findShifts(values, new Array(n).fill(centre), new Array(n).fill(0))).toEqual(naiveShifts(values, centre));
      }),
      { numRuns: 500 },
    );
  });

  it('findTrends matches the definition on every point that is not a repeat', () => {
    fc.assert(
      fc.property(smallInts, (values) => {
        const flags = findTrends(values);
        const kept: number[] = [];
        const keptIndex: number[] = [];
        values.forEach((v, i) => {
          if (i === 0 || v !== values[i - 1]) {
            kept.push(v);
            keptIndex.push(i);
          }
        });
        const expected = naiveTrendsWithoutRepeats(kept);
        expect(keptIndex.map((i) => flags[i])).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('a trend is never shorter than 5 counted points and repeats never make one', () => {
    fc.assert(
      fc.property(smallInts, (values) => {
        const doubled = values.flatMap((v) => [v, v]);
        const once = findTrends(values);
        const twice = findTrends(doubled);
        // doubling every value (all repeats) flags the same points
        expect(twice.filter((_, i) => i % 2 === 0)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('countSideRuns counts exactly the runs sideRuns makes', () => {
    fc.assert(
      fc.property(smallInts, fc.integer({ min: 0, max: 6 }), (values, centre) => {
        const runs = sideRuns(values, centre);
        expect(countSideRuns(values, centre)).toEqual({
          useful: runs.reduce((sum, r) => sum + r.length, 0),
          runs: runs.length,
          longest: Math.max(0, ...runs.map((r) => r.length)),
        });
      }),
      { numRuns: 500 },
    );
  });
});
