/** The zscore checks pass the reference and reject each known-wrong answer with the expected message. */
import { test } from "uvu";
import * as tf from "@tensorflow/tfjs-core";
import { useBackend, todo, ValueError } from "@drills/lib";
import { zscoreCheck as zscoreDrill } from "./checks";
import type { Zscore } from "./calls";
import { referenceAnswer, validateZscoreInput } from "./test/answers";
import { expectPass, expectRejects, expectTodo } from "../../testing";

const validate = validateZscoreInput;
const reference = referenceAnswer;

test.before(async () => {
  await useBackend();
});

test("reference passes every case", async () => {
  await expectPass(zscoreDrill, reference);
});

test("a stub is todo, not a failure", async () => {
  await expectTodo(zscoreDrill, () => {
    throw todo();
  });
});

const wrong: Record<string, [Zscore, string, RegExp]> = {
  "sample std (ddof 1)": [
    (x) => {
      validate(x);
      return tf.tidy(() => {
        const m = tf.mean(x);
        const s = tf.sqrt(tf.div(tf.sum(tf.square(tf.sub(x, m))), x.size - 1));
        return tf.where(tf.equal(s, 0), tf.zerosLike(x), tf.div(tf.sub(x, m), s)) as tf.Tensor1D;
      });
    },
    "small",
    /sample std, ddof 1/,
  ],
  "no zero-std guard": [
    (x) => {
      validate(x);
      return tf.tidy(() => {
        const { mean, variance } = tf.moments(x);
        return tf.div(tf.sub(x, mean), tf.sqrt(variance)) as tf.Tensor1D;
      });
    },
    "constant",
    /Actual: +\[0\] = NaN[\s\S]*0 \/ 0/,
  ],
  "one-pass variance": [
    (x) => {
      validate(x);
      return tf.tidy(() => {
        const m = tf.mean(x);
        const v = tf.sub(tf.mean(tf.square(x)), tf.square(m));
        const s = tf.sqrt(tf.relu(v));
        return tf.where(tf.equal(s, 0), tf.zerosLike(x), tf.div(tf.sub(x, m), s)) as tf.Tensor1D;
      });
    },
    "two-pass",
    /output std should be 1[\s\S]*Hint: subtract the mean first/,
  ],
  "per-element JS loop": [
    (x) => {
      validate(x);
      const v = Array.from(x.dataSync());
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
      return tf.tensor1d(v.map((e) => (std === 0 ? 0 : (e - mean) / std)));
    },
    "tensor-ops-only",
    /dataSync\(\) ×1/,
  ],
  "leaks intermediates (no tf.tidy)": [
    (x) => {
      validate(x);
      const { mean, variance } = tf.moments(x);
      const std = tf.sqrt(variance);
      return tf.where(tf.equal(std, 0), tf.zerosLike(x), tf.div(tf.sub(x, mean), std)) as tf.Tensor1D;
    },
    "hygiene",
    /tensor\(s\) leaked/,
  ],
  "disposes its input": [
    (x) => {
      const y = reference(x);
      x.dispose();
      return y;
    },
    "hygiene",
    /x was disposed/,
  ],
  "no validation": [
    (x) =>
      tf.tidy(() => {
        const { mean, variance } = tf.moments(x);
        const std = tf.sqrt(variance);
        return tf.where(tf.equal(std, 0), tf.zerosLike(x), tf.div(tf.sub(x, mean), std)) as tf.Tensor1D;
      }),
    "rejects-2d",
    /throws ValueError/,
  ],
  "guards std == 0 exactly (float32 leaves 7e-9 on seven 0.1s)": [
    (x) => {
      validate(x);
      return tf.tidy(() => {
        const { mean, variance } = tf.moments(x);
        const std = tf.sqrt(variance);
        return tf.where(tf.equal(std, 0), tf.zerosLike(x), tf.div(tf.sub(x, mean), std)) as tf.Tensor1D;
      });
    },
    "constant",
    /x = 0\.1 repeated[\s\S]*tiny non-zero/,
  ],
  "validates rank only (an empty tensor passes)": [
    (x) => {
      if (x.rank !== 1) throw new ValueError(`x: expected a 1-D tensor`);
      return reference(tf.tensor1d(x.size ? Array.from(x.dataSync()) : [0]));
    },
    "rejects-empty",
    /an empty input should be rejected/,
  ],
};

for (const [name, [impl, caseName, message]] of Object.entries(wrong)) {
  test(`rejects: ${name}`, async () => {
    await expectRejects(zscoreDrill, impl, caseName, message);
  });
}

test.run();
