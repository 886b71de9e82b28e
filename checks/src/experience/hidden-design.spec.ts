/** Hidden cases of drills 08 (ranking metrics) and 09 (drift statistics): references pass, known-wrong answers fail. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type Drill } from "../drill";
import { rankingMetricsDrill, type RankingMetrics } from "../drills/metrics";
import { referenceRanking } from "../drills/metrics-reference";
import { logDiscount, tieAveragedGain } from "../drills/metrics-oracle";
import { driftStatsDrill, type DriftStats } from "../drills/featurestore";
import { referenceDrift } from "../drills/featurestore-reference";
import { oraclePsi } from "../drills/featurestore-drift";
import "./hidden-ranking";
import "./hidden-drift";
// The sample file also holds the other 08 and 09 checks' cases: a kernel validates its whole notebook id's list.
import "./hidden-experiment";
import "./hidden-featurestore";
import { failingHidden } from "./hidden-testing";

const failing = <I>(drill: Drill<I>, impl: I) => failingHidden(drill, impl, /relevance = |reference = \[/);

const countRelevant = (r: number[]) => r.filter((v) => v > 0).length;
const rankingWrong: Record<string, [RankingMetrics, string[]]> = {
  "precision@k divides by the number of relevant items": [{ ...referenceRanking, precisionAtK: (r, s, k) => (referenceRanking.precisionAtK(r, s, k) * k) / countRelevant(r) }, ["hidden 1"]],
  "recall@k divides by k": [{ ...referenceRanking, recallAtK: (r, s, k) => (referenceRanking.recallAtK(r, s, k) * countRelevant(r)) / k }, ["hidden 2"]],
  "NDCG without the ideal-DCG normalisation (plain DCG)": [{ ...referenceRanking, ndcgAtK: (r, s, k) => tieAveragedGain(r, s, k, logDiscount) }, ["hidden 3"]],
};

test("08: the reference ranking metrics pass every hidden case", async () => {
  assert.equal(await failing(rankingMetricsDrill, referenceRanking), []);
});

for (const [name, [impl, want]] of Object.entries(rankingWrong)) {
  test(`08 rejects: ${name}`, async () => {
    assert.equal(await failing(rankingMetricsDrill, impl), want);
  });
}

const driftWrong: Record<string, [DriftStats, string[]]> = {
  // Edges from the current sample: identical samples still give 0 (hidden 2), a shift does not.
  "PSI with bins from the current sample": [{ ...referenceDrift, psi: (r, c, b = 10) => oraclePsi(r, c, b, c) }, ["hidden 1"]],
  "one-sided KS (max of F_a − F_b)": [
    {
      ...referenceDrift,
      ksStatistic: (a, b) => {
        const cdf = (x: number[], v: number) => x.filter((e) => e <= v).length / x.length;
        return Math.max(...[...a, ...b].map((v) => cdf(a, v) - cdf(b, v)));
      },
    },
    ["hidden 3"],
  ],
};

test("09: the reference drift statistics pass every hidden case", async () => {
  assert.equal(await failing(driftStatsDrill, referenceDrift), []);
});

for (const [name, [impl, want]] of Object.entries(driftWrong)) {
  test(`09 rejects: ${name}`, async () => {
    assert.equal(await failing(driftStatsDrill, impl), want);
  });
}

test.run();
