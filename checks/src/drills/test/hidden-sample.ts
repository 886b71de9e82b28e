/** For drills 08/09's hidden specs: run only the sample file's hidden cases of one part, split, and vet how failures read. */
import * as fs from "node:fs";
import * as path from "node:path";
import * as assert from "uvu/assert";
import { evaluate, type Check } from "../../drill";
import { caseText } from "../../render";
import { hiddenCasesOf, type HiddenFile } from "../../experience/hidden";

export const sample = (): HiddenFile =>
  JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../../grading/hidden.sample.json"), "utf8"));

/** The ids ("hidden-3") of the part's hidden cases that do not pass; each a plain failure that never shows `secrets`. */
export async function failingSplit<I>(check: Check<I>, impl: I, secrets: RegExp): Promise<string[]> {
  const cases = hiddenCasesOf(check.id, check.part!, sample());
  assert.ok(cases.length > 0, `the sample has hidden cases for ${check.id}/${check.part}`);
  const report = await evaluate({ ...check, cases: [] }, impl, cases);
  const bad = report.results.filter((r) => r.status !== "pass");
  for (const r of bad) {
    assert.is(r.status, "fail", caseText(r));
    assert.match(caseText(r), /\(hidden case\)/);
    assert.not.match(caseText(r), secrets, "inputs are never shown");
  }
  return bad.map((r) => r.id!);
}
