/** Drill 08's hidden cases from the sample file, split: the references pass, known slips fail, inputs never show. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { canaryCheck, experimentCheck, rankingCheck } from "./checks";
import type { ExperimentStats, RankingMetrics } from "./calls";
import { referenceCanary as C, referenceRanking as R, referenceStats as S } from "./test/answers";
import { logDiscount, tieAveragedGain } from "./oracle";
import { failingSplit } from "../test/hidden-sample";

const SECRETS = /412|9870|0\.037|6\.5|-0\.35|relevance = /;

test("08: the references pass every hidden case", async () => {
  assert.equal(await failingSplit(rankingCheck, R, SECRETS), []);
  assert.equal(await failingSplit(experimentCheck, S, SECRETS), []);
  assert.equal(await failingSplit(canaryCheck, C, SECRETS), []);
});

const countRelevant = (r: number[]) => r.filter((v) => v > 0).length;
const ranking: Record<string, [RankingMetrics, string[]]> = {
  "precision@k divides by the number of relevant items": [
    { ...R, precisionAtK: (r, s, k) => (R.precisionAtK(r, s, k) * k) / countRelevant(r) },
    ["hidden-1"],
  ],
  "recall@k divides by k": [
    { ...R, recallAtK: (r, s, k) => (R.recallAtK(r, s, k) * countRelevant(r)) / k },
    ["hidden-2"],
  ],
  "NDCG without the ideal-DCG normalisation (plain DCG)": [
    { ...R, ndcgAtK: (r, s, k) => tieAveragedGain(r, s, k, logDiscount) },
    ["hidden-3"],
  ],
};
for (const [name, [impl, want]] of Object.entries(ranking)) {
  test(`08 rejects (ranking): ${name}`, async () => {
    assert.equal(await failingSplit(rankingCheck, impl, SECRETS), want);
  });
}

const unpooled = (t: Parameters<ExperimentStats["twoProportionZTest"]>[0]) => {
  const [pa, pb] = [t.conversionsA / t.visitorsA, t.conversionsB / t.visitorsB];
  const z = (pb - pa) / Math.sqrt((pa * (1 - pa)) / t.visitorsA + (pb * (1 - pb)) / t.visitorsB);
  return { z, pValue: S.twoProportionZTest(t).pValue };
};
const experiment: Record<string, [ExperimentStats, string[]]> = {
  "unpooled standard error": [{ ...S, twoProportionZTest: unpooled }, ["hidden-5", "hidden-6"]],
  "one-sided p-value": [
    { ...S, twoProportionZTest: (t) => ({ ...S.twoProportionZTest(t), pValue: S.twoProportionZTest(t).pValue / 2 }) },
    ["hidden-5", "hidden-6"],
  ],
  "one-sided z quantile in the sample size": [
    { ...S, sampleSizePerArm: (s) => S.sampleSizePerArm({ ...s, alpha: 2 * s.alpha }) },
    ["hidden-7", "hidden-8"],
  ],
  "mde read as relative": [
    { ...S, sampleSizePerArm: (s) => S.sampleSizePerArm({ ...s, mde: s.mde * s.baseline }) },
    ["hidden-7", "hidden-8"],
  ],
};
for (const [name, [impl, want]] of Object.entries(experiment)) {
  test(`08 rejects (experiment): ${name}`, async () => {
    assert.equal(await failingSplit(experimentCheck, impl, SECRETS), want);
  });
}

const canary: Record<string, [typeof C, string[]]> = {
  "canary on point estimates": [(gs) => C(gs.map((g) => ({ ...g, lower: g.delta, upper: g.delta }))), ["hidden-9"]],
  "canary ignores the metric's direction": [(gs) => C(gs.map((g) => ({ ...g, higherIsBetter: false }))), ["hidden-10"]],
};
for (const [name, [impl, want]] of Object.entries(canary)) {
  test(`08 rejects (canary): ${name}`, async () => {
    assert.equal(await failingSplit(canaryCheck, impl, SECRETS), want);
  });
}

test.run();
