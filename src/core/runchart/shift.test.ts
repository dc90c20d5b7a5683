import { findShifts } from './shift';

const flat = (n: number, centre: number) => new Array<number>(n).fill(centre);
const zeros = (n: number) => new Array<number>(n).fill(0);

describe('findShifts (6 or more on one side of the centre line)', () => {
  it('flags 6 consecutive points below the line, every one of them', () => {
    const values = [12, 8, 7, 9, 6, 8, 7, 11];
    expect(findShifts(values, flat(8, 10), zeros(8))).toEqual([false, true, true, true, true, true, true, false]);
  });
  it('does not flag 5', () => {
    const values = [12, 8, 7, 9, 6, 8, 11, 12];
    expect(findShifts(values, flat(8, 10), zeros(8)).some(Boolean)).toBe(false);
  });
  it('finds shifts above the line too', () => {
    const values = [11, 12, 13, 11, 12, 14];
    expect(findShifts(values, flat(6, 10), zeros(6))).toEqual(new Array(6).fill(true));
  });
  it('lets a point on the line neither add to nor break the run, and does not flag it', () => {
    // 5 below, 1 on the line, 1 below: 6 useful points below → shift
    const values = [8, 8, 8, 8, 8, 10, 8];
    expect(findShifts(values, flat(7, 10), zeros(7))).toEqual([true, true, true, true, true, false, true]);
    // 4 below, 2 on the line: only 4 useful points → no shift
    expect(findShifts([8, 8, 10, 10, 8, 8], flat(6, 10), zeros(6)).some(Boolean)).toBe(false);
  });
  it('is broken by a point on the other side', () => {
    const values = [8, 8, 8, 12, 8, 8, 8];
    expect(findShifts(values, flat(7, 10), zeros(7)).some(Boolean)).toBe(false);
  });
  it('judges each point against its own centre line and breaks runs at a phase boundary', () => {
    // 3 below in phase 0, then 3 below the new line in phase 1: two runs of 3, no shift
    const values = [8, 8, 8, 4, 4, 4];
    const centres = [10, 10, 10, 5, 5, 5];
    expect(findShifts(values, centres, [0, 0, 0, 1, 1, 1]).some(Boolean)).toBe(false);
    // the same 6 points in one phase against 10 are a shift
    expect(findShifts(values, flat(6, 10), zeros(6)).every(Boolean)).toBe(true);
  });
  it('uses the phase median: a point below the old line can be above the new one', () => {
    const values = [7, 7, 7, 7, 7, 7];
    expect(findShifts(values, flat(6, 5), [1, 1, 1, 1, 1, 1]).every(Boolean)).toBe(true);
  });
  it('accepts a different minimum length', () => {
    expect(findShifts([1, 1, 1, 1, 1, 1, 1, 1], flat(8, 5), zeros(8), 9).some(Boolean)).toBe(false);
    expect(findShifts([1, 1, 1, 1, 1, 1, 1, 1], flat(8, 5), zeros(8), 8).every(Boolean)).toBe(true);
  });
  it('handles an empty series', () => {
    expect(findShifts([], [], [])).toEqual([]);
  });
});
