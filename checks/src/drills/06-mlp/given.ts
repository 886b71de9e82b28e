/**
 * The code drill 06's notebook gives the candidate (its "given" cell), with input validation added: the seed gives
 * `class MLP` and `set_seed`, and the candidate writes the loops. The checks train and evaluate this model, with
 * this in-order loader and criterion, so a fault they find is in the candidate's loop. No answer lives here, so the
 * grading kernel may load it.
 *
 * Weights are stored in PyTorch's layout ([out, in]) so a state_dict loads without copying axes; each Linear
 * computes x Wᵀ + b with matMul's transposeB flag. Determinism without a global seed: `setSeed` restarts one stream;
 * every random op (initialiser, dropout mask) draws its own seed from it, so the same seed replays the same run
 * while each dropout call still gets a new mask.
 */
import * as tf from "@tensorflow/tfjs-core";
import { invalid, rng } from "@drills/lib";
import type { Batch, Criterion, MlpModel, StateDict } from "./types";

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

  constructor(
    readonly inDim: number,
    readonly hiddenDim = 32,
    readonly pDrop = 0.2,
  ) {
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
      return tf.reshape(tf.add(tf.matMul(h, this.w2, false, true), this.b2), [-1]) as tf.Tensor1D;
    });
  }

  /** The trainable variables, for `optimizer.minimize(f, true, model.parameters())`. */
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

/** Mini-batches in row order, the short last batch kept; each batch is freed when the loop moves on. */
export function batches(X: tf.Tensor2D, y: tf.Tensor1D, batchSize: number): Iterable<Batch> {
  if (!Number.isInteger(batchSize) || batchSize < 1) invalid("batchSize", "a positive integer", batchSize);
  const n = X.shape[0];
  return {
    *[Symbol.iterator]() {
      for (let start = 0; start < n; start += batchSize) {
        const size = Math.min(batchSize, n - start);
        const batch: Batch = [tf.slice(X, start, size), tf.slice(y, start, size)];
        try {
          yield batch;
        } finally {
          tf.dispose(batch);
        }
      }
    },
  };
}

/** nn.BCEWithLogitsLoss(): the mean of max(z, 0) − z·y + log(1 + e^(−|z|)), labels first. */
export const criterion: Criterion = (labels, logits) => tf.losses.sigmoidCrossEntropy(labels, logits) as tf.Scalar;
