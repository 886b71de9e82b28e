/**
 * Drill 06's catalogue of known-wrong answers: each a realistic mistake, the case (by id) that must reject it, and
 * the message that case must give. checks.spec.ts asserts every entry; keep it in step with the cases' wording.
 */
import * as tf from "@tensorflow/tfjs-core";
import { permutation } from "@drills/lib";
import type { Batch, Criterion, Evaluation, MakeLoader, MlpLoops, MlpModel } from "../types";
import { bceWithLogits, evaluate, makeLoader, trainEpoch } from "./answers";

type Params = { parameters(): tf.Variable[] };
const loops = (o: Partial<MlpLoops>): MlpLoops => ({ trainEpoch, evaluate, ...o });

/** A trainEpoch built from a per-batch body that returns the loss to add (times the batch size) or undefined. */
function trainWith(
  body: (model: MlpModel, xb: tf.Tensor2D, yb: tf.Tensor1D, optimizer: tf.Optimizer, criterion: Criterion) => number,
  finish = (total: number, count: number, losses: number[]) => total / count,
): MlpLoops["trainEpoch"] {
  return (model, loader, optimizer, criterion) => {
    let total = 0;
    let count = 0;
    const losses: number[] = [];
    for (const [xb, yb] of loader) {
      const l = body(model, xb, yb, optimizer, criterion);
      losses.push(l);
      total += l * xb.shape[0];
      count += xb.shape[0];
    }
    return finish(total, count, losses);
  };
}

const step = (
  model: MlpModel,
  xb: tf.Tensor2D,
  yb: tf.Tensor1D,
  optimizer: tf.Optimizer,
  criterion: Criterion,
): number => {
  const cost = optimizer.minimize(
    () => criterion(yb, model.forward(xb, true)),
    true,
    (model as unknown as Params).parameters(),
  )!;
  const v = cost.dataSync()[0];
  cost.dispose();
  return v;
};

/** The loss without a step: a "training" loop that forgot minimize. */
const noStep = (model: MlpModel, xb: tf.Tensor2D, yb: tf.Tensor1D, _o: tf.Optimizer, criterion: Criterion) =>
  tf.tidy(() => criterion(yb, model.forward(xb, true)).dataSync()[0]);

/** Steps, then reports the loss of the updated model. */
const lossAfterStep = (
  model: MlpModel,
  xb: tf.Tensor2D,
  yb: tf.Tensor1D,
  optimizer: tf.Optimizer,
  criterion: Criterion,
) => {
  step(model, xb, yb, optimizer, criterion);
  return noStep(model, xb, yb, optimizer, criterion);
};

/** A running total kept across epochs (declared outside the function). */
let carried = 0;
const carryTrain: MlpLoops["trainEpoch"] = (model, loader, optimizer, criterion) => {
  let count = 0;
  for (const [xb, yb] of loader) {
    carried += step(model, xb, yb, optimizer, criterion) * xb.shape[0];
    count += xb.shape[0];
  }
  return carried / count;
};

function evaluateWhere(training: boolean, threshold: number, divide = true) {
  return (model: MlpModel, loader: Iterable<Batch>, criterion: Criterion): Evaluation => {
    let total = 0,
      hits = 0,
      n = 0;
    for (const [xb, yb] of loader) {
      tf.tidy(() => {
        const z = model.forward(xb, training);
        total += criterion(yb, z).dataSync()[0] * xb.shape[0];
        hits += tf.sum(tf.cast(tf.equal(tf.cast(tf.greater(z, threshold), "float32"), yb), "float32")).dataSync()[0];
      });
      n += xb.shape[0];
    }
    return { loss: total / n, accuracy: divide ? hits / n : hits };
  };
}

/** evaluate's batch means averaged without weights. */
const unweightedEvaluate = (model: MlpModel, loader: Iterable<Batch>, criterion: Criterion): Evaluation => {
  const losses: number[] = [];
  let hits = 0,
    n = 0;
  for (const [xb, yb] of loader) {
    tf.tidy(() => {
      const z = model.forward(xb, false);
      losses.push(criterion(yb, z).dataSync()[0]);
      hits += tf.sum(tf.cast(tf.equal(tf.cast(tf.greater(z, 0), "float32"), yb), "float32")).dataSync()[0];
    });
    n += xb.shape[0];
  }
  return { loss: losses.reduce((a, b) => a + b, 0) / losses.length, accuracy: hits / n };
};

/** Copied from trainEpoch "to reuse the loop": it still steps an optimizer. */
function trainingEvaluate(model: MlpModel, loader: Iterable<Batch>, criterion: Criterion): Evaluation {
  const opt = tf.train.sgd(0.05);
  const loss = trainEpoch(model, loader, opt, criterion);
  opt.dispose();
  return { loss, accuracy: evaluate(model, loader, criterion).accuracy };
}

const leaky = (model: MlpModel, xb: tf.Tensor2D, yb: tf.Tensor1D, optimizer: tf.Optimizer, criterion: Criterion) =>
  optimizer
    .minimize(() => criterion(yb, model.forward(xb, true)), true, (model as unknown as Params).parameters())!
    .dataSync()[0]; // the cost is never disposed

const mathRandom = (n: number) => {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
};

/** A loader built from a per-epoch order function; `dropLast` drops the short batch, `leak` never disposes. */
function loaderFrom(
  order: (n: number, epoch: number, seed: number) => number[],
  dropLast = false,
  leak = false,
  pairing = true,
): MakeLoader {
  return (X, y, { batchSize, shuffle, seed = 0 }) => {
    if (!(batchSize >= 1)) throw new RangeError("bad batch size");
    let epoch = 0;
    return {
      *[Symbol.iterator]() {
        const idx = shuffle ? order(X.shape[0], epoch++, seed) : Array.from({ length: X.shape[0] }, (_, i) => i);
        const end = dropLast ? idx.length - (idx.length % batchSize) : idx.length;
        for (let s = 0; s < end; s += batchSize) {
          const t = tf.tensor1d(idx.slice(s, s + batchSize), "int32");
          const u = tf.tensor1d(pairing ? idx.slice(s, s + batchSize) : idx.slice(s, s + batchSize).reverse(), "int32");
          const batch: Batch = [tf.gather(X, t), tf.gather(y, u)];
          tf.dispose([t, u]);
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
const seeded = (n: number, epoch: number, seed: number) => permutation(n, seed * 1000 + epoch + 1);

const sigmoidBce =
  (clip: number): Criterion =>
  (labels, logits) =>
    tf.tidy(() => {
      const p = tf.clipByValue(tf.sigmoid(logits), clip, 1 - clip);
      const ll = tf.add(tf.mul(labels, tf.log(p)), tf.mul(tf.sub(1, labels), tf.log(tf.sub(1, p))));
      return tf.neg(tf.mean(ll)) as tf.Scalar;
    });

/** Picks the log-probability by branching on y == 1: right for hard labels, wrong for soft ones. */
const hardLabelBce: Criterion = (labels, logits) =>
  tf.tidy(() => {
    const pos = tf.add(tf.relu(tf.neg(logits)), tf.log1p(tf.exp(tf.neg(tf.abs(logits))))); // −log σ(z)
    const neg = tf.add(pos, logits); // −log(1 − σ(z))
    return tf.mean(tf.where(tf.equal(labels, 1), pos, neg)) as tf.Scalar;
  });

export const loopsWrong: Record<string, [MlpLoops, string, RegExp]> = {
  "no optimizer step": [
    loops({ trainEpoch: trainWith(noStep) }),
    "sgd-step",
    /did not change[\s\S]*no optimizer step was taken/,
  ],
  "no optimizer step (seen while learning)": [
    loops({ trainEpoch: trainWith(noStep) }),
    "learns",
    /the weights never changed/,
  ],
  "reports the loss after the step": [
    loops({ trainEpoch: trainWith(lossAfterStep) }),
    "sgd-step",
    /step is right: the returned loss is off/,
  ],
  "average loss not weighted by batch size": [
    loops({ trainEpoch: trainWith(step, (_t, _c, l) => l.reduce((a, b) => a + b, 0) / l.length) }),
    "epoch",
    /plain mean of the batch losses/,
  ],
  "returns the last batch's loss": [
    loops({ trainEpoch: trainWith(step, (_t, _c, l) => l[l.length - 1]) }),
    "epoch",
    /last batch's loss alone/,
  ],
  "returns the sum over rows": [loops({ trainEpoch: trainWith(step, (t) => t) }), "epoch", /sum over rows/],
  "total carried across epochs": [loops({ trainEpoch: carryTrain }), "sgd-oracle", /accumulate across epochs/],
  "total carried across calls (seen in one epoch)": [
    loops({ trainEpoch: carryTrain }),
    "epoch",
    /steps are right: the returned loss is off[\s\S]*restart at 0 on every call/,
  ],
  "leaks the cost tensor every batch": [loops({ trainEpoch: trainWith(leaky) }), "no-leaks", /\+6 per epoch/],
  "trainEpoch returns the loss tensor": [
    loops({ trainEpoch: () => tf.scalar(0.5) as unknown as number }),
    "sgd-step",
    /should return a number[\s\S]*Tensor/,
  ],
  "async trainEpoch": [
    loops({
      trainEpoch: (async (...a: Parameters<MlpLoops["trainEpoch"]>) =>
        trainEpoch(...a)) as unknown as MlpLoops["trainEpoch"],
    }),
    "epoch",
    /should return a number synchronously/,
  ],
  "evaluate() steps an optimizer": [
    loops({ evaluate: trainingEvaluate }),
    "evaluate-frozen",
    /should not change the weights[\s\S]*net\.0\.weight, net\.0\.bias, net\.3\.weight, net\.3\.bias changed/,
  ],
  "evaluate() with dropout on": [
    loops({ evaluate: evaluateWhere(true, 0) }),
    "evaluate",
    /dropout is on during evaluation/,
  ],
  "accuracy thresholds logits at 0.5": [loops({ evaluate: evaluateWhere(false, 0.5) }), "evaluate", /logit > 0\.5/],
  "accuracy as a count": [loops({ evaluate: evaluateWhere(false, 0, false) }), "evaluate", /count of correct rows/],
  "evaluate loss not weighted by batch size": [
    loops({ evaluate: unweightedEvaluate }),
    "evaluate",
    /plain mean of the batch losses/,
  ],
  // Hostile values: a getter that throws, a forged report object; each only costs the case that reads it.
  "evaluate returns an object whose getter throws": [
    loops({
      evaluate: () => ({
        get loss(): number {
          throw new Error("boom");
        },
        accuracy: 1,
      }),
    }),
    "evaluate",
    /should run without throwing[\s\S]*boom/,
  ],
  "trainEpoch returns a string": [
    loops({ trainEpoch: () => "0.69" as unknown as number }),
    "epoch",
    /should return a number[\s\S]*string/,
  ],
  "evaluate returns a bare number": [
    loops({ evaluate: (...a: Parameters<MlpLoops["evaluate"]>) => evaluate(...a).loss as never }),
    "evaluate",
    /should return \{loss, accuracy\}/,
  ],
};

export const loaderWrong: Record<string, [MakeLoader, string, RegExp]> = {
  "unseeded shuffling": [loaderFrom((n) => mathRandom(n)), "loader-seeds", /two loaders with seed 5/],
  "the same shuffle every epoch": [loaderFrom((n, _e, seed) => seeded(n, 0, seed)), "loader-seeds", /new shuffle/],
  "drops the short last batch": [loaderFrom(seeded, true), "loader-coverage", /should come as 4, 4, 2/],
  "x and y gathered with different indices": [
    loaderFrom(seeded, false, false, false),
    "loader-coverage",
    /stay paired/,
  ],
  "never frees its batches": [loaderFrom(seeded, false, true), "loader-frees", /6 and 6 tensor\(s\) left/],
  "no validation (a RangeError)": [loaderFrom(seeded), "loader-rejects", /it threw RangeError/],
  "returns a plain object": [
    ((X: tf.Tensor2D, y: tf.Tensor1D) => ({ X, y })) as unknown as MakeLoader,
    "loader-coverage",
    /should return an iterable/,
  ],
};

export const bceWrong: Record<string, [Criterion, string, RegExp]> = {
  "sigmoid + BCE (log of a saturated sigmoid)": [sigmoidBce(0), "bce-extreme", /NaN[\s\S]*overflows/],
  "sigmoid + BCE with clipped probabilities": [sigmoidBce(1e-7), "bce-extreme", /clipping the probability/],
  "clipped probabilities (seen in the gradient)": [sigmoidBce(1e-7), "bce-grad", /zero gradient/],
  "arguments swapped": [(labels, logits) => bceWithLogits(logits, labels), "bce-mild", /arguments are swapped/],
  "branches on y == 1 (soft labels)": [hardLabelBce, "bce-soft", /soft targets/],
  "sum instead of mean": [
    (labels, logits) => tf.tidy(() => tf.mul(bceWithLogits(labels, logits), labels.size) as tf.Scalar),
    "bce-property",
    /smallest of/,
  ],
  "returns a number": [
    ((labels: tf.Tensor, logits: tf.Tensor) => bceWithLogits(labels, logits).dataSync()[0]) as unknown as Criterion,
    "bce-mild",
    /should return a tf\.Tensor/,
  ],
};

export { makeLoader };
