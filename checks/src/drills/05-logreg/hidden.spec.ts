/**
 * Hidden cases of drill 05 from the sample file, split (built and judged here, only the call runs the answer): the
 * reference passes, known-wrong answers fail the named case, and no failure shows a value of the input.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { useBackend } from "@drills/lib";
import { evaluate } from "../../drill";
import { caseText } from "../../render";
import { hiddenCasesOf, readHiddenFile } from "../../experience/hidden";
import { earlyStopCheck, logregCheck } from "./checks";
import { failingSplit, SAMPLE_FILE } from "../test/hidden-sample";
import { answer, type Slips } from "./test/answers";

const SAMPLE = readHiddenFile(SAMPLE_FILE, "05-logreg");
// Values from the sample's inputs: the logits, weights, lambda and options of drill 05's cases.
const SECRETS = /-88\.5|3\.25|700|0\.3, -1\.2|lambda|"lr"|epochs/;
const failing = (slips: Slips) => failingSplit(logregCheck, answer(slips), SECRETS, 5);

test.before(async () => {
  await useBackend();
});

test("05: the reference answer passes every hidden case, with or without early stopping", async () => {
  assert.equal(await failing({}), []);
  assert.equal(await failing({ earlyStop: false }), []);
});

const wrong: Record<string, [Slips, string[]]> = {
  "σ as e^z / (1 + e^z), which overflows": [{ sigmoid: "exp-ratio" }, ["hidden-1", "hidden-2"]],
  "λ·‖w‖² in the loss": [{ l2Loss: 1 }, ["hidden-3"]],
  "loss from clipped probabilities": [{ lossFrom: "clipped" }, ["hidden-4"]],
  "loss summed, not averaged": [{ sumLoss: true }, ["hidden-3", "hidden-4"]],
  "2λ·w in the gradient": [{ l2Grad: 2 }, ["hidden-5"]],
  "gradient not divided by n": [{ divideByN: false }, ["hidden-5"]],
};

for (const [name, [slips, want]] of Object.entries(wrong)) {
  test(`05 rejects: ${name}`, async () => {
    assert.equal(await failing(slips), want);
  });
}

test("★★ early stop: the reference passes the hidden case; no early stop and a missing λ·w fail it, showing no weights", async () => {
  const cases = hiddenCasesOf("05-logreg", "early-stop", SAMPLE);
  assert.is(cases.length, 1);
  const run = async (slips: Slips) =>
    (await evaluate({ ...earlyStopCheck, cases: [] }, answer(slips), cases)).results[0];
  assert.is((await run({})).status, "pass", caseText(await run({})));
  for (const slips of [{ earlyStop: false }, { l2Grad: 0 }]) {
    const r = await run(slips);
    assert.is(r.status, "fail", caseText(r));
    assert.match(caseText(r), /\(hidden case\)/);
    assert.not.match(caseText(r), /\[-?\d+\.\d+, /, "no weight vector is shown");
  }
});

test.run();
