/** Hidden cases of drill 05 from the sample file (06 and 07 have theirs in their folders): references pass, known-wrong answers fail the named case. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { useBackend } from "@drills/lib";
import type { Drill } from "../drill";
import { logregDrill } from "../drills/logreg";
import { answer } from "../drills/logreg-answers";
import "./hidden-logreg";
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

test.run();
