/**
 * Reference answer for drill 06, the same as the solution notebook's: the spec's "reference passes" and the
 * benchmark run it. Weights are stored in PyTorch's layout ([out, in]) so a state_dict loads without copying axes,
 * and each Linear computes x Wᵀ + b with matMul's transposeB flag.
 *
 * Determinism without a global seed: `setSeed` restarts one module-level stream; every random op (initialiser,
 * dropout mask, epoch shuffle) draws its own seed from a stream, so the same seed replays the same run while each
 * dropout call still gets a new mask.
 */
import * as tf from "@tensorflow/tfjs";
import { invalid, permutation, rng } from "@drills/lib";
import type { Batch, Criterion, Evaluation, LoaderOptions, Mlp, MlpModel, StateDict } from "./mlp-types";

let stream = rng(0);

export function setSeed(seed: number): void {
  stream = rng(seed);
}

/** A seed in [1, 2³¹): tfjs treats seed 0 as "unseeded" in randomNormal. */
export function nextSeed(next: () => number = stream): number {
  return 1 + Math.floor(next() * 2147483646);
}

/** PyTorch's Linear init: weight and bias ~ U(−1/√in, 1/√in). */
function linear(inDim: number, outDim: number): [tf.Variable, tf.Variable] {
  const bound = 1 / Math.sqrt(inDim);
  return [
    tf.variable(tf.randomUniform([outDim, inDim], -bound, bound, "float32", nextSeed())),
    tf.variable(tf.randomUniform([outDim], -bound, bound, "float32", nextSeed())),
  ];
}

function expectShape(key: string, value: unknown, shape: number[]): tf.Tensor {
  if (!Array.isArray(value)) invalid(`sd["${key}"]`, `a nested number array of shape [${shape}]`, value);
  const t = tf.tensor(value as number[]);
  if (t.shape.join() !== shape.join()) {
    t.dispose();
    invalid(`sd["${key}"]`, `shape [${shape}]`, `shape [${t.shape}]`);
  }
  return t;
}

export class MLP implements MlpModel {
  protected readonly w1: tf.Variable;
  protected readonly b1: tf.Variable;
  protected readonly w2: tf.Variable;
  protected readonly b2: tf.Variable;

  constructor(readonly inDim: number, readonly hiddenDim = 32, readonly pDrop = 0.2) {
    if (!Number.isInteger(inDim) || inDim < 1) invalid("inDim", "a positive integer", inDim);
    if (!Number.isInteger(hiddenDim) || hiddenDim < 1) invalid("hiddenDim", "a positive integer", hiddenDim);
    if (!(pDrop >= 0 && pDrop < 1)) invalid("pDrop", "a probability in [0, 1)", pDrop);
    [this.w1, this.b1] = linear(inDim, hiddenDim);
    [this.w2, this.b2] = linear(hiddenDim, 1);
  }

  forward(x: tf.Tensor2D, training: boolean): tf.Tensor1D {
    if (x.rank !== 2 || x.shape[1] !== this.inDim) invalid("x", `shape [n, ${this.inDim}]`, `shape [${x.shape}]`);
    return tf.tidy(() => {
      let h = tf.relu(tf.add(tf.matMul(x, this.w1, false, true), this.b1));
      // tf.dropout is inverted dropout: survivors are scaled by 1/(1 − p), so eval needs no rescaling.
      if (training && this.pDrop > 0) h = tf.dropout(h, this.pDrop, undefined, nextSeed());
      return tf.add(tf.matMul(h, this.w2, false, true), this.b2).reshape([-1]) as tf.Tensor1D;
    });
  }

  parameters(): tf.Variable[] {
    return [this.w1, this.b1, this.w2, this.b2];
  }

  loadStateDict(sd: StateDict): void {
    const shapes: [keyof StateDict, tf.Variable, number[]][] = [
      ["net.0.weight", this.w1, [this.hiddenDim, this.inDim]],
      ["net.0.bias", this.b1, [this.hiddenDim]],
      ["net.3.weight", this.w2, [1, this.hiddenDim]],
      ["net.3.bias", this.b2, [1]],
    ];
    // Validate every key before assigning any, so a bad dict leaves the model as it was.
    const values = tf.tidy(() => shapes.map(([k, , shape]) => expectShape(k, sd?.[k], shape)));
    shapes.forEach(([, v], i) => v.assign(values[i]));
    tf.dispose(values);
  }

  stateDict(): StateDict {
    return {
      "net.0.weight": this.w1.arraySync() as number[][],
      "net.0.bias": this.b1.arraySync() as number[],
      "net.3.weight": this.w2.arraySync() as number[][],
      "net.3.bias": this.b2.arraySync() as number[],
    };
  }

  dispose(): void {
    tf.dispose(this.parameters());
  }
}

/** The DataLoader counterpart; its own stream gives each epoch (each iteration) a new, reproducible order. */
export function makeLoader(X: tf.Tensor2D, y: tf.Tensor1D, { batchSize, shuffle, seed = 0 }: LoaderOptions): Iterable<Batch> {
  if (X.rank !== 2 || X.shape[0] < 1) invalid("X", "a non-empty 2-D tensor", `shape [${X.shape}]`);
  if (y.rank !== 1 || y.shape[0] !== X.shape[0]) invalid("y", `a 1-D tensor of length ${X.shape[0]}`, `shape [${y.shape}]`);
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

export const bceWithLogits: Criterion = (labels, logits) => tf.losses.sigmoidCrossEntropy(labels, logits) as tf.Scalar;

function paramsOf(model: MlpModel): tf.Variable[] | undefined {
  return (model as Partial<MLP>).parameters?.();
}

/** Like the PyTorch loop: `total += loss.item() * xb.size(0)`, then `total / len(dataset)`. */
export function trainEpoch(model: MlpModel, loader: Iterable<Batch>, optimizer: tf.Optimizer, criterion: Criterion): number {
  let total = 0;
  let count = 0;
  for (const [xb, yb] of loader) {
    const cost = optimizer.minimize(() => criterion(yb, model.forward(xb, true)), true, paramsOf(model));
    total += cost!.dataSync()[0] * xb.shape[0];
    count += xb.shape[0];
    cost!.dispose();
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

/** The reference as the one object `checkMlp` takes. */
export const reference: Mlp = { MLP, setSeed, makeLoader, trainEpoch, evaluate, bceWithLogits };
