/** What drill 07's checks accept: the candidate's block class and the stretch part's depth experiment. */
import type * as tf from "@tensorflow/tfjs-core";
import type { AttentionMask, StateDict } from "./state";

export type { AttentionMask, StateDict } from "./state";

/**
 * What a candidate's block offers. The notebook gives the constructor, `loadStateDict`, `namedParameters` (like
 * `dict(module.named_parameters())`) and `dispose`; the core writes `forward`; `attentionWeights` is a stretch part.
 */
export interface TransformerBlockLike {
  forward(x: tf.Tensor3D, training?: boolean, mask?: AttentionMask): tf.Tensor3D;
  loadStateDict(sd: StateDict): void;
  namedParameters(): Record<string, tf.Variable>;
  /** Eval-mode attention weights per head, (batch, nHead, seq, seq). */
  attentionWeights?(x: tf.Tensor3D, mask?: AttentionMask): tf.Tensor4D;
  dispose?(): void;
}

export type TransformerBlockClass = new (
  dModel: number,
  nHead: number,
  dimFF: number,
  pDrop?: number,
) => TransformerBlockLike;

/**
 * One block of a deep stack at random init: the residual stream's std after it and ‖∂loss/∂x_l‖ at its input. A
 * type, not an interface, so rows pass where plotting helpers take Record<string, unknown>[].
 */
export type DepthRow = { layer: number; placement: string; streamStd: number; gradNorm: number };

export type CompareNormPlacement = (depth: number, gain: number) => DepthRow[];
