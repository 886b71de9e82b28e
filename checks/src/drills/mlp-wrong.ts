/**
 * Building blocks of drill 06's known-wrong answers (mlp-known-wrong.ts): each a realistic mistake on top of the
 * reference, small enough to read next to the case that must reject it.
 */
import * as tf from "@tensorflow/tfjs";
import { permutation } from "@drills/lib";
import * as ref from "./mlp-reference";
import type { Batch, Criterion, Evaluation, Mlp, MlpModel, StateDict } from "./mlp-types";
export { keras, kerasLayout, UntransposedState } from "./mlp-keras";

export const reference: Mlp = ref.reference;

const variant = (o: Partial<Mlp>): Mlp => ({ ...reference, ...o });
type Forward = (m: ref.MLP, x: tf.Tensor2D, training: boolean) => tf.Tensor1D;

/** The reference model with its forward pass replaced. */
function withForward(fwd: Forward): Mlp["MLP"] {
  return class extends ref.MLP {
    override forward(x: tf.Tensor2D, training: boolean): tf.Tensor1D {
      return tf.tidy(() => fwd(this, x, training));
    }
  };
}

const hidden = (m: ref.MLP, x: tf.Tensor2D) => {
  const [w1, b1] = m.parameters();
  return tf.relu(tf.add(tf.matMul(x, w1, false, true), b1));
};
const head = (m: ref.MLP, h: tf.Tensor) => {
  const [, , w2, b2] = m.parameters();
  return tf.add(tf.matMul(h, w2, false, true), b2).reshape([-1]) as tf.Tensor1D;
};

const mathRandomShuffle = (n: number) => {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
};

/** A loader built from a per-epoch order function; `leak` skips disposing batches. */
function loaderFrom(order: (n: number, epoch: number, seed: number) => number[], dropLast = false, leak = false): Mlp["makeLoader"] {
  return (X, y, { batchSize, shuffle, seed = 0 }) => {
    let epoch = 0;
    return {
      *[Symbol.iterator]() {
        const idx = shuffle ? order(X.shape[0], epoch++, seed) : Array.from({ length: X.shape[0] }, (_, i) => i);
        const end = dropLast ? idx.length - (idx.length % batchSize) : idx.length;
        for (let s = 0; s < end; s += batchSize) {
          const t = tf.tensor1d(idx.slice(s, s + batchSize), "int32");
          const batch: Batch = [tf.gather(X, t), tf.gather(y, t)];
          t.dispose();
          try {
            yield batch;
          } finally {
            if (!leak) tf.dispose(batch);
          }
        }
      },
    };
  };
}

const sigmoidBce = (clip: number): Criterion => (labels, logits) =>
  tf.tidy(() => {
    const p = tf.clipByValue(tf.sigmoid(logits), clip, 1 - clip);
    const ll = tf.add(tf.mul(labels, tf.log(p)), tf.mul(tf.sub(1, labels), tf.log(tf.sub(1, p))));
    return tf.neg(tf.mean(ll)) as tf.Scalar;
  });

function averageOfBatches(model: MlpModel, loader: Iterable<Batch>, optimizer: tf.Optimizer, criterion: Criterion): number {
  const losses: number[] = [];
  for (const [xb, yb] of loader) {
    const cost = optimizer.minimize(() => criterion(yb, model.forward(xb, true)), true, (model as ref.MLP).parameters());
    losses.push(cost!.dataSync()[0]);
    cost!.dispose();
  }
  return losses.reduce((a, b) => a + b, 0) / losses.length;
}

function leakyTrain(model: MlpModel, loader: Iterable<Batch>, optimizer: tf.Optimizer, criterion: Criterion): number {
  let total = 0;
  let count = 0;
  for (const [xb, yb] of loader) {
    const cost = optimizer.minimize(() => criterion(yb, model.forward(xb, true)), true, (model as ref.MLP).parameters());
    total += cost!.dataSync()[0] * xb.shape[0]; // the cost tensor is never disposed
    count += xb.shape[0];
  }
  return total / count;
}

/** Copied from trainEpoch "to reuse the loop": it still steps an optimizer. */
function trainingEvaluate(model: MlpModel, loader: Iterable<Batch>, criterion: Criterion): Evaluation {
  const opt = tf.train.sgd(0.05);
  const loss = ref.trainEpoch(model, loader, opt, criterion);
  opt.dispose();
  return { loss, accuracy: ref.evaluate(model, loader, criterion).accuracy };
}

export const orderedSeeded = (n: number, epoch: number, seed: number) => permutation(n, seed * 1000 + epoch + 1);

export class ZeroInit extends ref.MLP {
  constructor(inDim: number, hiddenDim = 32, pDrop = 0.2) {
    super(inDim, hiddenDim, pDrop);
    for (const p of this.parameters()) tf.tidy(() => p.assign(tf.zerosLike(p)));
  }
}

export class UnseededInit extends ref.MLP {
  constructor(inDim: number, hiddenDim = 32, pDrop = 0.2) {
    super(inDim, hiddenDim, pDrop);
    // tf.randomUniform without a seed draws from Math.random.
    for (const p of this.parameters()) tf.tidy(() => p.assign(tf.randomUniform(p.shape, -0.3, 0.3)));
  }
}

/** loadStateDict swaps the first bias for a plain tensor: fine for forward, invisible to the optimizer. */
export class ConstantBias extends ref.MLP {
  override loadStateDict(sd: StateDict): void {
    super.loadStateDict(sd);
    (this as unknown as { b1: tf.Tensor }).b1 = tf.tensor1d(sd["net.0.bias"]);
  }
}

/** Minimizes over every trainable variable (no varList), as a loop written without model.parameters() does. */
export const minimizeAll = (model: MlpModel, loader: Iterable<Batch>, optimizer: tf.Optimizer, criterion: Criterion): number => {
  let total = 0;
  let count = 0;
  for (const [xb, yb] of loader) {
    const cost = optimizer.minimize(() => criterion(yb, model.forward(xb, true)), true);
    total += cost!.dataSync()[0] * xb.shape[0];
    count += xb.shape[0];
    cost!.dispose();
  }
  return total / count;
};

export function evaluateWhere(fwdTraining: boolean, threshold: number) {
  return (model: MlpModel, loader: Iterable<Batch>, criterion: Criterion): Evaluation => {
    let total = 0, hits = 0, n = 0;
    for (const [xb, yb] of loader) {
      tf.tidy(() => {
        const z = model.forward(xb, fwdTraining);
        total += criterion(yb, z).dataSync()[0] * xb.shape[0];
        hits += tf.sum(tf.cast(tf.equal(tf.cast(tf.greater(z, threshold), "float32"), yb), "float32")).dataSync()[0];
      });
      n += xb.shape[0];
    }
    return { loss: total / n, accuracy: hits / n };
  };
}

/** Trusts tfjs to complain: assign() throws a plain Error on a shape mismatch, not a ValueError naming the key. */
export class UncheckedLoad extends ref.MLP {
  override loadStateDict(sd: StateDict): void {
    const [w1, b1, w2, b2] = this.parameters();
    tf.tidy(() => {
      w1.assign(tf.tensor2d(sd["net.0.weight"]));
      b1.assign(tf.tensor1d(sd["net.0.bias"]));
      w2.assign(tf.tensor2d(sd["net.3.weight"]));
      b2.assign(tf.tensor1d(sd["net.3.bias"]));
    });
  }
}

/** Hands back its variables instead of nested arrays. */
export class TensorState extends ref.MLP {
  override stateDict(): StateDict {
    const [w1, b1, w2, b2] = this.parameters();
    return { "net.0.weight": w1, "net.0.bias": b1, "net.3.weight": w2, "net.3.bias": b2 } as unknown as StateDict;
  }
}

export { variant, withForward, hidden, head, loaderFrom, mathRandomShuffle, sigmoidBce, averageOfBatches, leakyTrain, trainingEvaluate };
