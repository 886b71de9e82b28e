/** Drill 08's checks pass the references and the notebook's model answer, and reject each known-wrong answer. */
import { test } from "uvu";
import { todo } from "@drills/lib";
import { expectPass, expectRejects, expectTodo } from "../testing";
import { experimentStatsDrill, metricsAnswerDrill, rankingMetricsDrill, type ExperimentStats, type RankingMetrics } from "./metrics";
import { normalCdf, normalQuantile, referenceRanking as R, referenceStats as S } from "./metrics-reference";
import { answerFromNotebook } from "./rubric";

test("references pass every case", async () => {
  await expectPass(rankingMetricsDrill, R);
  await expectPass(experimentStatsDrill, S);
});

test("the solution notebook's model answer covers every rubric point", async () => {
  await expectPass(metricsAnswerDrill, answerFromNotebook("08-metrics-design", "metrics-answer"));
});

test("stubs are todo, not failures", async () => {
  const stub = () => {
    throw todo();
  };
  await expectTodo(rankingMetricsDrill, { precisionAtK: stub, recallAtK: stub, ndcgAtK: stub, averagePrecision: stub });
  await expectTodo(experimentStatsDrill, { twoProportionZTest: stub, sampleSizePerArm: stub, canaryDecision: stub });
  await expectTodo(metricsAnswerDrill, stub);
});

const order = (scores: number[]) => scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
/** Stable sort, ties broken by index: the usual answer that ignores ties. */
const dcgNoTies = (rel: number[], scores: number[], k: number, gain = (r: number) => r) =>
  order(scores).slice(0, k).reduce((a, i, p) => a + gain(rel[i]) / Math.log2(p + 2), 0);

const ranking: Record<string, [Partial<RankingMetrics>, string, RegExp]> = {
  "precision@k divides by the number of relevant items": [{ precisionAtK: (r, s, k) => R.recallAtK(r, s, k) }, "precision@k and recall@k on a ranking without ties", /divides by the number of relevant items/],
  "recall@k divides by k": [{ recallAtK: (r, s, k) => R.precisionAtK(r, s, k) }, "precision@k and recall@k on a ranking without ties", /recallAtK\(…, 1\) should be relevant-in-top-k \/ all relevant/],
  "ties broken by index at the cut-off": [{ precisionAtK: (r, s, k) => (R.precisionAtK(r, s, 1), order(s).slice(0, k).filter((i) => r[i] > 0).length / k) }, "tied scores at the cut-off count as their expected value", /precision@2 with a 3-way tie/],
  "NDCG without the ideal-DCG normalisation": [{ ndcgAtK: (r, s, k) => (R.ndcgAtK(r, s, k), dcgNoTies(r, s, k)) }, "ndcg@k matches scikit-learn's ndcg_score (fixture)", /ndcgAtK should equal sklearn's ndcg_score/],
  "NDCG with exponential gain 2^rel − 1": [{ ndcgAtK: (r, s, k) => (R.ndcgAtK(r, s, k), dcgNoTies(r, s, k, (x) => 2 ** x - 1) / dcgNoTies(r, r, k, (x) => 2 ** x - 1)) }, "ndcg@k matches scikit-learn's ndcg_score (fixture)", /graded, no ties/],
  "NDCG is NaN when nothing is relevant": [{ ndcgAtK: (r, s, k) => { const ideal = dcgNoTies(r, r, k); return ideal === 0 ? NaN : R.ndcgAtK(r, s, k); } }, "ndcg is 1 for the ideal ranking and 0 when nothing is relevant", /Actual: +NaN/],
  "AP ignores ties (mean precision at each relevant rank)": [{ averagePrecision: (r, s) => { R.averagePrecision(r, s); let hits = 0; return order(s).reduce((a, i, p) => (r[i] > 0 ? a + ++hits / (p + 1) : a), 0) / r.filter((x) => x > 0).length; } }, "average precision matches scikit-learn's average_precision_score (fixture, with ties)", /binary with ties in scores/],
  "sorts the caller's scores in place": [{ ndcgAtK: (r, s, k) => { const v = R.ndcgAtK(r, s, k); s.sort((a, b) => b - a); return v; } }, "inputs are left unchanged", /ndcgAtK should not modify its inputs/],
  "no validation of k": [{ precisionAtK: (r, s, k) => R.precisionAtK(r, s, Math.min(Math.max(1, Math.round(k)), r.length)) }, "invalid input throws ValueError naming the argument", /k > n should be rejected/],
};

for (const [name, [patch, caseName, message]] of Object.entries(ranking)) {
  test(`rejects (ranking): ${name}`, async () => {
    await expectRejects(rankingMetricsDrill, { ...R, ...patch }, caseName, message);
  });
}

const unpooled: ExperimentStats["twoProportionZTest"] = (t) => {
  S.twoProportionZTest(t);
  const pa = t.conversionsA / t.visitorsA;
  const pb = t.conversionsB / t.visitorsB;
  const z = (pb - pa) / Math.sqrt((pa * (1 - pa)) / t.visitorsA + (pb * (1 - pb)) / t.visitorsB);
  return { z, pValue: 2 * (1 - normalCdf(Math.abs(z))) };
};
const withSize = (f: (za: number, zb: number, p1: number, p2: number, mde: number) => number): ExperimentStats["sampleSizePerArm"] => (s) => {
  S.sampleSizePerArm(s);
  return f(normalQuantile(1 - s.alpha / 2), normalQuantile(s.power), s.baseline, s.baseline + s.mde, s.mde);
};
const formula = (za: number, zb: number, p1: number, p2: number, mde: number) => ((za * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) / mde) ** 2;
const harm = (g: { lower: number; upper: number; higherIsBetter: boolean }) => (g.higherIsBetter ? [-g.upper, -g.lower] : [g.lower, g.upper]);

const stats: Record<string, [Partial<ExperimentStats>, string, RegExp]> = {
  "unpooled z-test": [{ twoProportionZTest: unpooled }, "z-test: z and p-value match scipy (pooled, two-sided)", /this is the unpooled standard error/],
  "one-sided p-value": [{ twoProportionZTest: (t) => { const { z } = S.twoProportionZTest(t); return { z, pValue: 1 - normalCdf(Math.abs(z)) }; } }, "z-test: z and p-value match scipy (pooled, two-sided)", /this is a one-sided p-value/],
  "z sign flipped (A − B)": [{ twoProportionZTest: (t) => { const { z, pValue } = S.twoProportionZTest(t); return { z: -z, pValue }; } }, "z-test: z and p-value match scipy (pooled, two-sided)", /the sign is flipped/],
  "p-value without |z| (1 − Φ(z) doubled)": [{ twoProportionZTest: (t) => { const { z } = S.twoProportionZTest(t); return { z, pValue: 2 * (1 - normalCdf(z)) }; } }, "z-test: the p-value is in (0, 1] and symmetric in the arms", /B worse than A/],
  "one-sided z quantile in the sample size": [{ sampleSizePerArm: (s) => withSize((_za, zb, p1, p2, m) => Math.ceil(formula(normalQuantile(1 - s.alpha), zb, p1, p2, m)))(s) }, "sample size per arm matches the stated formula (scipy fixture)", /one-sided z_\{1−α\}/],
  "relative MDE": [{ sampleSizePerArm: (s) => S.sampleSizePerArm({ ...s, mde: s.mde * s.baseline }) }, "sample size per arm matches the stated formula (scipy fixture)", /relative to the baseline/],
  "sample size rounded down": [{ sampleSizePerArm: withSize((...a) => Math.floor(formula(...a))) }, "sample size per arm matches the stated formula (scipy fixture)", /rounded down/],
  "canary on point estimates": [{ canaryDecision: (gs) => (S.canaryDecision(gs), gs.some((g) => harm({ ...g, lower: g.delta, upper: g.delta })[0] > g.maxRegression) ? "rollback" : "promote") }, "canary: promote / hold / rollback on named scenarios", /latency interval straddles its limit[\s\S]*Expected: +hold/],
  "canary ignores the metric's direction": [{ canaryDecision: (gs) => S.canaryDecision(gs.map((g) => ({ ...g, higherIsBetter: false }))) }, "canary: promote / hold / rollback on named scenarios", /conversion \(higher is better\) clearly down/],
  "canary rolls back on any overlap with harm": [{ canaryDecision: (gs) => (S.canaryDecision(gs), gs.some((g) => harm(g)[1] > g.maxRegression) ? "rollback" : "promote") }, "canary: promote / hold / rollback on named scenarios", /Expected: +hold[\s\S]*Actual: +rollback/],
  "canary with a zero threshold instead of maxRegression": [{ canaryDecision: (gs) => S.canaryDecision(gs.map((g) => ({ ...g, maxRegression: 0 }))) }, "canary: promote / hold / rollback on named scenarios", /all intervals inside the allowed regression/],
};

for (const [name, [patch, caseName, message]] of Object.entries(stats)) {
  test(`rejects (experiment): ${name}`, async () => {
    await expectRejects(experimentStatsDrill, { ...S, ...patch }, caseName, message);
  });
}

test.run();
