/**
 * Hidden-case properties for drill 07, split: the grader builds a seeded PyTorch-layout state dict and input of the
 * interviewer's sizes (state.ts) and judges against the float64 oracle in its own process; the kernel only builds
 * the block and runs it. A failure reports error sizes and, when the output matches one, the known mistake — never
 * the input's values.
 */
import { ok } from "../../assert";
import { fmtNumber } from "../../format";
import type { HiddenProperty } from "../../hidden-property";
import type { HiddenSpec } from "../../experience/hidden";
import { expectNear } from "../../experience/hidden-near";
import type { Run, RunOut } from "./calls";
import { diagnose, flat3, flat4 } from "./diagnose";
import { TOL } from "./fixture";
import { oracleForward } from "./oracle";
import { pack, packDict, randomInput, randomStateDict, type AttentionMask, type Packed } from "./state";

function size(v: unknown, name: string): number {
  if (!Number.isInteger(v) || (v as number) < 1)
    throw new Error(`input.${name}: expected an integer ≥ 1, got ${JSON.stringify(v)}`);
  return v as number;
}

/** The block, input and mask a spec describes; the same on the grader's every call (all seeded). */
function scene(spec: HiddenSpec, withMask: boolean) {
  const i = spec.input;
  const dModel = size(i.dModel, "dModel");
  const nHead = size(i.nHead, "nHead");
  const dimFF = size(i.dimFF, "dimFF");
  if (dModel % nHead) throw new Error("input.nHead: expected a divisor of dModel");
  const batch = size(i.batch, "batch");
  const seq = size(i.seq, "seq");
  const seed = Number(i.seed ?? 1);
  const pDrop = i.pDrop === undefined ? 0.5 : Number(i.pDrop);
  if (!(pDrop >= 0 && pDrop < 1))
    throw new Error(`input.pDrop: expected a number in [0, 1), got ${JSON.stringify(i.pDrop)}`);
  let mask: AttentionMask | undefined;
  if (withMask && (i.causal || i.padLast !== undefined)) {
    mask = {};
    if (i.causal) mask.causal = true;
    if (i.padLast !== undefined) {
      const n = Number(i.padLast);
      if (!Number.isInteger(n) || n < 0 || n >= seq)
        throw new Error(`input.padLast: expected an integer in [0, seq), got ${JSON.stringify(i.padLast)}`);
      // The last sequence's final n keys are padding; every query keeps at least one key.
      mask.keyPaddingMask = Array.from({ length: batch }, (_, b) =>
        Array.from({ length: seq }, (_, j) => b === batch - 1 && j >= seq - n),
      );
    }
  }
  const sd = randomStateDict(dModel, dimFF, seed);
  const x = randomInput(batch, seq, dModel, seed + 1);
  return { setup: { dModel, nHead, dimFF, pDrop }, sd, x, nHead, mask };
}

type Scene = ReturnType<typeof scene>;
const job = (s: Scene, runs: Run[]) => ({ jobs: [{ setup: s.setup, sd: packDict(s.sd), runs }] });

/** Output vs the float64 block, with the known mistake it matches as note and hint. */
function judgeOutput(values: Float32Array, s: Scene, spec: HiddenSpec, what: string): void {
  const expected = flat3(oracleForward(s.sd, s.x, s.nHead, s.mask).out);
  // The public parity tolerance (fixture.ts): O(1) outputs, dot products of ≤ 32 terms.
  const tol = spec.tol ?? TOL.tol;
  const cause = diagnose(values, { sd: s.sd, x: s.x, nHead: s.nHead, mask: s.mask }, { tol, rtol: TOL.rtol });
  expectNear(values, expected, { what, tol, rtol: TOL.rtol, ...cause });
}

function sameEval(a: RunOut, b: RunOut): void {
  const differ = a.values.some((v, i) => !Object.is(v, b.values[i]));
  ok(!differ, {
    what: "two eval-mode calls should give the same output",
    expected: "identical outputs",
    actual: "different outputs",
    note: "dropout is active in eval mode",
    hint: "training defaults to false, and every dropout runs only when training is true.",
  });
}

export const hidden: Record<string, HiddenProperty> = {
  forward: {
    part: "block",
    what: "eval-mode output matches the float64 block on random weights",
    hint: "pre-norm: x + attn(norm1(x)), then + ffn(norm2(·)); PyTorch's layouts, eps 1e-5, exact GELU, scores / √(head dim).",
    call: "forward",
    // `causal` is honoured for hidden files written before masks became a stretch part (prefer `masked`).
    input: (spec) => {
      const s = scene(spec, true);
      const x = pack(s.x);
      return job(
        s,
        s.mask
          ? [
              { x, training: false, mask: s.mask },
              { x, training: false, mask: s.mask },
            ]
          : [{ x }, { x }],
      );
    },
    judge({ outs }: { outs: RunOut[][] }, _input, spec) {
      sameEval(outs[0][0], outs[0][1]);
      judgeOutput(outs[0][0].values, scene(spec, true), spec, "forward(x) should equal the float64 block");
    },
  },
  dropout: {
    part: "block",
    what: "dropout acts in training only, at rate pDrop",
    hint: "eval (training false, the default) is deterministic; training applies tf.dropout(…, pDrop) to the attention weights, both sublayer outputs and the FFN's hidden layer.",
    call: "forward",
    input: (spec) => {
      const s = scene(spec, false);
      const x = pack(s.x);
      return job(s, [{ x }, { x }, { x, training: true }]);
    },
    judge({ outs }: { outs: RunOut[][] }, _input, spec) {
      const s = scene(spec, false);
      const [a, b, t] = outs[0];
      sameEval(a, b);
      const changed = t.values.filter((v, i) => Math.abs(v - a.values[i]) > 1e-6).length;
      if (s.setup.pDrop > 0)
        ok(changed > 0, {
          what: `training with pDrop ${s.setup.pDrop} should change the output`,
          expected: "some outputs different from eval mode",
          actual: "identical to eval mode",
          hint: "forward(x, true) should apply dropout.",
        });
      else
        ok(changed === 0, {
          what: "with pDrop 0, training should change nothing",
          expected: "training output = eval output",
          actual: `${changed} of ${t.values.length} values differ`,
        });
    },
  },
  masked: {
    part: "masks",
    what: "masked output matches the float64 block",
    hint: "blocked (query, key) pairs get −∞ before the softmax; causal blocks keys after the query, keyPaddingMask true hides a key.",
    call: "forward",
    input: (spec) => {
      const s = scene(spec, true);
      if (!s.mask) throw new Error("input: a masked case needs causal: true or padLast: n");
      return job(s, [{ x: pack(s.x), training: false, mask: s.mask }]);
    },
    judge: ({ outs }: { outs: RunOut[][] }, _input, spec) =>
      judgeOutput(outs[0][0].values, scene(spec, true), spec, "forward(x, false, mask) should equal the float64 block"),
  },
  attentionWeights: {
    part: "attention-weights",
    what: "per-head attention weights match the float64 block",
    hint: "softmax(q·kᵀ/√(head dim)) of norm1(x), per head, before dropout.",
    call: "attentionWeights",
    input: (spec) => {
      const s = scene(spec, false);
      return job(s, [{ x: pack(s.x) }]);
    },
    judge({ outs }: { outs: Packed[][] }, _input, spec) {
      const s = scene(spec, false);
      const expected = flat4(oracleForward(s.sd, s.x, s.nHead).attention);
      const tol = spec.tol ?? TOL.tol;
      const w = outs[0][0].values;
      const rowSum = w.length ? fmtNumber(Array.from(w.slice(0, s.x[0].length)).reduce((p, q) => p + q, 0)) : "none";
      expectNear(w, expected, {
        what: "attentionWeights(x) should equal the float64 weights",
        tol,
        rtol: TOL.rtol,
        note: `first row sums to ${rowSum}`,
      });
    },
  },
};
