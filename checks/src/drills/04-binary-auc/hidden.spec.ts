/** Drill 04's hidden cases from the sample file: the brute-force answer passes, known-wrong answers fail the named case. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { ValueError } from "@drills/lib";
import { evaluate } from "../../drill";
import { caseText, reportText } from "../../render";
import { hiddenCasesOf, readHiddenFile } from "../../experience/hidden";
import { aucCheck } from "./checks";
import type { Auc } from "./calls";
import { bruteForceRoc, trapezoid } from "./oracle";
import { answer, sweep } from "./test/answers";

const file = readHiddenFile(path.resolve(__dirname, "../../../../grading/hidden.sample.json"), "04-binary-auc");
const hiddenCases = () => hiddenCasesOf("04-binary-auc", "auc", file);

async function hiddenOnly(impl: Auc) {
  const report = await evaluate({ ...aucCheck, cases: [] }, impl, hiddenCases());
  return Object.fromEntries(report.results.map((r) => [r.name.split(":")[0], r]));
}

const validate = (y: ArrayLike<number>, s: ArrayLike<number>) => {
  if (y.length !== s.length || y.length === 0) throw new ValueError("yTrue, yScore: expected equal, non-zero lengths");
  if (Array.from(y).some((v) => v !== 0 && v !== 1)) throw new ValueError("yTrue: labels must be 0 or 1");
  if (new Set(Array.from(y)).size < 2) throw new ValueError("yTrue: both classes needed");
  if (Array.from(s).some((v) => !Number.isFinite(v))) throw new ValueError("yScore: scores must be finite");
};
const bruteForce: Auc = {
  rocCurve: (y, s) => (validate(y, s), bruteForceRoc(y, s)),
  binaryAuc: (y, s) => (validate(y, s), trapezoid(bruteForceRoc(y, s).fpr, bruteForceRoc(y, s).tpr)),
};

test("the brute-force answer passes every hidden case", async () => {
  const r = await hiddenOnly(bruteForce);
  assert.is(Object.keys(r).length, 5);
  for (const x of Object.values(r)) assert.is(x.status, "pass", caseText(x));
});

const aucWrong: Record<string, [Auc, string[]]> = {
  "ignores ties": [
    answer((y, s) => sweep(y, s, { group: false }), "trapezoid", validate),
    ["hidden 1", "hidden 2", "hidden 3"],
  ],
  "no validation": [
    { rocCurve: bruteForceRoc, binaryAuc: (y, s) => trapezoid(bruteForceRoc(y, s).fpr, bruteForceRoc(y, s).tpr) },
    ["hidden 4", "hidden 5"],
  ],
  "rectangle rule": [answer((y, s) => sweep(y, s), "lower", validate), ["hidden 1", "hidden 3"]],
};

for (const [name, [impl, failing]] of Object.entries(aucWrong)) {
  test(`rejects: ${name}, without showing labels or scores`, async () => {
    const r = await hiddenOnly(impl);
    assert.equal(
      Object.entries(r)
        .filter(([, x]) => x.status !== "pass")
        .map(([k]) => k),
      failing,
      Object.values(r).map(caseText).join("\n"),
    );
    for (const x of Object.values(r)) assert.not.match(caseText(x), /0\.9, 0\.9|yTrue = \[/);
  });
}

test("a hidden rectangle-rule failure names its cause", async () => {
  const r = await hiddenOnly(answer((y, s) => sweep(y, s), "lower", validate));
  assert.match(caseText(r["hidden 3"]), /rectangle \(step\) rule/);
});

test("reports stay readable", async () => {
  const report = await evaluate({ ...aucCheck, cases: [] }, aucWrong["ignores ties"][0], hiddenCases());
  assert.match(reportText(report), /✘ hidden 2: rocCurve has one point per distinct score, as the brute-force ROC/);
});

test.run();
