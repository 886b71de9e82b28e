/** The transformer-block checks: the oracle reproduces PyTorch, the reference passes, each known-wrong answer fails. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as tf from "@tensorflow/tfjs";
import { useBackend, todo } from "@drills/lib";
import { transformerDrill, type TransformerBlockClass } from "./checks";
import { makeBlock, type Flaws } from "./test/answers";
import { fixture } from "./cases-parity";
import { MISTAKES, oracleForward, erf } from "./oracle";
import { flat3, flat4 } from "./calls";
import { expectPass, expectRejects, expectTodo } from "../../testing";

test.before(async () => {
  await useBackend();
});

const maxDiff = (a: number[], b: number[]) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

test("erf matches known values", () => {
  // erf(0.5), erf(1), erf(2), erf(3.5) to 15 digits (Abramowitz & Stegun table 7.1)
  const known: [number, number][] = [[0.5, 0.520499877813047], [1, 0.842700792949715], [2, 0.995322265018953], [3.5, 0.999999256901628]];
  for (const [x, e] of known) assert.ok(Math.abs(erf(x) - e) < 1e-14 && Math.abs(erf(-x) + e) < 1e-14, `erf(${x}) = ${erf(x)}`);
});

test("the float64 oracle reproduces PyTorch's fixture", () => {
  const f = fixture();
  const n = f.config.nHead;
  assert.ok(maxDiff(flat3(oracleForward(f.stateDict, f.x, n).out), flat3(f.out)) < 1e-12);
  const causal = oracleForward(f.stateDict, f.x, n, { causal: true });
  assert.ok(maxDiff(flat3(causal.out), flat3(f.causal.out)) < 1e-12);
  assert.ok(maxDiff(flat4(causal.attention), flat4(f.causal.attention)) < 1e-12);
  const padded = oracleForward(f.stateDict, f.x, n, { keyPaddingMask: f.keyPaddingMask });
  assert.ok(maxDiff(flat3(padded.out), flat3(f.padding.out)) < 1e-12);
});

test("every known mistake moves the fixture output well beyond the tolerance", () => {
  const f = fixture();
  for (const [note, v] of MISTAKES) {
    const d = maxDiff(flat3(oracleForward(f.stateDict, f.x, f.config.nHead, {}, v).out), flat3(f.out));
    assert.ok(d > 1e-4, `${note}: max diff only ${d}`);
  }
});

test("reference passes every case", async () => {
  const before = tf.memory().numTensors;
  await expectPass(transformerDrill, makeBlock());
  assert.is(tf.memory().numTensors, before, "the checks themselves should not leak tensors");
});

test("a stub is todo, not a failure", async () => {
  const Stub = class {
    constructor() {
      throw todo();
    }
  } as unknown as TransformerBlockClass;
  await expectTodo(transformerDrill, Stub);
});

const EVAL = "matches PyTorch in eval mode";
const wrong: Record<string, [Flaws, string, RegExp]> = {
  "post-norm": [{ norm: "post" }, "pre-norm: the residual stream keeps its scale", /this is post-norm/],
  "post-norm (parity note)": [{ norm: "post" }, EVAL, /matches post-norm/],
  "LayerNorm epsilon 1e-3": [{ eps: 1e-3 }, "LayerNorm epsilon is 1e-5 (low-variance input)", /epsilon 1e-3/],
  "tanh GELU": [{ gelu: "tanh" }, EVAL, /tanh approximation of GELU/],
  "no 1/√d scaling": [{ scale: "none" }, EVAL, /unscaled scores/],
  "1/√dModel instead of 1/√(head dim)": [{ scale: "model" }, EVAL, /1\/√dModel/],
  "heads split on the wrong axis": [{ heads: "strided" }, EVAL, /strided features/],
  "in_proj split as k, q, v": [{ qkv: [1, 0, 2] }, EVAL, /split as k, q, v/],
  "missing residual": [{ residual: false }, EVAL, /without the residual/],
  "dropout active in eval": [{ dropoutInEval: true }, "eval mode is deterministic; dropout acts only in training", /two eval-mode calls should give identical outputs/],
  "leaks tensors": [{ leaks: true }, "no leaked tensors, input left intact", /tensor\(s\) leaked/],
  "no validation": [{ noValidation: true }, "rejects nHead not dividing dModel, and x whose last dimension is not dModel", /throws ValueError/],
  "mask ignored": [{ ignoresMask: true }, "matches PyTorch with a causal mask", /the mask was ignored/],
  "keyPaddingMask read as true = keep (Keras)": [{ paddingKeeps: true }, "matches PyTorch with a key padding mask", /NaN appears/],
  "no dropout in training": [{ noTrainingDropout: true }, "eval mode is deterministic; dropout acts only in training", /training mode with pDrop 0.5 should change the output/],
  "namedParameters() returns copies": [{ copiesParameters: true }, "gradients reach every parameter and match PyTorch's", /no gradient reaches any of them/],
};

for (const [name, [flaws, caseName, message]] of Object.entries(wrong)) {
  test(`rejects: ${name}`, async () => {
    await expectRejects(transformerDrill, makeBlock(flaws), caseName, message);
  });
}

/** Answers that misbehave in ways no honest slip would: each is reported as a failure, never as a crash. */
const Base = makeBlock();
const hostile: Record<string, [TransformerBlockClass, string, RegExp]> = {
  "forward returns NaN": [class extends Base {
    override forward(x: tf.Tensor3D) {
      return tf.fill(x.shape, NaN) as tf.Tensor3D;
    }
  }, EVAL, /\[0\] = NaN/],
  "forward drops the batch axis": [class extends Base {
    override forward(x: tf.Tensor3D, training = false) {
      return tf.tidy(() => tf.squeeze(tf.slice(super.forward(x, training), [0, 0, 0], [1, -1, -1]), [0])) as unknown as tf.Tensor3D;
    }
  }, EVAL, /should return shape \[2, 5, 16\]/],
  "forward returns an array": [class extends Base {
    override forward(x: tf.Tensor3D) {
      return x.arraySync() as unknown as tf.Tensor3D;
    }
  }, EVAL, /should return a tf\.Tensor/],
  "forward throws": [class extends Base {
    override forward(): tf.Tensor3D {
      throw new TypeError("cannot read properties of undefined");
    }
  }, EVAL, /threw TypeError: cannot read properties/],
  "training defaults to true": [class extends Base {
    override forward(x: tf.Tensor3D, training = true, mask = {}) {
      return super.forward(x, training, mask);
    }
  }, "eval mode is deterministic; dropout acts only in training", /two eval-mode calls should give identical outputs/],
};

for (const [name, [Block, caseName, message]] of Object.entries(hostile)) {
  test(`reports, never crashes: ${name}`, async () => {
    await expectRejects(transformerDrill, Block, caseName, message);
  });
}

test.run();
