/**
 * Drill 08 — offline vs online metrics. Three checks share the drill id (the runner merges them by case name):
 * the written answer's rubric self-check, the ranking metrics, and the A/B-test + canary statistics.
 */
import type { Drill } from "../drill";
import { evaluate } from "../drill";
import { present } from "../present";
import { hiddenCases } from "../experience/hidden";
import { rubricCases, SELF_ASSESSMENT, type WrittenAnswer } from "./rubric";
import { metricsRubric } from "./metrics-rubric";
import { rankingCases, type RankingMetrics } from "./metrics-ranking";
import { experimentCases, type ExperimentStats } from "./metrics-experiment";

export type { RankingMetrics, AtK } from "./metrics-ranking";
export type { ExperimentStats, TwoProportionZTest, SampleSizePerArm } from "./metrics-experiment";
export type { Guardrail, CanaryVerdict, CanaryDecision } from "./metrics-canary";
export type { WrittenAnswer } from "./rubric";

const ID = "08-metrics-design";

export const metricsAnswerDrill: Drill<WrittenAnswer> = { id: ID, title: `Metrics design: written answer (${SELF_ASSESSMENT})`, cases: rubricCases(metricsRubric) };
export const rankingMetricsDrill: Drill<RankingMetrics> = { id: ID, title: "Metrics design: ranking metrics", cases: rankingCases };
export const experimentStatsDrill: Drill<ExperimentStats> = { id: ID, title: "Metrics design: A/B test and canary", cases: experimentCases };

export const checkMetricsAnswer = async (answer: WrittenAnswer) => present(await evaluate(metricsAnswerDrill, answer, hiddenCases(metricsAnswerDrill)));
export const checkRankingMetrics = async (impl: RankingMetrics) => present(await evaluate(rankingMetricsDrill, impl, hiddenCases(rankingMetricsDrill)));
export const checkExperimentStats = async (impl: ExperimentStats) => present(await evaluate(experimentStatsDrill, impl, hiddenCases(experimentStatsDrill)));
