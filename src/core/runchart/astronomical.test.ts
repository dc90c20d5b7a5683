import fc from 'fast-check';
import { quantileUnsorted7, workingCopy } from './median';
import { findAstronomical, quantile7 } from './astronomical';

describe('quantile7 (R type 7)', () => {
  it('interpolates between order statistics like R quantile()', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile7(sorted, 0.25)).toBeCloseTo(3.25, 10);
    expect(quantile7(sorted, 0.75)).toBeCloseTo(7.75, 10);
    expect(quantile7(sorted, 0.5)).toBeCloseTo(5.5, 10);
    expect(quantile7([4], 0.75)).toBe(4);
  });
});

describe('findAstronomical (beyond 3 × IQR from the quartiles)', () => {
  // 1..10 plus one more value x >= 10: Q1 3.5, Q3 8.5, IQR 5, upper fence 23.5
  it('flags a value beyond the upper fence, not one just inside', () => {
    expect(findAstronomical([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 23.6])[10]).toBe(true);
    const inside = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 23.4];
    expect(findAstronomical(inside).some(Boolean)).toBe(false);
  });
  it('flags a value far below the rest', () => {
    const values = [50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 1];
    expect(findAstronomical(values)).toEqual([...new Array(10).fill(false), true]);
  });
  it('flags nothing with fewer than 10 points', () => {
    expect(findAstronomical([1, 2, 3, 4, 5, 6, 7, 8, 1000]).some(Boolean)).toBe(false);
  });
  it('flags nothing when the middle half of the values are all the same', () => {
    expect(findAstronomical([26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 27]).some(Boolean)).toBe(false);
  });
});

describe('quartiles by selection (what findAstronomical uses) against quantile7 of the sorted values', () => {
  it('agrees on random series, ties and negative values included', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 120 }), (values) => {
        const sorted = Float64Array.from(values).sort();
        for (const p of [0.25, 0.75, 0, 0.5, 1]) {
          const copy = workingCopy(values) as Float64Array;
          expect(quantileUnsorted7(copy, p) === quantile7(sorted, p)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('flags the same points as the fences of the sorted quartiles', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 10, maxLength: 80 }), fc.integer({ min: 0, max: 400 }), (values, far) => {
        const series = [...values, far];
        const sorted = Float64Array.from(series).sort();
        const q1 = quantile7(sorted, 0.25);
        const q3 = quantile7(sorted, 0.75);
        const iqr = q3 - q1;
        const expected = series.map((v) => iqr > 0 && (v < q1 - 3 * iqr || v > q3 + 3 * iqr));
        expect(findAstronomical(series)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('still works with a NaN among the values (sorted then, as before)', () => {
    expect(findAstronomical([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, NaN])[10]).toBe(true);
  });
});
