/**
 * Reference answers for drill 08's spec, written the way a candidate would (sorted indices, tie groups), not by
 * calling the checks' oracle. The solution notebook holds its own copy: the notebook is the single source for
 * candidates; these exist so the checks can be tested without Jupyter.
 */
import { ValueError } from "@drills/lib";
import { normalCdf } from "@drills/lib/dist/stats";

export { normalCdf };
import type { CanaryDecision, ExperimentStats, RankingMetrics } from "../calls";

function validate(relevance: number[], scores: number[], k?: number): void {
  if (relevance.length === 0) throw new ValueError("relevance: expected a non-empty array");
  if (scores.length !== relevance.length)
    throw new ValueError(`scores: expected length ${relevance.length}, got ${scores.length}`);
  if (!scores.every(Number.isFinite)) throw new ValueError("scores: expected finite numbers");
  if (!relevance.every((r) => Number.isFinite(r) && r >= 0))
    throw new ValueError("relevance: expected finite values ≥ 0");
  if (k !== undefined && !(Number.isInteger(k) && k >= 1 && k <= relevance.length))
    throw new ValueError(`k: expected an integer in [1, ${relevance.length}], got ${k}`);
}

/** Tie-averaged Σ gain·discount over the top k: a tied group shares its positions' discounts, at its mean gain. */
function topK(gains: number[], scores: number[], k: number, discount: (p: number) => number): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let total = 0;
  for (let start = 0; start < Math.min(k, order.length);) {
    let end = start;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    let mean = 0;
    for (let p = start; p < end; p++) mean += gains[order[p]] / (end - start);
    for (let p = start; p < Math.min(end, k); p++) total += mean * discount(p);
    start = end;
  }
  return total;
}

const relevant = (relevance: number[]): number[] => relevance.map((r) => (r > 0 ? 1 : 0));
function countRelevant(relevance: number[]): number {
  const n = relevant(relevance).reduce((a, b) => a + b, 0);
  if (n === 0) throw new ValueError("relevance: expected at least one relevant item (relevance > 0)");
  return n;
}

export const referenceRanking: RankingMetrics = {
  precisionAtK(relevance, scores, k) {
    validate(relevance, scores, k);
    return topK(relevant(relevance), scores, k, () => 1) / k;
  },
  recallAtK(relevance, scores, k) {
    validate(relevance, scores, k);
    return topK(relevant(relevance), scores, k, () => 1) / countRelevant(relevance);
  },
  ndcgAtK(relevance, scores, k) {
    validate(relevance, scores, k);
    const discount = (p: number) => 1 / Math.log2(p + 2);
    const ideal = topK(relevance, relevance, k, discount);
    return ideal === 0 ? 0 : topK(relevance, scores, k, discount) / ideal;
  },
  averagePrecision(relevance, scores) {
    validate(relevance, scores);
    const rel = relevant(relevance);
    const positives = countRelevant(relevance);
    const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
    let ap = 0;
    let tp = 0;
    for (let start = 0; start < order.length;) {
      let end = start;
      let hits = 0;
      while (end < order.length && scores[order[end]] === scores[order[start]]) hits += rel[order[end++]];
      tp += hits;
      ap += (hits / positives) * (tp / end);
      start = end;
    }
    return ap;
  },
};

/** Φ⁻¹(p) by Acklam's rational approximation (relative error < 1.15e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

const isCount = (v: number) => Number.isInteger(v) && v >= 0;
const inUnit = (v: number) => Number.isFinite(v) && v > 0 && v < 1;

export const referenceStats: ExperimentStats & { canaryDecision: CanaryDecision } = {
  twoProportionZTest({ conversionsA, visitorsA, conversionsB, visitorsB }) {
    for (const [name, v] of Object.entries({ visitorsA, visitorsB }))
      if (!isCount(v) || v === 0) throw new ValueError(`${name}: expected a positive integer, got ${v}`);
    if (!isCount(conversionsA) || conversionsA > visitorsA)
      throw new ValueError(`conversionsA: expected an integer in [0, visitorsA], got ${conversionsA}`);
    if (!isCount(conversionsB) || conversionsB > visitorsB)
      throw new ValueError(`conversionsB: expected an integer in [0, visitorsB], got ${conversionsB}`);
    const pooled = (conversionsA + conversionsB) / (visitorsA + visitorsB);
    if (pooled === 0 || pooled === 1)
      throw new ValueError("conversions: expected some but not all visitors to convert (the pooled rate is 0 or 1)");
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / visitorsA + 1 / visitorsB));
    const z = (conversionsB / visitorsB - conversionsA / visitorsA) / se;
    return { z, pValue: 2 * (1 - normalCdf(Math.abs(z))) };
  },
  sampleSizePerArm({ baseline, mde, alpha, power }) {
    if (!inUnit(baseline)) throw new ValueError(`baseline: expected a rate in (0, 1), got ${baseline}`);
    if (!(mde > 0 && baseline + mde < 1))
      throw new ValueError(`mde: expected an absolute lift > 0 with baseline + mde < 1, got ${mde}`);
    if (!inUnit(alpha)) throw new ValueError(`alpha: expected a value in (0, 1), got ${alpha}`);
    if (!inUnit(power)) throw new ValueError(`power: expected a value in (0, 1), got ${power}`);
    const p2 = baseline + mde;
    const pbar = (baseline + p2) / 2;
    const n =
      (normalQuantile(1 - alpha / 2) * Math.sqrt(2 * pbar * (1 - pbar)) +
        normalQuantile(power) * Math.sqrt(baseline * (1 - baseline) + p2 * (1 - p2))) **
        2 /
      mde ** 2;
    return Math.ceil(n);
  },
  canaryDecision(guardrails) {
    if (!Array.isArray(guardrails) || guardrails.length === 0)
      throw new ValueError("guardrails: expected at least one guardrail");
    for (const g of guardrails) {
      if (![g.delta, g.lower, g.upper].every(Number.isFinite))
        throw new ValueError(`${g.name}: expected finite delta, lower and upper`);
      if (!(g.lower <= g.delta && g.delta <= g.upper))
        throw new ValueError(
          `${g.name}: expected lower ≤ delta ≤ upper, got [${g.lower}, ${g.upper}] around ${g.delta}`,
        );
      if (!(g.maxRegression >= 0))
        throw new ValueError(`${g.name}: expected maxRegression ≥ 0, got ${g.maxRegression}`);
    }
    // Harm is the change in the bad direction; its interval, not the point estimate, decides.
    const harm = guardrails.map((g) => ({
      max: g.maxRegression,
      lo: g.higherIsBetter ? -g.upper : g.lower,
      hi: g.higherIsBetter ? -g.lower : g.upper,
    }));
    if (harm.some((h) => h.lo > h.max)) return "rollback";
    const verdict = harm.every((h) => h.hi <= h.max) ? "promote" : "hold";
    return verdict;
  },
};
export const referenceCanary: CanaryDecision = (gs) => referenceStats.canaryDecision(gs);
