/** Hidden cases of drills 05 and 06 from the sample file: references pass, known-wrong answers fail the named case. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { useBackend } from "@drills/lib";
import type { Drill } from "../drill";
import { logregDrill } from "../drills/logreg";
import { answer } from "../drills/logreg-answers";
import { mlpDrill } from "../drills/mlp";
import { knownWrong } from "../drills/mlp-known-wrong";
import { reference as mlpReference } from "../drills/mlp-wrong";
import "./hidden-logreg";
import "./hidden-mlp";
import { failingHidden } from "./hidden-testing";

test.before(async () => {
  await useBackend();
});

/** The hidden cases that do not pass; every message is checked to show "(hidden case)" and no input. */
const failing = <I>(drill: Drill<I>, impl: I, secrets: RegExp) => failingHidden(drill, impl, secrets);

// Values from the sample's inputs: the logits, weights, lambda and options of drill 05's cases.
const LOGREG_SECRETS = /-88\.5|3\.25|700|0\.3, -1\.2|lambda|"lr"|epochs/;
const logregWrong: Record<string, [Parameters<typeof answer>[0], string[]]> = {
  "σ as e^z / (1 + e^z), which overflows": [{ sigmoid: "exp-ratio" }, ["hidden 1", "hidden 2"]],
  "λ·‖w‖² in the loss": [{ l2Loss: 1 }, ["hidden 3"]],
  "loss from clipped probabilities": [{ lossFrom: "clipped" }, ["hidden 4"]],
  "loss summed, not averaged": [{ sumLoss: true }, ["hidden 3", "hidden 4"]],
  "2λ·w in the gradient": [{ l2Grad: 2 }, ["hidden 5"]],
  "gradient not divided by n": [{ divideByN: false }, ["hidden 5"]],
};

test("05: the reference answer passes every hidden case", async () => {
  assert.equal(await failing(logregDrill, answer(), LOGREG_SECRETS), []);
});

for (const [name, [slips, want]] of Object.entries(logregWrong)) {
  test(`05 rejects: ${name}`, async () => {
    assert.equal(await failing(logregDrill, answer(slips), LOGREG_SECRETS), want);
  });
}

// The sample's sizes may show (shape errors say them), values never: drill 06 inputs are seeded draws, so a
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

test.run();
