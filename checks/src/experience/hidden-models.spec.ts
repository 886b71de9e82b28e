/** Hidden cases of drills 06 and 07 (drill 05's live in its folder) from the sample file: references pass, known-wrong answers fail the named case. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { useBackend } from "@drills/lib";
import { evaluate, type Drill } from "../drill";
import { mlpDrill } from "../drills/mlp";
import { knownWrong } from "../drills/mlp-known-wrong";
import { reference as mlpReference } from "../drills/mlp-wrong";
import { transformerDrill } from "../drills/transformer";
import { makeBlock } from "../drills/transformer-reference";
import { caseText } from "../render";
import { hiddenCases } from "./hidden";
import "./hidden-mlp";
import "./hidden-transformer";
import { failingHidden, SAMPLE_ENV } from "./hidden-testing";

test.before(async () => {
  await useBackend();
});

/** The hidden cases that do not pass; every message is checked to show "(hidden case)" and no input. */
const failing = <I>(drill: Drill<I>, impl: I, secrets: RegExp) => failingHidden(drill, impl, secrets);

// The sample's sizes may show (shape errors say them), values never: drill 06/07 inputs are seeded draws, so a
// leak would show as a dump of numbers; a failure line lists at most a count and one max error.
const DUMP = /(-?\d+\.\d+, ){3}/;

test("06: the reference MLP passes every hidden case", async () => {
  assert.equal(await failing(mlpDrill, mlpReference, DUMP), []);
});

// With inDim 1 (hidden 2) a [hidden, 1] weight read as [1, hidden] holds the same values: only hidden 1 tells.
const mlpWrong: [string, string[]][] = [["ReLU missing", ["hidden 1", "hidden 2"]], ["weights reshaped to [in, out] instead of transposed", ["hidden 1"]], ["dropout active in eval", ["hidden 1", "hidden 2"]]];
for (const [name, want] of mlpWrong) {
  test(`06 rejects: ${name}`, async () => {
    assert.equal(await failing(mlpDrill, knownWrong[name][0], DUMP), want);
  });
}

test("07: the reference block passes every hidden case", async () => {
  assert.equal(await failing(transformerDrill, makeBlock(), DUMP), []);
});

const blockWrong: Record<string, [Parameters<typeof makeBlock>[0], string[]]> = {
  "post-norm": [{ norm: "post" }, ["hidden 1", "hidden 2"]],
  "LayerNorm eps 1e-3": [{ eps: 1e-3 }, ["hidden 1", "hidden 2"]],
  "strided heads": [{ heads: "strided" }, ["hidden 1", "hidden 2"]],
  "mask ignored": [{ ignoresMask: true }, ["hidden 2"]],
  "dropout in eval mode": [{ dropoutInEval: true }, ["hidden 1", "hidden 2"]],
};

for (const [name, [flaws, want]] of Object.entries(blockWrong)) {
  test(`07 rejects: ${name}`, async () => {
    assert.equal(await failing(transformerDrill, makeBlock(flaws), DUMP), want);
  });
}

test("a failure names the known mistake, not the input", async () => {
  const report = await evaluate({ ...transformerDrill, cases: [] }, makeBlock({ norm: "post" }), hiddenCases(transformerDrill, SAMPLE_ENV));
  assert.match(caseText(report.results[0]), /values off, max \|error\|[\s\S]*post-norm/);
});

test.run();
