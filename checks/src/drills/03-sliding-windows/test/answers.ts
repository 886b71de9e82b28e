/** Known-good answers to drill 03, for the checks' own tests (never imported by the checks themselves). */
import * as tf from "@tensorflow/tfjs-core";
import { ValueError } from "@drills/lib";
import type { SlidingWindows, WindowMatrix } from "../calls";

export const validateK = (n: number, k: number): void => {
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new ValueError(`k: expected an integer in [1, ${n}] (1 ≤ k ≤ n), got ${k}`);
};

/** idx[i][j] = i + j, by broadcasting a column of starts against a row of offsets; one gather. */
export const gatherAnswer: WindowMatrix = (x, k) => {
  validateK(x.size, k);
  return tf.tidy(() => {
    const starts = tf.expandDims(tf.range(0, x.size - k + 1, 1, "int32"), 1);
    const offsets = tf.expandDims(tf.range(0, k, 1, "int32"), 0);
    const windows: tf.Tensor = tf.gather(x, tf.add(starts, offsets));
    return windows as tf.Tensor2D;
  });
};

export const frameAnswer: WindowMatrix = (x, k) => {
  validateK(x.size, k);
  return tf.signal.frame(x, k, 1) as tf.Tensor2D;
};

export const viewsAnswer: SlidingWindows = (x, k) => {
  validateK(x.length, k);
  return Array.from({ length: x.length - k + 1 }, (_, i) => x.subarray(i, i + k));
};
