/**
 * Model answers to drill 06, the same as the solution notebook's, for the checks' own tests and the benchmark
 * (never imported by calls or checks). The given scaffold is re-exported so a test or the benchmark can run a whole
 * training pipeline from here.
 */
import * as tf from "@tensorflow/tfjs-core";
import { invalid, permutation, rng } from "@drills/lib";
import { nextSeed } from "../given";
import type { Batch, Criterion, Evaluation, LoaderOptions, MlpLoops, MlpModel } from "../types";

export { MLP, setSeed, nextSeed, batches, criterion } from "../given";

function paramsOf(model: MlpModel): tf.Variable[] | undefined {
  return (model as { parameters?: () => tf.Variable[] }).parameters?.();
}

/** Like the PyTorch loop: `total += loss.item() * xb.size(0)`, then `total / len(dataset)`. */
export function trainEpoch(
  model: MlpModel,
  loader: Iterable<Batch>,
  optimizer: tf.Optimizer,
  criterion: Criterion,
): number {
  let total = 0;
  let count = 0;
  for (const [xb, yb] of loader) {
    const cost = optimizer.minimize(() => criterion(yb, model.forward(xb, true)), true, paramsOf(model))!;
    total += cost.dataSync()[0] * xb.shape[0];
    count += xb.shape[0];
    cost.dispose();
  }
  return total / count;
}

export function evaluate(model: MlpModel, loader: Iterable<Batch>, criterion: Criterion): Evaluation {
  let total = 0;
  let correct = 0;
  let count = 0;
  for (const [xb, yb] of loader) {
    const [loss, hits] = tf.tidy(() => {
      const logits = model.forward(xb, false);
      // logit > 0 ⇔ sigmoid(logit) > 0.5
      const right = tf.sum(tf.cast(tf.equal(tf.cast(tf.greater(logits, 0), "float32"), yb), "float32"));
      return [criterion(yb, logits).dataSync()[0], right.dataSync()[0]];
    });
    total += loss * xb.shape[0];
    correct += hits;
    count += xb.shape[0];
  }
  return { loss: total / count, accuracy: correct / count };
}

/** The DataLoader counterpart; its own stream gives each epoch (each iteration) a new, reproducible order. */
export function makeLoader(
  X: tf.Tensor2D,
  y: tf.Tensor1D,
  { batchSize, shuffle, seed = 0 }: LoaderOptions,
): Iterable<Batch> {
  if (X.rank !== 2 || X.shape[0] < 1) invalid("X", "a non-empty 2-D tensor", `shape [${X.shape}]`);
  if (y.rank !== 1 || y.shape[0] !== X.shape[0])
    invalid("y", `a 1-D tensor of length ${X.shape[0]}`, `shape [${y.shape}]`);
  if (!Number.isInteger(batchSize) || batchSize < 1) invalid("batchSize", "a positive integer", batchSize);
  const n = X.shape[0];
  const epochs = rng(seed);
  return {
    *[Symbol.iterator]() {
      const order = shuffle ? permutation(n, nextSeed(epochs)) : Array.from({ length: n }, (_, i) => i);
      for (let start = 0; start < n; start += batchSize) {
        const batch = tf.tidy(() => {
          const idx = tf.tensor1d(order.slice(start, start + batchSize), "int32");
          return [tf.gather(X, idx), tf.gather(y, idx)] as Batch;
        });
        try {
          yield batch;
        } finally {
          tf.dispose(batch);
        }
      }
    },
  };
}

/** max(z, 0) − z·y + log(1 + e^(−|z|)), averaged: never exponentiates a large positive number. */
export const bceWithLogits: Criterion = (labels, logits) =>
  tf.tidy(
    () =>
      tf.mean(
        tf.add(tf.sub(tf.relu(logits), tf.mul(logits, labels)), tf.log1p(tf.exp(tf.neg(tf.abs(logits))))),
      ) as tf.Scalar,
  );

export const loops: MlpLoops = { trainEpoch, evaluate };
