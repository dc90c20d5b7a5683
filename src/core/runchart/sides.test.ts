import { sideOf, sideRuns } from './sides';

describe('sideOf', () => {
  it('says above, below or on the line', () => {
    expect(sideOf(31, 30)).toBe(1);
    expect(sideOf(29.9, 30)).toBe(-1);
    expect(sideOf(30, 30)).toBe(0);
  });
  it('treats a value equal up to floating-point noise as on the line', () => {
    expect(sideOf(0.15, (0.1 + 0.2) / 2)).toBe(0);
    expect(sideOf(30.1, 30.099999999999998)).toBe(0);
  });
  it('still separates values a ten-thousandth apart', () => {
    expect(sideOf(30.0001, 30)).toBe(1);
    expect(sideOf(-0.0001, 0)).toBe(-1);
  });
});

describe('sideRuns', () => {
  it('groups consecutive useful points on one side and skips points on the line', () => {
    // above, above, on, above, below, on, below, above
    const runs = sideRuns([5, 6, 4, 7, 1, 4, 2, 9], 4);
    expect(runs).toEqual([
      { side: 1, first: 0, last: 3, length: 3 },
      { side: -1, first: 4, last: 6, length: 2 },
      { side: 1, first: 7, last: 7, length: 1 },
    ]);
  });
  it('gives no runs when every point is on the line or there are none', () => {
    expect(sideRuns([4, 4, 4], 4)).toEqual([]);
    expect(sideRuns([], 4)).toEqual([]);
  });
});
