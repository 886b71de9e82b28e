/**
 * Drill 06's contract: the shapes the given MLP and loader take, and what the candidate's loops take and return.
 * They mirror PyTorch's nn.Module / DataLoader / training-loop idiom, so a PyTorch state_dict loads unchanged.
 */
import type * as tf from "@tensorflow/tfjs-core";

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

export type TrainEpoch = (
  model: MlpModel,
  loader: Iterable<Batch>,
  optimizer: tf.Optimizer,
  criterion: Criterion,
) => number;
export type Evaluate = (model: MlpModel, loader: Iterable<Batch>, criterion: Criterion) => Evaluation;
export type MakeLoader = (X: tf.Tensor2D, y: tf.Tensor1D, opts: LoaderOptions) => Iterable<Batch>;

/** The core: what the candidate writes. The model, setSeed, a loader and the criterion are given. */
export interface MlpLoops {
  /** One pass over the loader with dropout on, one optimizer step per batch; the per-sample average loss. */
  trainEpoch: TrainEpoch;
  /** Loss and accuracy with dropout off and no weight updates. */
  evaluate: Evaluate;
}

/**
 * Everything drill 06 ever asked for, as one object. `checkMlp` takes it (so check cells written before the drill
 * was cut to its core still compile) and checks the loops in it.
 */
export interface Mlp extends MlpLoops {
  MLP: MlpConstructor;
  setSeed(seed: number): void;
  makeLoader: MakeLoader;
  bceWithLogits: Criterion;
}

/** What `checkMlp` accepts: the loops, with anything else of the old object allowed beside them. */
export type MlpCheckInput = MlpLoops & Partial<Mlp>;
