/**
 * Numerical helpers the oracles, references and hidden cases share. Side-effect free (import as
 * `@drills/lib/dist/stats` to skip the package index and its tfjs).
 */

/**
 * erfc in float64: the Maclaurin series of erf for |x| < 3 (≈1e-15 absolute; relative ≈1e-9 just below 3, where
 * 1 − erf(x) ≈ 2e-5 has cancelled six digits),
 *   erf(x) = 2/√π Σ (−1)^n x^(2n+1) / (n! (2n+1)),
 * and for x ≥ 3 the continued fraction (Lentz's method)
 *   erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
 * which keeps ≈1e-15 relative precision in the tail, where 1 − erf(x) would cancel to 0.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) return 1 - erfSeries(x);
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 300; n++) {
    const a = n / 2;
    d = 1 / (x + a * d);
    c = x + a / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** erf, odd; the series near 0 (full relative precision there), 1 − erfc beyond. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  return Math.sign(x) * (a < 3 ? erfSeries(a) : 1 - erfc(a));
}

function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** Standard normal cdf Φ(z) = erfc(−z/√2)/2: accurate in both tails. */
export const normalCdf = (z: number): number => 0.5 * erfc(-z / Math.SQRT2);

/**
 * numpy's default quantile (type 7): linear interpolation between order statistics at h = (n − 1)·q.
 * `sorted` must be ascending and non-empty; q in [0, 1].
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}
