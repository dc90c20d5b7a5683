import { findTrends } from './trend';

describe('findTrends (5 or more points all going up or all going down)', () => {
  it('flags 5 points going up, every one of them', () => {
    expect(findTrends([9, 1, 2, 3, 4, 5, 3])).toEqual([false, true, true, true, true, true, false]);
  });
  it('flags 5 points going down', () => {
    expect(findTrends([40, 35, 30, 22, 20])).toEqual([true, true, true, true, true]);
  });
  it('does not flag 4 points', () => {
    expect(findTrends([1, 2, 3, 4, 2, 3, 4, 5]).some(Boolean)).toBe(false);
  });
  it('lets a repeated value neither add to nor break a trend', () => {
    // 1,2,2,3,4: only 4 distinct steps up → no trend
    expect(findTrends([1, 2, 2, 3, 4]).some(Boolean)).toBe(false);
    // 1,2,2,3,4,5: 5 counted points, the repeat flagged inside the trend's span
    expect(findTrends([1, 2, 2, 3, 4, 5])).toEqual(new Array(6).fill(true));
  });
  it('shares the turning point between a trend down and a trend up', () => {
    const flags = findTrends([9, 8, 7, 6, 5, 6, 7, 8, 9]);
    expect(flags).toEqual(new Array(9).fill(true));
    // 3 down then 5 up (from the turning point): only the up trend is flagged
    expect(findTrends([9, 8, 5, 6, 7, 8, 9])).toEqual([false, false, true, true, true, true, true]);
  });
  it('starts a new trend from the first of repeated turning values', () => {
    // down 3 points to 3, 3 repeated, then up 3,4,5,6,7
    expect(findTrends([5, 4, 3, 3, 4, 5, 6, 7])).toEqual([false, false, true, true, true, true, true, true]);
  });
  it('finds nothing in a flat or tiny series', () => {
    expect(findTrends([4, 4, 4, 4, 4, 4]).some(Boolean)).toBe(false);
    expect(findTrends([1])).toEqual([false]);
    expect(findTrends([])).toEqual([]);
  });
});
