/**
 * `@drills/checks/08-metrics-design`: what drill 08's notebook imports — its checks, hints and solution reveal — and
 * nothing of the other drills.
 */
import { attachOnce, runCheck } from "../../run-check";
import { canaryCheck, experimentCheck, metricsAnswerCheck, rankingCheck } from "./checks";
import type { CanaryDecision, ExperimentStats, RankingMetrics } from "./calls";
import type { WrittenAnswer } from "../rubric/calls";

export type {
  RankingMetrics,
  AtK,
  ExperimentStats,
  TwoProportionZTest,
  SampleSizePerArm,
  Guardrail,
  CanaryVerdict,
  CanaryDecision,
} from "./calls";
export type { WrittenAnswer } from "../rubric/calls";
export { hint, solution } from "../../experience/reveal";

attachOnce();

/** The written answer's keyword self-check: a self-assessment aid, never scored. */
export const checkMetricsAnswer = (answer: WrittenAnswer): Promise<void> => runCheck(metricsAnswerCheck, answer);
export const checkCanaryDecision = (canaryDecision: CanaryDecision): Promise<void> =>
  runCheck(canaryCheck, canaryDecision);
export const checkRankingMetrics = (impl: RankingMetrics): Promise<void> => runCheck(rankingCheck, impl);
/** The A/B test (z-test and sample size); a canaryDecision passed here too is accepted and checked by its own part. */
export const checkExperimentStats = (impl: ExperimentStats): Promise<void> => runCheck(experimentCheck, impl);
