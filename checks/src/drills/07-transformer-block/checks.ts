/**
 * Drill 07 — a pre-norm transformer block that matches PyTorch:
 *   h = LN₁(x); x = x + Dropout(MHA(h, h, h)); x = x + Dropout(FFN(LN₂(x))),
 *   FFN = Linear → GELU(erf) → Dropout → Linear, LayerNorm ε = 1e-5, scores q·kᵀ/√(dModel/nHead),
 * with PyTorch's state-dict keys and layouts. The notebook gives the constructor, loadStateDict and the
 * linear / layerNorm helpers; the core is forward. Stretch: masks (★★), attentionWeights (★★), and the pre-/post-norm
 * depth experiment (★★★).
 *
 * Points of the core (11): eval parity 2, gradients, dropout, dropout-residual, pre-norm, eps, permutation,
 * random-shapes, rejects-x 1 each — all judged outside the kernel on the values forward returned — and hygiene 1, the
 * one verdict measured inside the kernel (leaked tensors, a disposed x): 1 of 11. Every judge runs behind
 * replies.ts, so a reply of another shape fails by itself rather than crash it.
 */
import type { Check } from "../../drill";
import { calls } from "./calls";
import { parityCases } from "./cases-parity";
import { contractCases } from "./cases-contract";
import { propertyCases as p } from "./cases-properties";
import { depthCases, maskCases, weightCases } from "./cases-stretch";
import { hidden as properties } from "./hidden";
import { guard, guardHidden } from "./replies";
import type { CompareNormPlacement, TransformerBlockClass } from "./types";

const ID = "07-transformer-block";

export const blockCheck: Check<TransformerBlockClass> = {
  id: ID,
  part: "block",
  title: "Transformer block (pre-norm)",
  calls,
  cases: [
    parityCases[0],
    p.dropout,
    p.dropoutResidual,
    p.preNorm,
    p.eps,
    p.permutation,
    p.randomShapes,
    parityCases[1],
    contractCases.rejectsX,
    contractCases.hygiene,
  ].map(guard),
};

export const masksCheck: Check<TransformerBlockClass> = {
  id: ID,
  part: "masks",
  title: "Causal and key-padding masks",
  calls,
  cases: maskCases.map(guard),
};
export const weightsCheck: Check<TransformerBlockClass> = {
  id: ID,
  part: "attention-weights",
  title: "Per-head attention weights",
  calls,
  cases: weightCases.map(guard),
};
export const depthCheck: Check<CompareNormPlacement> = {
  id: ID,
  part: "norm-placement",
  title: "Pre-norm vs post-norm in a deep stack",
  calls,
  cases: depthCases.map(guard),
};

/** @deprecated the core check under its old name. */

export const checks = {
  block: blockCheck,
  masks: masksCheck,
  "attention-weights": weightsCheck,
  "norm-placement": depthCheck,
};
export const hidden = Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, guardHidden(p)]));
