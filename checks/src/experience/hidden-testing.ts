/** For the hidden-case specs: run only the sample file's hidden cases of a drill and vet how failures read. */
import * as path from "node:path";
import * as assert from "uvu/assert";
import { evaluate, type Drill } from "../drill";
import { caseText } from "../render";
import { hiddenCases } from "./hidden";

export const SAMPLE_ENV = { DRILLS_HIDDEN_FILE: path.resolve(__dirname, "../../../grading/hidden.sample.json") };

/**
 * The labels ("hidden 3") of the hidden cases that do not pass. Each of those must be a plain failure that shows
 * "(hidden case)" and matches none of `secrets` (values from the sample's inputs), so a graded report can be shared.
 */
export async function failingHidden<I>(
  drill: Drill<I>,
  impl: I,
  secrets: RegExp,
  expectedCount?: number,
): Promise<string[]> {
  const report = await evaluate({ ...drill, cases: [] }, impl, hiddenCases(drill, SAMPLE_ENV));
  if (expectedCount === undefined)
    assert.ok(report.results.length > 0, `the sample has hidden cases for ${drill.id} (${drill.title})`);
  else assert.is(report.results.length, expectedCount, `hidden cases of ${drill.title} in the sample`);
  const bad = report.results.filter((r) => r.status !== "pass");
  for (const r of bad) {
    assert.is(r.status, "fail", caseText(r));
    assert.match(caseText(r), /\(hidden case\)/);
    assert.not.match(caseText(r), secrets, "inputs are never shown");
  }
  return bad.map((r) => r.name.split(":")[0]);
}
