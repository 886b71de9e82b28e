/** Drill 06's hidden properties from the sample file: the model answer passes, known-wrong loops fail, inputs stay hidden. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { useBackend } from "@drills/lib";
import { evaluate } from "../../drill";
import { hiddenCasesOf, readHiddenFile, validateHidden } from "../../experience/hidden";
import { caseText } from "../../render";
import { mlpCheck } from "./checks";
import { failingSplit, SAMPLE_FILE as SAMPLE } from "../test/hidden-sample";
import { loops } from "./test/answers";
import { loopsWrong } from "./test/wrong";
import type { MlpLoops } from "./types";

// Inputs are seeded draws: a leak would show as a dump of numbers.
const DUMP = /(-?\d+\.\d+, ){3}/;
const failing = (impl: MlpLoops) => failingSplit(mlpCheck, impl, DUMP, 3);

test.before(async () => {
  await useBackend();
});

test("the sample's 06 entries are valid, and the model answer passes every hidden case", async () => {
  assert.equal(validateHidden(readHiddenFile(SAMPLE, "06-mlp"), "06-mlp"), []);
  assert.equal(await failing(loops), []);
});

const want: Record<string, string[]> = {
  "no optimizer step": ["hidden-1", "hidden-2"],
  "average loss not weighted by batch size": ["hidden-1", "hidden-2"],
  "total carried across epochs": ["hidden-1", "hidden-2"],
  "evaluate() with dropout on": ["hidden-3"],
  "accuracy thresholds logits at 0.5": ["hidden-3"],
  "evaluate() steps an optimizer": ["hidden-3"],
};

for (const [name, ids] of Object.entries(want)) {
  test(`hidden cases reject: ${name}`, async () => {
    assert.equal(await failing(loopsWrong[name][0]), ids);
  });
}

test("a malformed spec is the interviewer's error, named by field", async () => {
  const file = {
    version: 1 as const,
    drills: { "06-mlp": [{ property: "train", input: { inDim: 0, hidden: 2, rows: 3 } }] },
  };
  const report = await evaluate({ ...mlpCheck, cases: [] }, loops, hiddenCasesOf("06-mlp", "mlp", file));
  assert.is(report.results[0].status, "error");
  assert.match(caseText(report.results[0]), /input\.inDim: expected an integer ≥ 1/);
});

test.run();
