/**
 * Drill 06's contract: the shapes the candidate's MLP, loader and loops take and return. They mirror PyTorch's
 * nn.Module / DataLoader / training-loop idiom, so a PyTorch state_dict loads unchanged.
 */
import type * as tf from "@tensorflow/tfjs";

/** PyTorch's `state_dict()` of Sequential(Linear, ReLU, Dropout, Linear), as nested number arrays. */
export interface StateDict {
  /** [hidden, in]: PyTorch's Linear computes y = x Wᵀ + b. */
  "net.0.weight": number[][];
  "net.0.bias": number[];
  /** [1, hidden] */
  "net.3.weight": number[][];
  "net.3.bias": number[];
}

export const STATE_KEYS = ["net.0.weight", "net.0.bias", "net.3.weight", "net.3.bias"] as const;
export type StateKey = (typeof STATE_KEYS)[number];

export interface MlpModel {
  /** Logits, one per row of x; dropout only when `training`. */
  forward(x: tf.Tensor2D, training: boolean): tf.Tensor1D;
  loadStateDict(sd: StateDict): void;
  stateDict(): StateDict;
}

export type MlpConstructor = new (inDim: number, hiddenDim?: number, pDrop?: number) => MlpModel;

/** One mini-batch, like PyTorch's `for xb, yb in loader`. The loader owns it: disposed when the loop moves on. */
export type Batch = [tf.Tensor2D, tf.Tensor1D];

export interface LoaderOptions {
  batchSize: number;
  shuffle: boolean;
  seed?: number;
}

/** BCE-with-logits, labels first like `tf.losses.sigmoidCrossEntropy(labels, logits)`; the mean over the batch. */
export type Criterion = (labels: tf.Tensor, logits: tf.Tensor) => tf.Scalar;

export interface Evaluation {
  loss: number;
  accuracy: number;
}

/** Everything the candidate writes for drill 06, passed to `checkMlp` as one object. */
export interface Mlp {
  MLP: MlpConstructor;
  setSeed(seed: number): void;
  makeLoader(X: tf.Tensor2D, y: tf.Tensor1D, opts: LoaderOptions): Iterable<Batch>;
  /** One pass over the loader with dropout on; the per-sample average loss. */
  trainEpoch(model: MlpModel, loader: Iterable<Batch>, optimizer: tf.Optimizer, criterion: Criterion): number;
  /** Loss and accuracy with dropout off and no weight updates. */
  evaluate(model: MlpModel, loader: Iterable<Batch>, criterion: Criterion): Evaluation;
  bceWithLogits: Criterion;
}
