import fc from 'fast-check';
import { cleanNumber, median, medianOf } from './median';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([31, 12, 45, 20, 28])).toBe(28);
  });
  it('takes the mean of the two middle values of an even count', () => {
    expect(median([10, 40, 20, 30])).toBe(25);
    expect(median([26, 26.5])).toBe(26.25);
  });
  it('gives null for no values and the value itself for one', () => {
    expect(median([])).toBeNull();
    expect(median([7.3])).toBe(7.3);
  });
  it('sorts numerically, not as text (10 after 9)', () => {
    expect(median([9, 10, 100])).toBe(10);
  });
  it('leaves the input untouched', () => {
    const input = [3, 1, 2];
    median(input);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('cleanNumber', () => {
  it('removes floating-point noise from a median', () => {
    expect((0.1 + 0.2) / 2).not.toBe(0.15);
    expect(cleanNumber((0.1 + 0.2) / 2)).toBe(0.15);
    expect(cleanNumber(30.099999999999998)).toBe(30.1);
  });
  it('keeps ordinary numbers and zero as they are', () => {
    expect(cleanNumber(28.5)).toBe(28.5);
    expect(cleanNumber(0)).toBe(0);
    expect(cleanNumber(-4.25)).toBe(-4.25);
  });
});

describe('medianOf (selection in reused space, what the charts use) against median', () => {
  it('agrees on random values, slices and ties (to the last bit; 0 and -0 count as one, as everywhere in the rules)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxLength: 60 }), fc.nat(), fc.nat(), (values, a, b) => {
        const from = values.length === 0 ? 0 : a % values.length;
        const to = from + (values.length === 0 ? 0 : b % (values.length - from + 1));
        expect(medianOf(values, from, to) === median(values.slice(from, to))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('sorts instead when a value is NaN, as median does', () => {
    expect(medianOf([3, NaN, 1])).toBe(median([3, NaN, 1]));
  });
});
