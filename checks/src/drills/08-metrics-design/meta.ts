/** Drill 08's facts: the registry's entry (no library behind it). */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "08-metrics-design",
  title: "Offline vs online metrics",
  level: "Expert",
  minutes: 20,
  parts: [
    {
      id: "answer",
      title: "Written answer",
      check: "checkMetricsAnswer",
      entry: "answer",
      graded: false,
      hints: [
        "Written part, three layers: offline (a ranking metric with a position discount, calibration, coverage or diversity, and why offline can disagree with online), online (one primary metric and its guardrails, and a check for sample-ratio mismatch), rollout (stages, rollback criteria).",
        "precision@k divides by k, recall@k by the number of relevant items, NDCG by the DCG of the ideal ordering of the same gains. Ties: a tied group shares the positions it spans, so sort by score and work group by group rather than item by item.",
        "The z-test's standard error uses the pooled rate under the null hypothesis, and the p-value is two-sided. The canary rule compares each guardrail's whole interval with its allowed regression: entirely beyond it is a rollback, entirely within it for every guardrail is a promote, anything else is a hold.",
      ],
    },
    {
      id: "ranking",
      title: "Ranking metrics",
      check: "checkRankingMetrics",
      entry: "{ precisionAtK: precisionAtK, recallAtK: recallAtK, ndcgAtK: ndcgAtK, averagePrecision: averagePrecision }",
      hints: [],
    },
    {
      id: "experiment",
      title: "A/B test and canary",
      check: "checkExperimentStats",
      entry: "{ twoProportionZTest: twoProportionZTest, sampleSizePerArm: sampleSizePerArm, canaryDecision: canaryDecision }",
      hints: [],
    },
  ],
};
