/**
 * For the drill's specs: the reference answer and its known-wrong variants, built from one parameterised
 * implementation so each variant differs from the reference in exactly the one slip it names.
 */
import * as tf from "@tensorflow/tfjs-core";
import { ValueError } from "@drills/lib";
import type { FitOptions, Logreg } from "../calls";

export interface Slips {
  sigmoid?: "stable" | "exp-ratio" | "tf";
  /** "probs": −mean(y log p + (1 − y) log(1 − p)) from an unstable σ; "clipped": p clipped to [1e-7, 1 − 1e-7]. */
  lossFrom?: "logits" | "probs" | "clipped";
  /** Coefficient of ‖w‖² in the loss (reference 1/2) and of w in the gradient (reference 1). */
  l2Loss?: number;
  l2Grad?: number;
  sumLoss?: boolean;
  stepSign?: 1 | -1;
  divideByN?: boolean;
  earlyStop?: boolean;
  /** "reversed": stops when current − previous < tol (true at once while the loss falls). */
  stopCompare?: "right" | "reversed";
  ignoreEpochs?: boolean;
  tidyEpoch?: boolean;
  validate?: boolean;
  disposesW?: boolean;
  disposesX?: boolean;
  lossTensor?: boolean;
  keepDims?: boolean;
}

export function answer(s: Slips = {}): Logreg {
  const o = {
    sigmoid: "stable",
    lossFrom: "logits",
    l2Loss: 0.5,
    l2Grad: 1,
    stepSign: 1,
    divideByN: true,
    earlyStop: true,
    tidyEpoch: true,
    validate: true,
    ...s,
  };
  const check = (X: tf.Tensor2D, w?: tf.Tensor1D, y?: tf.Tensor1D) => {
    if (!o.validate) return;
    if (X.rank !== 2) throw new ValueError(`X: expected a 2-D tensor, got shape [${X.shape}]`);
    if (w && (w.rank !== 1 || w.size !== X.shape[1]))
      throw new ValueError(`w: expected ${X.shape[1]} weights (one per column of X), got shape [${w.shape}]`);
    if (y && (y.rank !== 1 || y.size !== X.shape[0]))
      throw new ValueError(`y: expected ${X.shape[0]} labels (one per row of X), got shape [${y.shape}]`);
  };
  const sigmoid = (z: tf.Tensor): tf.Tensor =>
    tf.tidy(() => {
      if (o.sigmoid === "tf") return tf.sigmoid(z);
      if (o.sigmoid === "exp-ratio") return tf.div(tf.exp(z), tf.add(1, tf.exp(z)));
      // Only e^−|z| is ever formed, so nothing overflows: σ(z) = 1/(1 + e^−z) for z ≥ 0, e^z/(1 + e^z) below.
      const e = tf.exp(tf.neg(tf.abs(z)));
      return tf.where(tf.greaterEqual(z, 0), tf.div(1, tf.add(1, e)), tf.div(e, tf.add(1, e)));
    });
  const logits = (X: tf.Tensor2D, w: tf.Tensor1D) => tf.squeeze(tf.matMul(X, tf.expandDims(w, 1)), [1]) as tf.Tensor1D;
  const lossTensor = (X: tf.Tensor2D, y: tf.Tensor1D, w: tf.Tensor1D, lambda: number): tf.Scalar =>
    tf.tidy(() => {
      const z = logits(X, w);
      let per: tf.Tensor;
      if (o.lossFrom === "logits") {
        // −[y log σ(z) + (1 − y) log(1 − σ(z))] = softplus(z) − y·z, softplus(z) = relu(z) + log1p(e^−|z|).
        per = tf.sub(tf.add(tf.relu(z), tf.log1p(tf.exp(tf.neg(tf.abs(z))))), tf.mul(y, z));
      } else {
        let p = tf.div(1, tf.add(1, tf.exp(tf.neg(z))));
        if (o.lossFrom === "clipped") p = tf.clipByValue(p, 1e-7, 1 - 1e-7);
        per = tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p)))));
      }
      const data = o.sumLoss ? tf.sum(per) : tf.mean(per);
      return tf.add(data, tf.mul(o.l2Loss * lambda, tf.sum(tf.square(w)))) as tf.Scalar;
    });
  const impl: Logreg = {
    sigmoid,
    predictProba(X, w) {
      check(X, w);
      const p = tf.tidy(() => {
        const out = sigmoid(logits(X, w));
        return o.keepDims ? tf.expandDims(out, 1) : out;
      }) as tf.Tensor1D;
      if (o.disposesW) w.dispose();
      return p;
    },
    loss(X, y, w, lambda = 0) {
      check(X, w, y);
      const t = lossTensor(X, y, w, lambda);
      if (o.lossTensor) return t as unknown as number;
      const v = t.dataSync()[0];
      t.dispose();
      return v;
    },
    fitLogreg(X, y, { lr = 0.1, epochs = 1000, lambda = 0, tol = 1e-6 }: FitOptions = {}) {
      check(X, undefined, y);
      const n = o.divideByN ? X.shape[0] : 1;
      const step = (w: tf.Tensor1D) => {
        const r = tf.sub(sigmoid(logits(X, w)), y);
        const grad = tf.add(
          tf.div(tf.squeeze(tf.matMul(X, tf.expandDims(r, 1), true), [1]), n),
          tf.mul(o.l2Grad * lambda, w),
        );
        return tf.sub(w, tf.mul(o.stepSign * lr, grad)) as tf.Tensor1D;
      };
      let w: tf.Tensor1D = tf.zeros([X.shape[1]]);
      let prev = impl.loss(X, y, w, lambda);
      for (let e = 0; o.ignoreEpochs || e < epochs; e++) {
        const next = o.tidyEpoch ? tf.tidy(() => step(w)) : step(w);
        if (o.tidyEpoch) w.dispose();
        w = next;
        const cur = impl.loss(X, y, w, lambda);
        if (o.earlyStop && (o.stopCompare === "reversed" ? cur - prev : prev - cur) < tol) break;
        if (o.ignoreEpochs && e > 10000) break;
        prev = cur;
      }
      if (o.disposesX) X.dispose();
      return w;
    },
  };
  return impl;
}
