/**
 * Drill 08's facts: the registry's entry (no library behind it). The core is the written answer plus the canary rule
 * (the hands-on piece of the rollout it designs); ranking metrics and the A/B test are stretch parts. The written
 * answer's keyword rubric is a self-check: `graded: false`, never scored. Hints are per part, so a candidate stuck on
 * one part never spends another's.
 */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "08-metrics-design",
  title: "Offline vs online metrics",
  level: "Expert",
  minutes: 20,
  parts: [
    {
      id: "answer",
      title: "Written answer (keyword self-check, not scored)",
      check: "checkMetricsAnswer",
      entry: "answer",
      graded: false,
      hints: [
        "Three layers: offline (a ranking metric with a position discount, calibration, coverage or diversity, on a time-based split), online (one primary metric decided by the A/B test, guardrails with numeric limits, a sample-ratio check), rollout (stages, bake time, automated rollback).",
        "Give numbers an on-call engineer could act on: e.g. p99 latency +5 ms, error rate +0.05 pp, each stage held long enough to cover a daily cycle, rollback within minutes by a flag flip. Say why a 1% canary can only see operational harm, not a 0.5% conversion lift.",
        "What goes wrong in the readout: novelty effects, peeking, segments and platforms that move in opposite directions, interference between users (marketplaces, shared inventory) and a model that trains on the traffic it shaped (feedback loops).",
      ],
      why: 'The self-check only found the words. Compare with the model answer (solution("08-metrics-design", "answer")): does yours give thresholds, bake times and a rollback path someone could run at 3 a.m.?',
    },
    {
      id: "canary",
      title: "The canary rule",
      check: "checkCanaryDecision",
      entry: "canaryDecision",
      hints: [
        "Work in 'harm' units, larger = worse: harm = −delta when higher is better (conversion), +delta when lower is better (latency, errors). The interval [lower, upper] becomes [−upper, −lower] or stays [lower, upper].",
        "Three answers, checked in this order: rollback if some guardrail's whole harm interval lies beyond its maxRegression (strictly: harm low end > maxRegression); promote if every harm interval lies within it (high end ≤ maxRegression); otherwise hold.",
        "Validate first: a non-empty list, finite delta/lower/upper with lower ≤ delta ≤ upper, and maxRegression ≥ 0; throw ValueError naming the field.",
      ],
      why: "A canary sees little traffic, so its intervals are wide: deciding on the interval, not the point estimate, is what keeps a lucky 1% from promoting a regression — and 'hold' is the honest answer while the interval still straddles the limit.",
    },
    {
      id: "ranking",
      title: "Ranking metrics",
      check: "checkRankingMetrics",
      entry:
        "{ precisionAtK: precisionAtK, recallAtK: recallAtK, ndcgAtK: ndcgAtK, averagePrecision: averagePrecision }",
      stretch: "★★",
      hints: [
        "precision@k divides the relevant items in the top k by k; recall@k by the number of relevant items in the whole list.",
        "NDCG: DCG@k = Σ rel / log2(position + 1) with the relevance itself as the gain (scikit-learn's convention, not 2^rel − 1), divided by the DCG@k of the ideal ordering; 0 when nothing is relevant.",
        "Ties: sort indices by score, walk group by group; a tied group spanning positions [start, end) contributes its mean gain at each of those positions below k. AP takes one step per distinct score.",
      ],
      why: "Averaging over tied groups makes the metrics independent of input order — the expected value over random tie-breaks, as scikit-learn does — so an evaluation cannot improve by shuffling its input.",
    },
    {
      id: "experiment",
      title: "The A/B test: z-test and sample size",
      check: "checkExperimentStats",
      entry: "{ twoProportionZTest: twoProportionZTest, sampleSizePerArm: sampleSizePerArm }",
      stretch: "★★",
      hints: [
        "The z-test assumes H0: both arms share one rate. Estimate it by pooling both arms, p = (cA + cB) / (nA + nB); SE = √(p(1 − p)(1/nA + 1/nB)); z = (p̂B − p̂A) / SE.",
        "The p-value is two-sided: 2·(1 − Φ(|z|)), with Φ given in the setup cell.",
        "Sample size: n = ((z_{1−α/2}·√(2p̄(1−p̄)) + z_{power}·√(p₁(1−p₁) + p₂(1−p₂))) / mde)², p₂ = p₁ + mde (absolute), p̄ the mean rate; round up.",
      ],
      why: "Pooling is right under the null hypothesis the test assumes; the unpooled standard error belongs to a confidence interval for the difference.",
    },
  ],
};
