/**
 * Drill 09 — feature store consistency. One check per part: the written proposal's keyword self-check (graded:
 * false, never scored), the point-in-time join (the core's hands-on part), and two stretch parts: drift statistics
 * and schema validation.
 *
 * Points: every public case weighs 1. In-kernel cases: only drift's "inputs-unchanged" (1 of 8 drift points; none in
 * the core) — everything else is judged here on the rows, numbers and violations the kernel returned.
 */
import type { Check } from "../../drill";
import type { Calls } from "../../outcome";
import { rubricCases, SELF_ASSESSMENT } from "../rubric/cases";
import { judgingRuns } from "../ran";
import type { WrittenAnswer } from "../rubric/calls";
import { calls as kernelCalls, type DriftStats, type PointInTimeJoin, type ValidateSchema } from "./calls";
import { driftCases } from "./cases-drift";
import { joinCases } from "./cases-join";
import { schemaCases } from "./cases-schema";
import { hidden } from "./hidden";
import { featureStoreRubric } from "./rubric";

const ID = "09-feature-store";
/** One kernel-side object for every part (the grader loads it by drill); each part calls its own entries. */
const calls = kernelCalls as Calls;

export const featureStoreAnswerCheck: Check<WrittenAnswer> = {
  id: ID,
  part: "answer",
  title: `Feature store: written proposal (${SELF_ASSESSMENT})`,
  calls,
  cases: rubricCases(featureStoreRubric),
};
export const joinCheck: Check<PointInTimeJoin> = {
  id: ID,
  part: "join",
  title: "Feature store: point-in-time join",
  calls,
  cases: judgingRuns(joinCases),
};
export const driftCheck: Check<DriftStats> = {
  id: ID,
  part: "drift",
  title: "Feature store: drift statistics (stretch ★★)",
  calls,
  cases: judgingRuns(driftCases),
};
export const schemaCheck: Check<ValidateSchema> = {
  id: ID,
  part: "schema",
  title: "Feature store: schema validation (stretch ★★)",
  calls,
  cases: judgingRuns(schemaCases),
};

export const checks = { answer: featureStoreAnswerCheck, join: joinCheck, drift: driftCheck, schema: schemaCheck };
export { hidden };
