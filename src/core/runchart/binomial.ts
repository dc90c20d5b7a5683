/**
 * Binomial quantile exactly as R's qbinom(p, size, prob) for the lower tail:
 * the smallest k with P(X <= k) >= p. The pmf is built term by term in log
 * space (log pmf(k+1) = log pmf(k) + log((size-k)/(k+1)) + log(prob/(1-prob)))
 * so that sizes of many thousands neither underflow (0.5^1075 = 0) nor lose
 * precision. R compares with a tiny fuzz, p * (1 - 64 * DBL_EPSILON), so that
 * a cumulative probability equal to p up to rounding counts as reaching it.
 */
export function qbinom(p: number, size: number, prob: number): number {
  if (!(size >= 0) || !Number.isInteger(size)) throw new RangeError('size must be a whole number >= 0');
  if (!(prob >= 0 && prob <= 1)) throw new RangeError('prob must be between 0 and 1');
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must be between 0 and 1');
  if (size === 0 || prob === 0) return 0;
  if (prob === 1) return size;
  const target = p * (1 - 64 * Number.EPSILON);
  const logRatio = Math.log(prob) - Math.log1p(-prob);
  let logPmf = size * Math.log1p(-prob); // log P(X = 0)
  let cdf = 0;
  for (let k = 0; k < size; k++) {
    cdf += Math.exp(logPmf);
    if (cdf >= target) return k;
    logPmf += Math.log((size - k) / (k + 1)) + logRatio;
  }
  return size;
}
