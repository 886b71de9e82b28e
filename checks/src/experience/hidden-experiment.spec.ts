/** Hidden cases of drill 08's experiment check from the sample file: the reference passes, known slips fail. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { experimentStatsDrill, type ExperimentStats } from "../drills/metrics";
import { referenceStats as S } from "../drills/metrics-reference";
import "./hidden-experiment";
// Drill 08's ranking cases share the notebook id: a kernel validates them all, so they must be known too.
import "./hidden-ranking";
import { failingHidden } from "./hidden-testing";

// Counts, rates and interval ends of the sample never appear; 7 cases: the experiment ones, none of the ranking ones.
const failing = (impl: ExperimentStats) => failingHidden(experimentStatsDrill, impl, /412|9870|0\.037|6\.5|-0\.35/, 7);

const unpooled = (t: Parameters<ExperimentStats["twoProportionZTest"]>[0]) => {
  const [pa, pb] = [t.conversionsA / t.visitorsA, t.conversionsB / t.visitorsB];
  const z = (pb - pa) / Math.sqrt((pa * (1 - pa)) / t.visitorsA + (pb * (1 - pb)) / t.visitorsB);
  return { z, pValue: S.twoProportionZTest(t).pValue };
};
const wrong: Record<string, [ExperimentStats, string[]]> = {
  "unpooled standard error": [{ ...S, twoProportionZTest: unpooled }, ["hidden 5", "hidden 6"]],
  "one-sided p-value": [{ ...S, twoProportionZTest: (t) => ({ ...S.twoProportionZTest(t), pValue: S.twoProportionZTest(t).pValue / 2 }) }, ["hidden 5", "hidden 6"]],
  "one-sided z quantile in the sample size": [{ ...S, sampleSizePerArm: (s) => S.sampleSizePerArm({ ...s, alpha: 2 * s.alpha }) }, ["hidden 7", "hidden 8"]],
  "mde read as relative": [{ ...S, sampleSizePerArm: (s) => S.sampleSizePerArm({ ...s, mde: s.mde * s.baseline }) }, ["hidden 7", "hidden 8"]],
  "canary on point estimates": [{ ...S, canaryDecision: (gs) => S.canaryDecision(gs.map((g) => ({ ...g, lower: g.delta, upper: g.delta }))) }, ["hidden 9"]],
  "canary ignores the metric's direction": [{ ...S, canaryDecision: (gs) => S.canaryDecision(gs.map((g) => ({ ...g, higherIsBetter: false }))) }, ["hidden 10"]],
};

test("08: the reference experiment statistics pass every hidden case", async () => {
  assert.equal(await failing(S), []);
});

for (const [name, [impl, want]] of Object.entries(wrong)) {
  test(`08 rejects: ${name}`, async () => {
    assert.equal(await failing(impl), want);
  });
}

test.run();
