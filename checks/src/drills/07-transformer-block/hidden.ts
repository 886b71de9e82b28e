/**
 * Hidden-case property for drill 07 (transformer block): the eval-mode output on a seeded random PyTorch state dict
 * and input of the interviewer's sizes (transformer-state.ts), against the float64 oracle, optionally causal. A
 * failure reports error sizes and, when the output matches one, the known mistake (the public cases' notes).
 */
import { transformerDrill, type TransformerBlockClass } from "./checks";
import { MISTAKES, oracleForward } from "./oracle";
import { TOL } from "./cases-parity";
import { flat3, forward, withBlock } from "./calls";
import { randomInput, randomStateDict } from "./state";
import { registerHidden } from "../../experience/hidden";
import { expectNear } from "../../experience/hidden-near";
import { HIDDEN_INPUT } from "../../drill";

function size(v: unknown, name: string): number {
  if (!Number.isInteger(v) || (v as number) < 1) throw new Error(`input.${name}: expected an integer ≥ 1, got ${JSON.stringify(v)}`);
  return v as number;
}

registerHidden<TransformerBlockClass>(transformerDrill, {
  forward: {
    what: "eval-mode output matches the float64 block on random weights",
    hint: "pre-norm: x + attn(norm1(x)), then + ffn(norm2(·)); PyTorch's layouts, eps 1e-5, exact GELU, scores / √(head dim).",
    run(Block, spec) {
      const dModel = size(spec.input.dModel, "dModel");
      const nHead = size(spec.input.nHead, "nHead");
      const dimFF = size(spec.input.dimFF, "dimFF");
      if (dModel % nHead) throw new Error("input.nHead: expected a divisor of dModel");
      const seed = Number(spec.input.seed ?? 1);
      const sd = randomStateDict(dModel, dimFF, seed);
      const x = randomInput(size(spec.input.batch, "batch"), size(spec.input.seq, "seq"), dModel, seed + 1);
      const mask = spec.input.causal ? { causal: true } : undefined;
      const expected = flat3(oracleForward(sd, x, nHead, mask).out);
      withBlock(Block, { dModel, nHead, dimFF, pDrop: 0.1, sd }, (block) => {
        const { out } = forward(block, { x, mask, input: HIDDEN_INPUT });
        // The public parity tolerance (transformer-parity.ts): O(1) outputs, dot products of ≤ 32 terms.
        const tol = spec.tol ?? TOL.tol;
        const near = (e: number[]) => e.length === out.length && e.every((v, i) => Math.abs(out[i] - v) <= 2 * (tol + TOL.rtol * Math.abs(v)));
        const mistake = near(expected) ? undefined : MISTAKES.find(([, v]) => near(flat3(oracleForward(sd, x, nHead, mask, v).out)));
        expectNear(out, expected, { what: "forward(x) should equal the float64 block", tol, rtol: TOL.rtol, note: mistake?.[0], hint: mistake?.[2] });
      });
    },
  },
});
