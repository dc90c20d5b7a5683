import { computedRunsLimits, runsLimits, runsLimitsFor, runsProbability, runsTest } from './runsTest';

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
    expect(r).toEqual({ useful: 12, runs: 5, lower: 3, upper: 11, tooFew: false, tooMany: false, limitsFrom: 'table' });
  });
  it('signals too few runs: 10 below then 10 above is 2 runs of 20 (limit 6)', () => {
    const values = [...new Array(10).fill(1), ...new Array(10).fill(9)];
    expect(runsTest(values, 5)).toEqual({ useful: 20, runs: 2, lower: 6, upper: 16, tooFew: true, tooMany: false, limitsFrom: 'table' });
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
  it('gives no limits and no signal below 10 useful observations', () => {
    expect(runsTest([1, 9, 1, 9, 1, 9, 1, 9, 1], 5)).toEqual({ useful: 9, runs: 9, lower: null, upper: null, tooFew: false, tooMany: false, limitsFrom: null });
    expect(runsTest([], null)).toEqual({ useful: 0, runs: 0, lower: null, upper: null, tooFew: false, tooMany: false, limitsFrom: null });
  });
});

/**
 * The exact distribution in whole numbers, from first principles: of the
 * C(n, n1) equally likely orders of n1 points above and n2 below the line,
 * how many have exactly r runs (Swed & Eisenhart 1943). BigInt, no rounding.
 */
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let c = 1n;
  for (let i = 1; i <= k; i++) c = (c * BigInt(n - k + i)) / BigInt(i);
  return c;
}
function arrangements(r: number, n1: number, n2: number): bigint {
  if (r % 2 === 0) return 2n * choose(n1 - 1, r / 2 - 1) * choose(n2 - 1, r / 2 - 1);
  const k = (r - 1) / 2;
  return choose(n1 - 1, k) * choose(n2 - 1, k - 1) + choose(n1 - 1, k - 1) * choose(n2 - 1, k);
}
/** 2.5% in each tail, exactly: lower = smallest r with P(R <= r) >= 1/40, upper = largest r with P(R >= r) >= 1/40. */
function exactLimits(n: number): { lower: number; upper: number } {
  const n1 = Math.floor(n / 2);
  const n2 = n - n1;
  const total = choose(n, n1);
  let lower = 2;
  for (let cum = 0n; ; lower++) {
    cum += arrangements(lower, n1, n2);
    if (cum * 40n >= total) break;
  }
  let upper = n;
  for (let cum = 0n; ; upper--) {
    cum += arrangements(upper, n1, n2);
    if (cum * 40n >= total) break;
  }
  return { lower, upper };
}

describe('computed runs limits (Swed & Eisenhart, 5% two-sided: 2.5% in each tail)', () => {
  it('agrees with the exact whole-number calculation for every n from 10 to 300', () => {
    for (let n = 10; n <= 300; n++) expect([n, computedRunsLimits(n)]).toEqual([n, exactLimits(n)]);
  });

  it('agrees with 73 of the published table\'s 102 entries at 10–60, never by more than one run, and exactly at 60', () => {
    let lowerAgree = 0;
    let upperAgree = 0;
    for (let n = 10; n <= 60; n++) {
      const table = runsLimits(n)!;
      const exact = exactLimits(n);
      if (exact.lower === table.lower) lowerAgree++;
      if (exact.upper === table.upper) upperAgree++;
      expect(Math.abs(exact.lower - table.lower)).toBeLessThanOrEqual(1);
      expect(Math.abs(exact.upper - table.upper)).toBeLessThanOrEqual(1);
    }
    // No convention reproduces the table (it differs by one in both directions); see README.md for the others tried.
    expect([lowerAgree, upperAgree]).toEqual([38, 35]);
    expect(exactLimits(60)).toEqual(runsLimits(60));
  });

  it('has probabilities that add up to 1 and the mean number of runs 2·n1·n2/n + 1', () => {
    for (const [n1, n2] of [[30, 31], [50, 50], [500, 501]]) {
      let sum = 0;
      let mean = 0;
      for (let r = 2; r <= n1 + n2; r++) {
        const p = runsProbability(r, n1, n2);
        sum += p;
        mean += r * p;
      }
      expect(sum).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo((2 * n1 * n2) / (n1 + n2) + 1, 8);
    }
  });

  it('works out by hand for 62 useful points (31 above, 31 below)', () => {
    // P(R = 2) = 2 / C(62, 31): two arrangements (all below then all above, or the reverse).
    expect(runsProbability(2, 31, 31)).toBeCloseTo(2 / Number(choose(62, 31)), 30);
    // P(R = 3) = 2·C(30, 1) / C(62, 31): one side split in two around the other.
    expect(runsProbability(3, 31, 31) / runsProbability(2, 31, 31)).toBeCloseTo(30, 8);
    // The limits straddle the mean number of runs, 2·31·31/62 + 1 = 32.
    const { lower, upper } = computedRunsLimits(62)!;
    expect(lower).toBeLessThan(32);
    expect(upper).toBeGreaterThan(32);
    expect([lower, upper]).toEqual([24, 40]);
  });

  it('never narrows as the series grows past the table', () => {
    let previous = runsLimits(60)!;
    for (let n = 61; n <= 400; n++) {
      const next = runsLimitsFor(n)!;
      expect(next.limitsFrom).toBe('computed');
      expect(next.lower).toBeGreaterThanOrEqual(previous.lower);
      expect(next.upper).toBeGreaterThanOrEqual(previous.upper);
      previous = next;
    }
  });

  it('gives limits for thousands of points without overflow', () => {
    const big = computedRunsLimits(10000)!;
    // Normal approximation: mean 5001, sd ≈ 50; ±1.96 sd ≈ 4903..5099.
    expect(Math.abs(big.lower - 4903)).toBeLessThanOrEqual(2);
    expect(Math.abs(big.upper - 5099)).toBeLessThanOrEqual(2);
  });
});

describe('runsLimitsFor: the table within 10–60, computed beyond, none below', () => {
  it('keeps the published values where the calculation differs by one', () => {
    expect(runsLimitsFor(20)).toEqual({ lower: 6, upper: 16, limitsFrom: 'table' }); // the calculation gives 7 and 15
    // The command-line contract's illustrative example shows 15–26 for 39 useful points; the table says 14–26 and wins.
    expect(runsLimitsFor(39)).toEqual({ lower: 14, upper: 26, limitsFrom: 'table' });
    expect(runsLimitsFor(9)).toBeNull();
    expect(runsLimitsFor(61)).toEqual({ lower: 24, upper: 39, limitsFrom: 'computed' });
  });
});

describe('runsTest beyond 60 useful observations (hand-worked series)', () => {
  /** Runs of the given lengths, alternating below (1) and above (9) a centre line of 5. */
  const series = (lengths: number[]) => lengths.flatMap((len, k) => new Array(len).fill(k % 2 === 0 ? 1 : 9));

  it('signals too few runs: 30 below then 31 above is 2 runs of 61 (computed lower limit 24)', () => {
    expect(runsTest(series([30, 31]), 5)).toEqual({ useful: 61, runs: 2, lower: 24, upper: 39, tooFew: true, tooMany: false, limitsFrom: 'computed' });
  });

  it('signals too many runs: 61 alternating points are 61 runs (upper limit 39)', () => {
    const r = runsTest(series(new Array(61).fill(1)), 5);
    expect([r.runs, r.tooMany, r.tooFew, r.limitsFrom]).toEqual([61, true, false, 'computed']);
  });

  it('is exactly on the limits without signalling, and one beyond them signals', () => {
    // 24 runs in 61 points: 23 runs of 2 and one of 15.
    const at24 = series([...new Array(23).fill(2), 15]);
    expect([runsTest(at24, 5).useful, runsTest(at24, 5).runs, runsTest(at24, 5).tooFew]).toEqual([61, 24, false]);
    const at23 = series([...new Array(22).fill(2), 17]);
    expect([runsTest(at23, 5).runs, runsTest(at23, 5).tooFew]).toEqual([23, true]);
    // 39 runs (the upper limit) is not too many; 40 is.
    const at39 = series([...new Array(38).fill(1), 23]);
    expect([runsTest(at39, 5).runs, runsTest(at39, 5).tooMany]).toEqual([39, false]);
    const at40 = series([...new Array(39).fill(1), 22]);
    expect([runsTest(at40, 5).useful, runsTest(at40, 5).runs, runsTest(at40, 5).tooMany]).toEqual([61, 40, true]);
  });

  it('leaves points on the centre line out of the count: 70 points with 9 on the line are 61 useful', () => {
    const values = [...series([30, 31]), ...new Array(9).fill(5)];
    expect(runsTest(values, 5)).toMatchObject({ useful: 61, runs: 2, limitsFrom: 'computed', tooFew: true });
  });
});
