/**
 * Float64 oracles for drill 08, written from the definitions (not from the solution notebook).
 *
 * Ranking metrics treat tied scores as scikit-learn's `ndcg_score(ignore_ties=False)` does: a tied group shares
 * the positions it spans, each member getting the group's average gain. That is the expected value over random
 * orderings of the tie, so precision@k and recall@k use the same rule (with a discount of 1) and no metric depends
 * on the input order. Average precision is scikit-learn's: one precision/recall step per distinct score.
 */
import { erfc, normalCdf } from "@drills/lib/dist/stats";
import type { CanaryVerdict, Guardrail, Proportions, SampleSizeInput } from "./calls";

export type { Proportions, SampleSizeInput } from "./calls";

/** Indices grouped by equal score, best score first. */
export function tieGroups(scores: ArrayLike<number>): number[][] {
  const idx = Array.from(scores, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const groups: number[][] = [];
  for (const i of idx) {
    const last = groups[groups.length - 1];
    if (last && scores[last[0]] === scores[i]) last.push(i);
    else groups.push([i]);
  }
  return groups;
}

/**
 * Σ over the first k positions of gain × discount(position), with tied groups sharing their average gain:
 * a group spanning positions [start, end) contributes mean(gain) · Σ_{p ∈ [start, min(end, k))} discount(p).
 */
export function tieAveragedGain(
  gains: ArrayLike<number>,
  scores: ArrayLike<number>,
  k: number,
  discount: (p: number) => number,
): number {
  let total = 0;
  let start = 0;
  for (const g of tieGroups(scores)) {
    if (start >= k) break;
    const mean = g.reduce((a, i) => a + gains[i], 0) / g.length;
    for (let p = start; p < Math.min(start + g.length, k); p++) total += mean * discount(p);
    start += g.length;
  }
  return total;
}

const binary = (relevance: ArrayLike<number>) => Array.from(relevance, (r) => (r > 0 ? 1 : 0));
const count = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** log2 discount of ndcg: position p (0-based) counts 1 / log2(p + 2). */
export const logDiscount = (p: number) => 1 / Math.log2(p + 2);

export function oraclePrecisionAtK(relevance: ArrayLike<number>, scores: ArrayLike<number>, k: number): number {
  return tieAveragedGain(binary(relevance), scores, k, () => 1) / k;
}

export function oracleRecallAtK(relevance: ArrayLike<number>, scores: ArrayLike<number>, k: number): number {
  const rel = binary(relevance);
  return tieAveragedGain(rel, scores, k, () => 1) / count(rel);
}

/** DCG@k / ideal DCG@k with linear gains (the relevance itself), 0 when nothing is relevant (as scikit-learn). */
export function oracleNdcgAtK(relevance: ArrayLike<number>, scores: ArrayLike<number>, k: number): number {
  const ideal = tieAveragedGain(relevance, relevance, k, logDiscount);
  return ideal === 0 ? 0 : tieAveragedGain(relevance, scores, k, logDiscount) / ideal;
}

/** AP = Σ_t (R_t − R_{t−1}) · P_t over distinct score thresholds t, best first. */
export function oracleAveragePrecision(relevance: ArrayLike<number>, scores: ArrayLike<number>): number {
  const rel = binary(relevance);
  const positives = count(rel);
  let tp = 0;
  let seen = 0;
  let ap = 0;
  for (const g of tieGroups(scores)) {
    const hits = g.reduce((a, i) => a + rel[i], 0);
    tp += hits;
    seen += g.length;
    ap += (hits / positives) * (tp / seen);
  }
  return ap;
}

// One erfc and one Φ for the whole pack: lib/src/stats.ts (~1e-15 relative in float64).
export { erfc, normalCdf };

/** Φ⁻¹ by bisection on the accurate cdf: slow (60 steps) but obviously right, which is what an oracle needs. */
export function normalQuantile(p: number): number {
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Pooled two-proportion z-test: z = (p̂B − p̂A) / √(p(1 − p)(1/nA + 1/nB)), p = pooled rate; p-value two-sided. */
export function oracleZTest(t: Proportions): { z: number; pValue: number } {
  const p = (t.conversionsA + t.conversionsB) / (t.visitorsA + t.visitorsB);
  const se = Math.sqrt(p * (1 - p) * (1 / t.visitorsA + 1 / t.visitorsB));
  const z = (t.conversionsB / t.visitorsB - t.conversionsA / t.visitorsA) / se;
  return { z, pValue: erfc(Math.abs(z) / Math.SQRT2) };
}

/** n = ⌈((z_{1−α/2}·√(2p̄(1−p̄)) + z_{power}·√(p₁(1−p₁) + p₂(1−p₂))) / mde)²⌉, p₂ = p₁ + mde, p̄ = (p₁ + p₂)/2. */
export function oracleSampleSize({ baseline, mde, alpha, power }: SampleSizeInput): number {
  const p1 = baseline;
  const p2 = baseline + mde;
  const pbar = (p1 + p2) / 2;
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  return Math.ceil(
    ((za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) / mde) ** 2,
  );
}

/**
 * The canary rule. Harm is the change in the bad direction (−delta when higher is better, +delta otherwise), so its
 * interval is [hLo, hHi]: rollback when some guardrail's harm lies entirely beyond its maxRegression (strictly),
 * promote when every one lies within it (boundary included), hold otherwise — the data cannot tell yet.
 */
export function oracleCanary(guardrails: Guardrail[]): CanaryVerdict {
  const harm = guardrails.map((g) => (g.higherIsBetter ? [-g.upper, -g.lower] : [g.lower, g.upper]));
  if (harm.some(([lo], i) => lo > guardrails[i].maxRegression)) return "rollback";
  if (harm.every(([, hi], i) => hi <= guardrails[i].maxRegression)) return "promote";
  return "hold";
}

/** The z of the unpooled (Wald) test: each arm's own variance. Right for a confidence interval, not for H0: pA = pB. */
export function unpooledZ(t: Proportions): number {
  const pa = t.conversionsA / t.visitorsA;
  const pb = t.conversionsB / t.visitorsB;
  return (pb - pa) / Math.sqrt((pa * (1 - pa)) / t.visitorsA + (pb * (1 - pb)) / t.visitorsB);
}
