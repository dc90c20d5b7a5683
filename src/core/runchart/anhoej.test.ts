import { anhoejTest, crossingsLimit, longestRunLimit, runsBeyondLimit } from './anhoej';
import { sideRuns } from './sides';

describe('longestRunLimit = round(log2(n)) + 3', () => {
  it('matches the published critical values (Anhøj & Olesen 2014; qicharts2)', () => {
    expect(longestRunLimit(10)).toBe(6);
    expect(longestRunLimit(11)).toBe(6);
    expect(longestRunLimit(12)).toBe(7);
    expect(longestRunLimit(22)).toBe(7);
    expect(longestRunLimit(23)).toBe(8);
    expect(longestRunLimit(45)).toBe(8);
    expect(longestRunLimit(46)).toBe(9);
    expect(longestRunLimit(90)).toBe(9);
    expect(longestRunLimit(91)).toBe(10);
  });
  it('has no limit without useful points', () => {
    expect(longestRunLimit(0)).toBeNull();
    expect(longestRunLimit(1)).toBe(3);
  });
});

describe('crossingsLimit = qbinom(0.05, n - 1, 0.5)', () => {
  it('matches qicharts2 / R', () => {
    expect(crossingsLimit(10)).toBe(2);
    expect(crossingsLimit(20)).toBe(6);
    expect(crossingsLimit(30)).toBe(10);
    expect(crossingsLimit(1)).toBe(0);
    expect(crossingsLimit(0)).toBeNull();
  });
});

describe('anhoejTest', () => {
  it('signals a long run: 8 below then alternating, 20 useful (limit 7)', () => {
    const values = [...new Array(8).fill(1), 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1];
    const r = anhoejTest(values, 5);
    expect(r).toEqual({ longestRun: 8, longestRunLimit: 7, crossings: 12, crossingsLimit: 6, signal: true });
  });
  it('does not signal a run exactly at the limit', () => {
    const values = [...new Array(7).fill(1), 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9];
    expect(anhoejTest(values, 5)).toEqual({ longestRun: 7, longestRunLimit: 7, crossings: 13, crossingsLimit: 6, signal: false });
  });
  it('signals too few crossings: 20 useful points crossing 5 times (limit 6)', () => {
    const values = [1, 1, 1, 1, 9, 9, 9, 9, 1, 1, 1, 9, 9, 9, 9, 1, 1, 1, 9, 9];
    const r = anhoejTest(values, 5);
    expect([r.longestRun, r.crossings, r.crossingsLimit, r.signal]).toEqual([4, 5, 6, true]);
  });
  it('leaves points on the centre line out of the count', () => {
    const values = [1, 5, 1, 5, 9];
    expect(anhoejTest(values, 5)).toEqual({ longestRun: 2, longestRunLimit: 5, crossings: 1, crossingsLimit: 0, signal: false });
  });
  it('gives zeros, no limits and no signal with nothing useful', () => {
    const none = { longestRun: 0, longestRunLimit: null, crossings: 0, crossingsLimit: null, signal: false };
    expect(anhoejTest([5, 5, 5], 5)).toEqual(none);
    expect(anhoejTest([], null)).toEqual(none);
  });
});

describe('runsBeyondLimit', () => {
  it('lists every run longer than the limit', () => {
    const runs = sideRuns([1, 1, 1, 9, 1, 1, 1, 1], 5);
    expect(runsBeyondLimit(runs, 3)).toEqual([{ side: -1, first: 4, last: 7, length: 4 }]);
    expect(runsBeyondLimit(runs, 2).map((r) => r.length)).toEqual([3, 4]);
    expect(runsBeyondLimit(runs, null)).toEqual([]);
  });
});
