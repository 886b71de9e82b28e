/** Drill 03's hidden cases from the sample file: the model answers pass, known-wrong answers fail the named case. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { useBackend } from "@drills/lib";
import { evaluate, type Check } from "../../drill";
import { caseText } from "../../render";
import { hiddenCasesOf, readHiddenFile } from "../../experience/hidden";
import { matrixCheck, viewsCheck } from "./checks";
import type { SlidingWindows, WindowMatrix } from "./calls";
import { gatherAnswer, validateK, viewsAnswer } from "./test/answers";

const file = readHiddenFile(path.resolve(__dirname, "../../../../grading/hidden.sample.json"), "03-sliding-windows");

async function hiddenOnly<I>(check: Check<I>, impl: I) {
  const report = await evaluate({ ...check, cases: [] }, impl, hiddenCasesOf(check.id, check.part!, file));
  return Object.fromEntries(report.results.map((r) => [r.name.split(":")[0], r]));
}
const failing = (r: Record<string, { status: string }>) =>
  Object.entries(r)
    .filter(([, x]) => x.status !== "pass")
    .map(([k]) => k);

test.before(async () => {
  await useBackend();
});

test("the gather answer passes every hidden matrix case; the views answer every hidden views case", async () => {
  const m = await hiddenOnly(matrixCheck, gatherAnswer);
  assert.equal(Object.keys(m), ["hidden 1", "hidden 2", "hidden 3", "hidden 4", "hidden 5"]);
  for (const x of Object.values(m)) assert.is(x.status, "pass", caseText(x));
  const v = await hiddenOnly(viewsCheck, viewsAnswer);
  assert.equal(Object.keys(v), ["hidden 6"]);
  for (const x of Object.values(v)) assert.is(x.status, "pass", caseText(x));
  assert.ok(v["hidden 6"].inKernel, "views are measured in the kernel and say so");
});

const matrixWrong: Record<string, [WindowMatrix, string[]]> = {
  "one window short": [
    (x, k) => (validateK(x.size, k), tf.tidy(() => tf.slice(gatherAnswer(x, k), 0, x.size - k)) as tf.Tensor2D),
    ["hidden 1", "hidden 2", "hidden 3"],
  ],
  "no validation of k": [
    (x, k) => gatherAnswer(x, Math.min(x.size, Math.max(1, Math.floor(k)))),
    ["hidden 4", "hidden 5"],
  ],
};
for (const [name, [impl, cases]] of Object.entries(matrixWrong)) {
  test(`matrix rejects: ${name}, without showing x`, async () => {
    const r = await hiddenOnly(matrixCheck, impl);
    assert.equal(failing(r), cases, Object.values(r).map(caseText).join("\n"));
    for (const x of Object.values(r)) assert.not.match(caseText(x), /0\.5, -1|3\.25/);
  });
}

const viewsWrong: Record<string, [SlidingWindows, string[]]> = {
  "copies (slice)": [
    (x, k) => (validateK(x.length, k), Array.from({ length: x.length - k + 1 }, (_, i) => x.slice(i, i + k))),
    ["hidden 6"],
  ],
  "ignores x.byteOffset": [
    (x, k) => (
      validateK(x.length, k),
      Array.from({ length: x.length - k + 1 }, (_, i) => new Float64Array(x.buffer, 8 * i, k))
    ),
    ["hidden 6"],
  ],
};
for (const [name, [impl, cases]] of Object.entries(viewsWrong)) {
  test(`views rejects: ${name}`, async () => {
    const r = await hiddenOnly(viewsCheck, impl);
    assert.equal(failing(r), cases, Object.values(r).map(caseText).join("\n"));
  });
}

test.run();
