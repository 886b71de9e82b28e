/** A known-good answer to drill 01, for the checks' own tests (never imported by the checks themselves). */
import * as tf from "@tensorflow/tfjs-core";
import { ValueError } from "@drills/lib";
import type { Zscore } from "../calls";

export const validateZscoreInput = (x: tf.Tensor1D): void => {
  if (x.rank !== 1 || x.size === 0) throw new ValueError(`x: expected a non-empty 1-D tensor, got shape [${x.shape}]`);
};

export const referenceAnswer: Zscore = (x) => {
  validateZscoreInput(x);
  return tf.tidy(() => {
    // tf.moments is two-pass, so float32 does not cancel.
    const { mean, variance } = tf.moments(x);
    const std = tf.sqrt(variance);
    // Constant input: float32 leaves std a few ulps above 0 (seven 0.1s give 7e-9), so test the values themselves.
    const constant = tf.equal(tf.max(x), tf.min(x));
    return tf.where(constant, tf.zerosLike(x), tf.div(tf.sub(x, mean), std)) as tf.Tensor1D;
  });
};
