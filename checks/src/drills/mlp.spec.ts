/** The MLP checks pass two correct answers and reject each known-wrong answer with the expected message. */
import { test } from "uvu";
import * as tf from "@tensorflow/tfjs";
import { todo, useBackend } from "@drills/lib";
import { mlpDrill } from "./mlp";
import { knownWrong } from "./mlp-known-wrong";
import type { Mlp } from "./mlp-types";
import { kerasLayout, reference } from "./mlp-wrong";
import { expectPass, expectRejects, expectTodo } from "../testing";

test.before(async () => {
  await useBackend();
});

test("reference passes every case, leaving no tensors or variables behind", async () => {
  const before = tf.memory().numTensors;
  await expectPass(mlpDrill, reference);
  // Each case runs in a session (mlp-harness) that frees its tensors and variables: a passing run leaves nothing.
  const left = tf.memory().numTensors - before;
  if (left !== 0) throw new Error(`the checks left ${left} tensors behind`);
});

test("a Keras-layout answer (kernels [in, out], transposed on load) passes too", async () => {
  await expectPass(mlpDrill, kerasLayout);
});

test("a stub is todo, not a failure", async () => {
  const stub = (): never => {
    throw todo();
  };
  await expectTodo(mlpDrill, {
    MLP: class {
      constructor() {
        stub();
      }
    } as unknown as Mlp["MLP"],
    setSeed: stub,
    makeLoader: stub,
    trainEpoch: stub,
    evaluate: stub,
    bceWithLogits: stub,
  });
});

for (const [name, [impl, caseName, message]] of Object.entries(knownWrong)) {
  test(`rejects: ${name}`, async () => {
    await expectRejects(mlpDrill, impl, caseName, message);
  });
}

test.run();
