/** Drill 06's checks pass the model answers and reject each known-wrong answer with the expected message. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as tf from "@tensorflow/tfjs-core";
import { todo, useBackend } from "@drills/lib";
import type { Check } from "../../drill";
import { expectPass, expectRejects, expectTodo } from "../../testing";
import { bceCheck, loaderCheck, mlpCheck } from "./checks";
import { meta } from "./meta";
import { bceWithLogits, loops, makeLoader, MLP, setSeed } from "./test/answers";
import { bceWrong, loaderWrong, loopsWrong } from "./test/wrong";
import type { Mlp } from "./types";

test.before(async () => {
  await useBackend();
});

test("the model answers pass every case, leaving no tensors or variables behind", async () => {
  const before = tf.memory().numTensors;
  await expectPass(mlpCheck, loops);
  await expectPass(loaderCheck, makeLoader);
  await expectPass(bceCheck, bceWithLogits);
  // Each call runs in a session (harness.ts) that frees its tensors and variables: a passing run leaves nothing.
  assert.is(tf.memory().numTensors - before, 0, "tensors left behind by the checks");
});

test("tf.losses.sigmoidCrossEntropy passes the BCE stretch too", async () => {
  await expectPass(bceCheck, (labels, logits) => tf.losses.sigmoidCrossEntropy(labels, logits) as tf.Scalar);
});

test("checkMlp still takes the whole object of the earlier drill, and checks its loops", async () => {
  const whole: Mlp = { ...loops, MLP, setSeed, makeLoader, bceWithLogits };
  await expectPass(mlpCheck, whole);
});

test("stubs are todo, not failures", async () => {
  const stub = (): never => {
    throw todo();
  };
  await expectTodo(mlpCheck, { trainEpoch: stub, evaluate: stub });
  await expectTodo(loaderCheck, stub);
  await expectTodo(bceCheck, stub);
});

test("in-kernel cases are a minority of every part's points, and the meta says which parts are stretch", () => {
  for (const check of [mlpCheck, loaderCheck, bceCheck] as Check[]) {
    const total = check.cases.reduce((s, c) => s + (c.points ?? 1), 0);
    const inKernel = check.cases.filter((c) => c.inKernel).reduce((s, c) => s + (c.points ?? 1), 0);
    assert.ok(inKernel * 2 < total, `${check.part}: ${inKernel} of ${total} points measured inside the kernel`);
  }
  assert.equal(
    meta.parts.map((p) => [p.id, p.stretch]),
    [
      ["mlp", undefined],
      ["loader", "★★★"],
      ["bce", "★★"],
    ],
  );
  assert.is(new Set(mlpCheck.cases.map((c) => c.id)).size, 7, "seven core cases with distinct ids");
});

const catalogue = [
  [mlpCheck, loopsWrong],
  [loaderCheck, loaderWrong],
  [bceCheck, bceWrong],
] as const;

for (const [check, wrong] of catalogue) {
  for (const [name, [impl, caseId, message]] of Object.entries(wrong)) {
    test(`${check.part} rejects: ${name}`, async () => {
      await expectRejects(check as never, impl, caseId, message);
    });
  }
}

test.run();
