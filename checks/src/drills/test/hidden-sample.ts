/** For the hidden specs: run only the sample file's hidden cases of one part, split, and vet how failures read. */
import * as path from "node:path";
import * as assert from "uvu/assert";
import { evaluate, type Check } from "../../drill";
import { caseText } from "../../render";
import { hiddenCasesOf, readHiddenFile } from "../../experience/hidden";

export const SAMPLE_FILE = path.resolve(__dirname, "../../../../grading/hidden.sample.json");

/**
 * The ids ("hidden-3") of the part's hidden cases in the sample (read and validated for the check's drill) that do
 * not pass; each must be a plain failure that never shows `secrets`. `count`: how many cases the sample must hold.
 */
export async function failingSplit<I>(check: Check<I>, impl: I, secrets: RegExp, count?: number): Promise<string[]> {
  const cases = hiddenCasesOf(check.id, check.part!, readHiddenFile(SAMPLE_FILE, check.id));
  if (count === undefined) assert.ok(cases.length > 0, `the sample has hidden cases for ${check.id}/${check.part}`);
  else assert.is(cases.length, count, `the sample's hidden cases for ${check.id}/${check.part}`);
  const report = await evaluate({ ...check, cases: [] }, impl, cases);
  const bad = report.results.filter((r) => r.status !== "pass");
  for (const r of bad) {
    assert.is(r.status, "fail", caseText(r));
    assert.match(caseText(r), /\(hidden case\)/);
    assert.not.match(caseText(r), secrets, "inputs are never shown");
  }
  return bad.map((r) => r.id!);
}
