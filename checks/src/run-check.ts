/**
 * What a notebook's check cell does: run a part's check with both halves in this kernel, show the report, and say
 * why the answer is right when every case passes. Hidden cases never run here: they exist only in the grader.
 */
import { evaluate, type Check } from "./drill";
import { present } from "./present";
import { findPart } from "./registry";
import { attach } from "./experience/recorder";

/** Starts the time box and the progress log (once per kernel), from the first drill entry a notebook imports. */
export const attachOnce = attach;

export async function runCheck<I>(check: Check<I>, impl: I): Promise<void> {
  const report = await evaluate(check, impl);
  const why = findPart(check.id, check.part ?? "")?.why;
  present(report.status === "pass" && why ? { ...report, why } : report);
}
