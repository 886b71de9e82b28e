/**
 * Drill 07 cases that need no fixture: validation, dropout semantics, the pre-norm residual stream, LayerNorm's
 * epsilon, permutation equivariance, random shapes against the float64 oracle, and tensor hygiene.
 */
import * as tf from "@tensorflow/tfjs";
import * as fc from "fast-check";
import { permutation } from "@drills/lib";
import { allClose, ok, property, throwsValueError } from "../../assert";
import { countLeaks } from "../../tensors";
import { fmtNumber } from "../../format";
import type { LegacyCase as Case } from "../../drill";
import { oracleForward } from "./oracle";
import { TOL } from "./cases-parity";
import { compare, describeSetup, flat3, forward, withBlock, type Setup } from "./calls";
import { randomInput, randomStateDict } from "./state";
import type { TransformerBlockClass } from "./checks";

const small = (seed: number, pDrop = 0.1): Setup => ({ dModel: 8, nHead: 2, dimFF: 16, pDrop, sd: randomStateDict(8, 16, seed) });
const std = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
};

export const propertyCases: Case<TransformerBlockClass>[] = [
  {
    name: "rejects nHead not dividing dModel, and x whose last dimension is not dModel",
    hint: "validate in the constructor (dModel % nHead) and at the top of forward (x.shape[2]), throwing ValueError.",
    run(Block) {
      throwsValueError("new TransformerBlock(10, 3, 16)", () => new Block(10, 3, 16), { what: "dModel 10 with nHead 3 should be rejected", input: "dModel = 10, nHead = 3", mentions: ["nHead"] });
      withBlock(Block, small(1), (block) => {
        const x = tf.zeros([2, 3, 12]) as tf.Tensor3D;
        try {
          throwsValueError("block.forward(x)", () => block.forward(x), { what: "x of shape (2, 3, 12) should be rejected by a dModel-8 block", input: "x: zeros (2, 3, 12), dModel = 8", mentions: ["8"] });
        } finally {
          x.dispose();
        }
      });
    },
  },
  {
    name: "eval mode is deterministic; dropout acts only in training",
    hint: "all dropout (attention weights, both residual branches, inside the FFN) runs only when training is true.",
    run(Block) {
      const x = randomInput(2, 6, 8, 11);
      const input = "x: N(0,1) (2, 6, 8), seed 11";
      withBlock(Block, small(3, 0.5), (block) => {
        const a = forward(block, { x, input }).out;
        const b = forward(block, { x, input }).out;
        allClose(b, a, { what: "two eval-mode calls should give identical outputs", input: `${describeSetup(small(3, 0.5))}; ${input}`, tol: 0 });
        const t = forward(block, { x, training: true, input }).out;
        const changed = t.filter((v, i) => Math.abs(v - a[i]) > 1e-6).length;
        ok(changed > 0, { what: "training mode with pDrop 0.5 should change the output", input, expected: "some outputs different from eval mode", actual: "identical to eval mode", hint: "forward(x, true) should apply dropout; forward(x, false) should not." });
      });
      withBlock(Block, small(3, 0), (block) => {
        const e = forward(block, { x, input }).out;
        allClose(forward(block, { x, training: true, input }).out, e, { what: "with pDrop 0, training and eval outputs should agree", input: `${describeSetup(small(3, 0))}; ${input}`, tol: 1e-6 });
      });
    },
  },
  {
    name: "pre-norm: the residual stream keeps its scale",
    hint: "in a pre-norm block LayerNorm sees only the sublayer's input; the residual stream x itself is never normalised.",
    run(Block) {
      const x = randomInput(1, 5, 8, 21, 1000);
      const input = "x = 1000 · N(0,1), shape (1, 5, 8)";
      withBlock(Block, small(5), (block) => {
        const out = forward(block, { x, input }).out;
        const ratio = std(out) / std(flat3(x));
        ok(Math.abs(ratio - 1) < 0.05, {
          what: "std(output) / std(x) should stay ≈ 1 (each sublayer adds an O(1) update to x)",
          input,
          expected: "ratio within 1 ± 0.05",
          actual: fmtNumber(ratio),
          note: ratio < 0.05 ? "the output is normalised: this is post-norm" : undefined,
        });
      });
    },
  },
  {
    name: "LayerNorm epsilon is 1e-5 (low-variance input)",
    hint: "PyTorch's LayerNorm divides by √(var + 1e-5); check the epsilon you pass (tfjs's layerNormalization defaults to 1e-3).",
    run(Block) {
      const s = small(7);
      const x = randomInput(1, 4, 8, 31, 0.01);
      const input = "x = 0.01 · N(0,1) (variance 1e-4, so epsilon matters), shape (1, 4, 8)";
      withBlock(Block, s, (block) => {
        const out = forward(block, { x, input }).out;
        compare(out, flat3(oracleForward(s.sd!, x, s.nHead).out), { what: "output should match the float64 reference", input, sd: s.sd!, x, nHead: s.nHead, ...TOL });
      });
    },
  },
  {
    name: "permuting the sequence permutes the output (eval, no mask)",
    hint: "without positional encoding or a mask, self-attention treats positions as a set: nothing may depend on the order.",
    run(Block) {
      const x = randomInput(1, 6, 8, 41);
      withBlock(Block, small(9), (block) => {
        const base = forward(block, { x, input: "x: N(0,1) (1, 6, 8)" }).out;
        property(fc.integer({ min: 1, max: 10000 }).map((seed) => permutation(6, seed)), (perm) => {
          const px = [perm.map((i) => x[0][i])];
          const out = forward(block, { x: px, input: `x[:, ${JSON.stringify(perm)}]` }).out;
          const expected = perm.flatMap((i) => base.slice(i * 8, (i + 1) * 8));
          allClose(out, expected, { what: "forward(x[perm]) should equal forward(x)[perm]", ...TOL });
        }, { what: "permutation equivariance", input: "x: N(0,1) (1, 6, 8)", numRuns: 8 });
      });
    },
  },
  {
    name: "property: matches the float64 reference on random shapes and head counts",
    hint: "try the shrunk shape by hand: split dModel into nHead contiguous blocks of dModel / nHead features.",
    run(Block) {
      const arb = fc.record({ nHead: fc.integer({ min: 1, max: 4 }), dh: fc.integer({ min: 1, max: 4 }), ff: fc.integer({ min: 2, max: 12 }), batch: fc.integer({ min: 1, max: 3 }), seq: fc.integer({ min: 1, max: 6 }), seed: fc.integer({ min: 1, max: 1000 }) });
      property(arb, ({ nHead, dh, ff, batch, seq, seed }) => {
        const d = nHead * dh;
        const sd = randomStateDict(d, ff, seed);
        const x = randomInput(batch, seq, d, seed + 1);
        withBlock(Block, { dModel: d, nHead, dimFF: ff, pDrop: 0.1, sd }, (block) => {
          const out = forward(block, { x, input: "random" }).out;
          compare(out, flat3(oracleForward(sd, x, nHead).out), { what: "output should match the reference", input: "random", sd, x, nHead, ...TOL });
        });
      }, { what: `${"new TransformerBlock(nHead·dh, nHead, ff)"} on x of shape (batch, seq, nHead·dh)`, numRuns: 12 });
    },
  },
  {
    name: "no leaked tensors, input left intact",
    hint: "wrap forward's body in tf.tidy(() => ...) so intermediates (and dropout masks) are disposed; never dispose x.",
    run(Block) {
      const x = randomInput(2, 4, 8, 51);
      const input = "x: N(0,1) (2, 4, 8)";
      withBlock(Block, small(11), (block) => {
        for (const training of [false, true]) {
          const { leaked } = forward(block, { x, training, input });
          ok(leaked <= 0, { what: `forward(x, ${training}) should dispose its intermediates`, input, expected: "0 tensors left behind", actual: `${leaked} tensor(s) leaked` });
        }
        const xt = tf.tensor3d(x);
        try {
          const { result, leaked } = countLeaks("block.attentionWeights(x)", () => block.attentionWeights(xt));
          if (result instanceof tf.Tensor) result.dispose();
          ok(leaked <= 0, { what: "attentionWeights(x) should dispose its intermediates", input, expected: "0 tensors left behind", actual: `${leaked} tensor(s) leaked` });
        } finally {
          xt.dispose();
        }
      });
    },
  },
];
