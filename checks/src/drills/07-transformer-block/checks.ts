/**
 * Drill 07 — a pre-norm transformer block that matches PyTorch:
 *   h = LN₁(x); x = x + Dropout(MHA(h, h, h)); x = x + Dropout(FFN(LN₂(x))),
 *   FFN = Linear → GELU(erf) → Dropout → Linear, LayerNorm ε = 1e-5, scores q·kᵀ/√(dModel/nHead),
 * with PyTorch's state-dict keys and layouts. Cases: transformer-parity.ts (PyTorch fixture) and
 * transformer-properties.ts (no fixture); the float64 oracle is transformer-oracle.ts.
 */
import type * as tf from "@tensorflow/tfjs";
import type { Drill } from "../../drill";
import { parityCases } from "./cases-parity";
import { propertyCases } from "./cases-properties";
import type { AttentionMask, StateDict } from "./state";

export type { AttentionMask, StateDict } from "./state";

/** What a candidate's block offers; `namedParameters` mirrors `dict(module.named_parameters())`. */
export interface TransformerBlockLike {
  forward(x: tf.Tensor3D, training?: boolean, mask?: AttentionMask): tf.Tensor3D;
  loadStateDict(sd: StateDict): void;
  namedParameters(): Record<string, tf.Variable>;
  /** Eval-mode attention weights per head, (batch, nHead, seq, seq). */
  attentionWeights(x: tf.Tensor3D, mask?: AttentionMask): tf.Tensor4D;
  dispose?(): void;
}

export type TransformerBlockClass = new (dModel: number, nHead: number, dimFF: number, pDrop?: number) => TransformerBlockLike;

export const transformerDrill: Drill<TransformerBlockClass> = {
  id: "07-transformer-block",
  title: "Transformer block (pre-norm)",
  cases: [propertyCases[0], ...parityCases, ...propertyCases.slice(1)],
};
