import { runsLimits, runsTest } from './runsTest';

describe('runsLimits (Perla, Provost & Murray 2011, Table 1)', () => {
  it('covers 10 to 60 useful observations and nothing outside', () => {
    expect(runsLimits(9)).toBeNull();
    expect(runsLimits(10)).toEqual({ lower: 3, upper: 9 });
    expect(runsLimits(60)).toEqual({ lower: 24, upper: 38 });
    expect(runsLimits(61)).toBeNull();
    expect(runsLimits(0)).toBeNull();
  });
  it('matches the published table at spot values', () => {
    expect(runsLimits(15)).toEqual({ lower: 5, upper: 12 });
    expect(runsLimits(20)).toEqual({ lower: 6, upper: 16 });
    expect(runsLimits(25)).toEqual({ lower: 8, upper: 18 });
    expect(runsLimits(30)).toEqual({ lower: 11, upper: 21 });
    expect(runsLimits(40)).toEqual({ lower: 15, upper: 27 });
    expect(runsLimits(50)).toEqual({ lower: 19, upper: 32 });
  });
  it('never narrows as the series grows and always leaves room between the limits', () => {
    for (let n = 11; n <= 60; n++) {
      const a = runsLimits(n - 1)!;
      const b = runsLimits(n)!;
      expect(b.lower).toBeGreaterThanOrEqual(a.lower);
      expect(b.upper).toBeGreaterThanOrEqual(a.upper);
      expect(b.lower).toBeLessThan(b.upper);
      // the expected number of runs for n/2 above and n/2 below (n/2 + 1) lies between the limits
      expect(b.lower).toBeLessThanOrEqual(n / 2 + 1);
      expect(b.upper).toBeGreaterThanOrEqual(n / 2 + 1);
    }
  });
});

/** Exact distribution of the number of runs R with n1 and n2 points on each side (Swed & Eisenhart 1943). */
function runsPmf(r: number, n1: number, n2: number): number {
  const lchoose = (n: number, k: number) => {
    if (k < 0 || k > n) return -Infinity;
    let s = 0;
    for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
    return s;
  };
  const total = lchoose(n1 + n2, n1);
  if (r % 2 === 0) return 2 * Math.exp(lchoose(n1 - 1, r / 2 - 1) + lchoose(n2 - 1, r / 2 - 1) - total);
  const k = (r - 1) / 2;
  return Math.exp(lchoose(n1 - 1, k) + lchoose(n2 - 1, k - 1) - total) + Math.exp(lchoose(n1 - 1, k - 1) + lchoose(n2 - 1, k) - total);
}

describe('runsLimits against the Swed & Eisenhart distribution the table comes from', () => {
  it('is within one run of the one-sided 5% critical values for every n (guards against a mistyped entry)', () => {
    for (let n = 10; n <= 60; n++) {
      const n1 = Math.floor(n / 2);
      const n2 = n - n1;
      let low = 0;
      let cdf = 0;
      for (let r = 2; r <= n; r++) if ((cdf += runsPmf(r, n1, n2)) <= 0.05) low = r;
      let high = n;
      let tail = 0;
      for (let r = n; r >= 2; r--) if ((tail += runsPmf(r, n1, n2)) <= 0.05) high = r;
      const table = runsLimits(n)!;
      expect([n, Math.abs(table.lower - low) <= 1, Math.abs(table.upper - high) <= 1]).toEqual([n, true, true]);
    }
  });
});

describe('runsTest', () => {
  it('counts useful observations and runs, leaving out points on the median', () => {
    // median 10: above ×3, on, below ×2, above, below ×4, above ×2 → 5 runs of 12 useful
    const values = [11, 12, 13, 10, 8, 9, 14, 7, 6, 5, 4, 15, 16];
    const r = runsTest(values, 10);
    expect(r).toEqual({ useful: 12, runs: 5, lower: 3, upper: 11, tooFew: false, tooMany: false });
  });
  it('signals too few runs: 10 below then 10 above is 2 runs of 20 (limit 6)', () => {
    const values = [...new Array(10).fill(1), ...new Array(10).fill(9)];
    expect(runsTest(values, 5)).toEqual({ useful: 20, runs: 2, lower: 6, upper: 16, tooFew: true, tooMany: false });
  });
  it('signals too many runs: 20 alternating points are 20 runs (limit 16)', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : 9));
    const r = runsTest(values, 5);
    expect(r.runs).toBe(20);
    expect(r.tooMany).toBe(true);
    expect(r.tooFew).toBe(false);
  });
  it('is exactly on the limits without signalling', () => {
    // 20 useful points in 6 runs (the lower limit): not too few
    const sides = [4, 3, 3, 4, 3, 3];
    const values: number[] = [];
    sides.forEach((len, k) => values.push(...new Array(len).fill(k % 2 === 0 ? 1 : 9)));
    const r = runsTest(values, 5);
    expect([r.useful, r.runs, r.tooFew]).toEqual([20, 6, false]);
    // one run fewer (5 runs) is too few
    const fewer = [...new Array(6).fill(1), ...new Array(4).fill(9), ...new Array(4).fill(1), ...new Array(3).fill(9), ...new Array(3).fill(1)];
    expect(runsTest(fewer, 5).tooFew).toBe(true);
  });
  it('gives no limits and no signal outside the table', () => {
    expect(runsTest([1, 9, 1, 9, 1, 9, 1, 9, 1], 5)).toEqual({ useful: 9, runs: 9, lower: null, upper: null, tooFew: false, tooMany: false });
    expect(runsTest([], null)).toEqual({ useful: 0, runs: 0, lower: null, upper: null, tooFew: false, tooMany: false });
  });
});
