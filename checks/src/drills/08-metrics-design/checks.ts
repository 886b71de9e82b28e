/**
 * Drill 08 — offline vs online metrics. One check per part: the written answer's keyword self-check (graded: false,
 * never scored), the canary rule (the core's hands-on part), and two stretch parts: ranking metrics and the A/B test.
 *
 * Points: every public case weighs 1. In-kernel cases: only ranking's "inputs-unchanged" (1 of 8 ranking points;
 * none in the core) — everything else is judged here on the values the kernel returned.
 */
import type { Check } from "../../drill";
import type { Calls } from "../../outcome";
import { rubricCases, SELF_ASSESSMENT } from "../rubric/cases";
import { judgingRuns } from "../ran";
import type { WrittenAnswer } from "../rubric/calls";
import { calls as kernelCalls, type CanaryDecision, type ExperimentStats, type RankingMetrics } from "./calls";
import { canaryCases } from "./cases-canary";
import { experimentCases } from "./cases-experiment";
import { rankingCases } from "./cases-ranking";
import { hidden } from "./hidden";
import { metricsRubric } from "./rubric";

const ID = "08-metrics-design";
/** One kernel-side object for every part (the grader loads it by drill); each part calls its own entries. */
const calls = kernelCalls as Calls;

export const metricsAnswerCheck: Check<WrittenAnswer> = {
  id: ID,
  part: "answer",
  title: `Metrics design: written answer (${SELF_ASSESSMENT})`,
  calls,
  cases: rubricCases(metricsRubric),
};
export const canaryCheck: Check<CanaryDecision> = {
  id: ID,
  part: "canary",
  title: "Metrics design: the canary rule",
  calls,
  cases: judgingRuns(canaryCases),
};
export const rankingCheck: Check<RankingMetrics> = {
  id: ID,
  part: "ranking",
  title: "Metrics design: ranking metrics (stretch ★★)",
  calls,
  cases: judgingRuns(rankingCases),
};
export const experimentCheck: Check<ExperimentStats> = {
  id: ID,
  part: "experiment",
  title: "Metrics design: the A/B test (stretch ★★)",
  calls,
  cases: judgingRuns(experimentCases),
};

export const checks = {
  answer: metricsAnswerCheck,
  canary: canaryCheck,
  ranking: rankingCheck,
  experiment: experimentCheck,
};
export { hidden };
