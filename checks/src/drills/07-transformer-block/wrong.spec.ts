/**
 * Drill 07's checks against known-wrong answers: each slip fails its case with a message naming the detected cause,
 * every failing case of a one-slip answer names that same slip, and hostile answers are reported, never crash.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as tf from "@tensorflow/tfjs-core";
import { useBackend } from "@drills/lib";
import { evaluate } from "../../drill";
import { caseText } from "../../render";
import { blockCheck, depthCheck, masksCheck, weightsCheck } from "./checks";
import { compareNormPlacement, makeBlock, type Flaws } from "./test/answers";
import type { CompareNormPlacement, TransformerBlockClass } from "./types";
import { expectRejects } from "../../testing";

test.before(async () => {
  await useBackend();
});

/** [flaws, case id, message]: the message must name the cause, and no hint may contradict it. */
const EVAL = "eval-parity";
const wrong: Record<string, [Flaws, string, RegExp]> = {
  "post-norm": [
    { norm: "post" },
    "pre-norm",
    /matches post-norm[\s\S]*Hint: in pre-norm, LayerNorm sees the sublayer's input/,
  ],
  "post-norm (parity note and hint)": [
    { norm: "post" },
    EVAL,
    /matches post-norm[\s\S]*Hint: in pre-norm, LayerNorm sees/,
  ],
  "post-norm (dropout-residual names post-norm, not dropout)": [
    { norm: "post" },
    "dropout-residual",
    /in eval mode, out − x should stay O\(1\)[\s\S]*post-norm[\s\S]*Hint: in pre-norm, LayerNorm sees/,
  ],
  "post-norm (gradients name the forward's cause, not dataSync)": [
    { norm: "post" },
    "gradients",
    /before its gradients can[\s\S]*matches post-norm[\s\S]*Hint: in pre-norm/,
  ],
  "LayerNorm epsilon 1e-3": [{ eps: 1e-3 }, "eps", /epsilon 1e-3[\s\S]*Hint: nn.LayerNorm's epsilon is 1e-5/],
  "tanh GELU": [{ gelu: "tanh" }, EVAL, /tanh approximation of GELU[\s\S]*Hint: nn.GELU\(\) defaults to the exact/],
  "tanh GELU (random shapes)": [
    { gelu: "tanh" },
    "random-shapes",
    /smallest of \d+ failing[\s\S]*tanh approximation[\s\S]*Hint: nn.GELU/,
  ],
  "no 1/√d scaling": [{ scale: "none" }, EVAL, /unscaled scores[\s\S]*Hint: PyTorch rescales/],
  "1/√dModel instead of 1/√(head dim)": [{ scale: "model" }, EVAL, /1\/√dModel[\s\S]*Hint: each head's dot product/],
  "heads split on the wrong axis": [{ heads: "strided" }, EVAL, /strided features[\s\S]*Hint: check which axis/],
  "in_proj split as k, q, v": [{ qkv: [1, 0, 2] }, EVAL, /split as k, q, v/],
  "missing residual": [{ residual: false }, EVAL, /without the residual[\s\S]*Hint: each sublayer's/],
  "missing residual (pre-norm case names it, not post-norm)": [
    { residual: false },
    "pre-norm",
    /without the residual[\s\S]*Hint: each sublayer's/,
  ],
  "missing residual (dropout-residual names it, not dropout)": [
    { residual: false },
    "dropout-residual",
    /in eval mode[\s\S]*without the residual[\s\S]*Hint: each sublayer's/,
  ],
  "dropout active in eval (parity)": [
    { dropoutInEval: true },
    EVAL,
    /dropout is active in eval mode[\s\S]*Hint: training defaults to false/,
  ],
  "dropout active in eval": [
    { dropoutInEval: true },
    "dropout",
    /two eval-mode calls should give identical outputs[\s\S]*Hint: training defaults to false/,
  ],
  "no dropout in training": [
    { noTrainingDropout: true },
    "dropout",
    /training mode with pDrop 0.5 should change the output[\s\S]*Hint: forward\(x, true\) should apply dropout/,
  ],
  "leaks tensors": [{ leaks: true }, "hygiene", /tensor\(s\) leaked/],
  "no validation": [{ noValidation: true }, "rejects-x", /throws ValueError/],
  "namedParameters() returns copies": [
    { copiesParameters: true },
    "gradients",
    /no gradient reaches any of them[\s\S]*Hint: compute with this.linear/,
  ],
  "mask ignored": [{ ignoresMask: true }, "causal", /the mask was ignored[\s\S]*Hint: build the blocked/],
  "keyPaddingMask read as true = keep (Keras)": [{ paddingKeeps: true }, "padding", /NaN appears/],
  "attention weights scaled by 1/√dModel": [
    { scale: "model" },
    "weights",
    /1\/√dModel[\s\S]*Hint: each head's dot product/,
  ],
};

const CHECKS = { masks: ["causal", "padding"], weights: ["weights", "weights-random"] };
const checkFor = (id: string) =>
  CHECKS.masks.includes(id) ? masksCheck : CHECKS.weights.includes(id) ? weightsCheck : blockCheck;

for (const [name, [flaws, id, message]] of Object.entries(wrong)) {
  test(`rejects: ${name}`, async () => {
    await expectRejects(checkFor(id), makeBlock(flaws), id, message);
  });
}

test("a dropout on the residual stream itself fails dropout-residual, naming it", async () => {
  const Base = makeBlock();
  const DropsStream = class extends Base {
    override forward(x: tf.Tensor3D, training = false) {
      return tf.tidy(() =>
        training ? tf.dropout(super.forward(x, true), 0.5) : super.forward(x, false),
      ) as tf.Tensor3D;
    }
  };
  await expectRejects(blockCheck, DropsStream, "dropout-residual", /dropout is applied to the residual stream/);
});

/** One cause per failure: every failing case, in every part, of an answer with one slip gives that slip's hint. */
const ONE_CAUSE: [string, Flaws, RegExp][] = [
  ["post-norm", { norm: "post" }, /post-norm[\s\S]*Hint: in pre-norm, LayerNorm sees the sublayer's input/],
  ["tanh GELU", { gelu: "tanh" }, /tanh approximation of GELU[\s\S]*Hint: nn.GELU\(\) defaults to the exact/],
  ["LayerNorm eps 1e-3", { eps: 1e-3 }, /epsilon 1e-3[\s\S]*Hint: nn.LayerNorm's epsilon is 1e-5/],
  ["unscaled scores", { scale: "none" }, /unscaled scores[\s\S]*Hint: PyTorch rescales the scores/],
  ["strided heads", { heads: "strided" }, /strided features[\s\S]*Hint: check which axis/],
  ["no residual", { residual: false }, /without the residual[\s\S]*Hint: each sublayer's/],
  ["dropout in eval", { dropoutInEval: true }, /dropout is active in eval mode[\s\S]*Hint: training defaults to false/],
];

for (const [name, flaws, cause] of ONE_CAUSE) {
  test(`one cause per failure: ${name} is named by every failing case, never dataSync or another slip`, async () => {
    let failed = 0;
    for (const check of [blockCheck, masksCheck, weightsCheck]) {
      const report = await evaluate(check, makeBlock(flaws));
      for (const r of report.results.filter((x) => x.status === "fail")) {
        failed++;
        assert.match(caseText(r), cause, caseText(r));
        assert.not.match(caseText(r), /dataSync/, caseText(r));
      }
    }
    assert.ok(failed >= 3, `${name}: only ${failed} failures`);
  });
}

/** Answers that misbehave in ways no honest slip would: each is reported as a failure, never as a crash. */
const Base = makeBlock();
const hostile: Record<string, [TransformerBlockClass, string, RegExp]> = {
  "forward returns NaN": [
    class extends Base {
      override forward(x: tf.Tensor3D) {
        return tf.fill(x.shape, NaN) as tf.Tensor3D;
      }
    },
    EVAL,
    /\[0\] = NaN[\s\S]*NaN appears/,
  ],
  "forward drops the batch axis": [
    class extends Base {
      override forward(x: tf.Tensor3D, training = false) {
        return tf.tidy(() =>
          tf.squeeze(tf.slice(super.forward(x, training), [0, 0, 0], [1, -1, -1]), [0]),
        ) as unknown as tf.Tensor3D;
      }
    },
    EVAL,
    /should return shape \[2, 5, 16\]/,
  ],
  "forward returns an array": [
    class extends Base {
      override forward(x: tf.Tensor3D) {
        return x.arraySync() as unknown as tf.Tensor3D;
      }
    },
    EVAL,
    /should return a tf\.Tensor/,
  ],
  "forward throws": [
    class extends Base {
      override forward(): tf.Tensor3D {
        throw new TypeError("cannot read properties of undefined");
      }
    },
    EVAL,
    /threw TypeError: cannot read properties/,
  ],
  "training defaults to true": [
    class extends Base {
      override forward(x: tf.Tensor3D, training = true, mask = {}) {
        return super.forward(x, training, mask);
      }
    },
    EVAL,
    /dropout is active in eval mode/,
  ],
  "forward returns x itself (no weights used)": [
    class extends Base {
      override forward(x: tf.Tensor3D) {
        return x;
      }
    },
    EVAL,
    /output should match PyTorch's[\s\S]*Hint: compare each stage/,
  ],
  "forward disposes x": [
    class extends Base {
      override forward(x: tf.Tensor3D, training = false) {
        const y = super.forward(x, training);
        x.dispose();
        return y;
      }
    },
    "hygiene",
    /x was disposed/,
  ],
};

for (const [name, [Block, id, message]] of Object.entries(hostile)) {
  test(`reports, never crashes: ${name}`, async () => {
    await expectRejects(blockCheck, Block, id, message);
  });
}

const depthWrong: Record<string, [CompareNormPlacement, string, RegExp]> = {
  "post-norm is really pre-norm": [
    compareNormPlacement(makeBlock(), makeBlock()),
    "streams",
    /post-norm's stream std should be 1/,
  ],
  "placements swapped": [
    compareNormPlacement(makeBlock({ norm: "post" }), makeBlock()),
    "streams",
    /post-norm's stream std should be 1/,
  ],
  "gradients listed top-down": [
    (d, g) => {
      const rows = compareNormPlacement()(d, g);
      return rows.map((r) => ({
        ...r,
        gradNorm: rows.find((q) => q.placement === r.placement && q.layer === d + 1 - r.layer)!.gradNorm,
      }));
    },
    "gradient-depth",
    /pre-norm: the gradient at block 1 should be at least/,
  ],
  "rows missing a layer": [
    (d, g) => compareNormPlacement()(d, g).filter((r) => r.layer !== 3),
    "streams",
    /one "post-norm" row per layer/,
  ],
  "returns no array": [
    (() => ({ rows: [] })) as unknown as CompareNormPlacement,
    "streams",
    /should return an array of rows/,
  ],
};

for (const [name, [fn, id, message]] of Object.entries(depthWrong)) {
  test(`norm placement rejects: ${name}`, async () => {
    await expectRejects(depthCheck, fn, id, message);
  });
}

test.run();
