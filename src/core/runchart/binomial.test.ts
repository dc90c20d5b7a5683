import { qbinom } from './binomial';

/** Exact answer with whole numbers: smallest k with sum_{i<=k} C(n,i) >= p·2^n, for p = 1/20. */
function exactQbinom05Half(n: number): number {
  const total = 1n << BigInt(n);
  let c = 1n; // C(n, 0)
  let sum = 0n;
  for (let k = 0; k <= n; k++) {
    sum += c;
    if (sum * 20n >= total) return k;
    c = (c * BigInt(n - k)) / BigInt(k + 1);
  }
  return n;
}

describe('qbinom (as R)', () => {
  it('matches R for the crossings limits of 10, 20 and 30 useful observations', () => {
    expect(qbinom(0.05, 9, 0.5)).toBe(2);
    expect(qbinom(0.05, 19, 0.5)).toBe(6);
    expect(qbinom(0.05, 29, 0.5)).toBe(10);
  });
  it('matches R for other probabilities', () => {
    expect(qbinom(0.5, 10, 0.3)).toBe(3);
    expect(qbinom(0.95, 20, 0.5)).toBe(14);
    expect(qbinom(0, 10, 0.5)).toBe(0);
    expect(qbinom(1, 10, 0.5)).toBe(10);
  });
  it('handles the edges: no trials, certain and impossible success', () => {
    expect(qbinom(0.05, 0, 0.5)).toBe(0);
    expect(qbinom(0.05, 10, 0)).toBe(0);
    expect(qbinom(0.05, 10, 1)).toBe(10);
  });
  it('agrees with exact whole-number arithmetic for every size up to 300', () => {
    for (let n = 0; n <= 300; n++) expect([n, qbinom(0.05, n, 0.5)]).toEqual([n, exactQbinom05Half(n)]);
  });
  it('stays exact for thousands of points, where 0.5^n underflows', () => {
    for (const n of [1074, 1075, 2000, 4999, 10000]) expect([n, qbinom(0.05, n, 0.5)]).toEqual([n, exactQbinom05Half(n)]);
  });
  it('refuses impossible arguments', () => {
    expect(() => qbinom(0.05, -1, 0.5)).toThrow(RangeError);
    expect(() => qbinom(0.05, 2.5, 0.5)).toThrow(RangeError);
    expect(() => qbinom(1.5, 2, 0.5)).toThrow(RangeError);
    expect(() => qbinom(0.05, 2, 2)).toThrow(RangeError);
  });
});
