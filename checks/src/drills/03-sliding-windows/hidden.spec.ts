/** Hidden cases of drills 03 and 04 from the sample file: references pass, known-wrong answers fail the named case. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { ValueError } from "@drills/lib";
import { evaluate, type Drill } from "../../drill";
import { windowsDrill, type SlidingWindows } from "./checks";
import { aucDrill, type Auc } from "../04-binary-auc/checks";
import { bruteForceRoc, trapezoid } from "../04-binary-auc/oracle";
import { caseText, reportText } from "../../render";
import { hiddenCases } from "../../experience/hidden";
import "./hidden";
import "../04-binary-auc/hidden";

const env = { DRILLS_HIDDEN_FILE: path.resolve(__dirname, "../../../../grading/hidden.sample.json") };

async function hiddenOnly<I>(drill: Drill<I>, impl: I) {
  const report = await evaluate({ ...drill, cases: [] }, impl, hiddenCases(drill, env));
  return Object.fromEntries(report.results.map((r) => [r.name.split(":")[0], r]));
}

const checkK = (x: Float64Array, k: number) => {
  if (!Number.isInteger(k) || k < 1 || k > x.length) throw new ValueError(`k: expected an integer in [1, ${x.length}], got ${k}`);
};
const views: SlidingWindows = (x, k) => (checkK(x, k), Array.from({ length: x.length - k + 1 }, (_, i) => x.subarray(i, i + k)));

const windowsWrong: Record<string, [SlidingWindows, string[]]> = {
  "copies (slice)": [(x, k) => (checkK(x, k), Array.from({ length: x.length - k + 1 }, (_, i) => x.slice(i, i + k))), ["hidden 1", "hidden 2", "hidden 3"]],
  "ignores x.byteOffset": [(x, k) => (checkK(x, k), Array.from({ length: x.length - k + 1 }, (_, i) => new Float64Array(x.buffer, 8 * i, k))), ["hidden 2", "hidden 3"]],
  "one window short": [(x, k) => (checkK(x, k), Array.from({ length: x.length - k }, (_, i) => x.subarray(i, i + k))), ["hidden 1", "hidden 2", "hidden 3"]],
  "no validation of k": [(x, k) => Array.from({ length: Math.max(0, x.length - k + 1) }, (_, i) => x.subarray(i, i + k)), ["hidden 4", "hidden 5"]],
};

test("03: views pass every hidden case", async () => {
  const r = await hiddenOnly(windowsDrill, views);
  assert.is(Object.keys(r).length, 5);
  for (const x of Object.values(r)) assert.is(x.status, "pass", caseText(x));
});

for (const [name, [impl, failing]] of Object.entries(windowsWrong)) {
  test(`03 rejects: ${name}`, async () => {
    const r = await hiddenOnly(windowsDrill, impl);
    assert.equal(Object.entries(r).filter(([, x]) => x.status !== "pass").map(([k]) => k), failing, Object.values(r).map(caseText).join("\n"));
  });
}

const validate = (y: ArrayLike<number>, s: ArrayLike<number>) => {
  if (y.length !== s.length || y.length === 0) throw new ValueError("yTrue, yScore: expected equal, non-zero lengths");
  if (Array.from(y).some((v) => v !== 0 && v !== 1)) throw new ValueError("yTrue: labels must be 0 or 1");
  if (new Set(Array.from(y)).size < 2) throw new ValueError("yTrue: both classes needed");
  if (Array.from(s).some((v) => !Number.isFinite(v))) throw new ValueError("yScore: scores must be finite");
};
const auc: Auc = {
  rocCurve: (y, s) => (validate(y, s), bruteForceRoc(y, s)),
  binaryAuc: (y, s) => (validate(y, s), trapezoid(bruteForceRoc(y, s).fpr, bruteForceRoc(y, s).tpr)),
};
/** One point per sample in sort order: ties become a staircase whose area depends on the input order. */
function perSample(y: ArrayLike<number>, s: ArrayLike<number>) {
  const order = Array.from(s, (_, i) => i).sort((a, b) => s[b] - s[a]);
  const pos = Array.from(y).filter((v) => v === 1).length;
  const roc = { fpr: [0], tpr: [0], thresholds: [Infinity] };
  let tp = 0;
  let fp = 0;
  for (const i of order) {
    if (y[i] === 1) tp++;
    else fp++;
    roc.fpr.push(fp / (y.length - pos));
    roc.tpr.push(tp / pos);
    roc.thresholds.push(s[i]);
  }
  return roc;
}
const aucWrong: Record<string, [Auc, string[]]> = {
  "ignores ties": [{ rocCurve: (y, s) => (validate(y, s), perSample(y, s)), binaryAuc: (y, s) => (validate(y, s), trapezoid(perSample(y, s).fpr, perSample(y, s).tpr)) }, ["hidden 1", "hidden 2", "hidden 3"]],
  "no validation": [{ rocCurve: bruteForceRoc, binaryAuc: (y, s) => trapezoid(bruteForceRoc(y, s).fpr, bruteForceRoc(y, s).tpr) }, ["hidden 4", "hidden 5"]],
};

test("04: the brute-force reference passes every hidden case", async () => {
  const r = await hiddenOnly(aucDrill, auc);
  assert.is(Object.keys(r).length, 5);
  for (const x of Object.values(r)) assert.is(x.status, "pass", caseText(x));
});

for (const [name, [impl, failing]] of Object.entries(aucWrong)) {
  test(`04 rejects: ${name}, without showing labels or scores`, async () => {
    const r = await hiddenOnly(aucDrill, impl);
    assert.equal(Object.entries(r).filter(([, x]) => x.status !== "pass").map(([k]) => k), failing, Object.values(r).map(caseText).join("\n"));
    for (const x of Object.values(r)) assert.not.match(caseText(x), /0\.9, 0\.9|yTrue = \[/);
  });
}

test("reports stay readable", async () => {
  const report = await evaluate({ ...aucDrill, cases: [] }, aucWrong["ignores ties"][0], hiddenCases(aucDrill, env));
  assert.match(reportText(report), /✘ hidden 2: rocCurve has one point per distinct score, as the brute-force ROC/);
});

test.run();
