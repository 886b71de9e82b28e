/** Known-wrong answers to drill 03, each with the case it must fail and the message it must get. */
import * as tf from "@tensorflow/tfjs-core";
import { ValueError } from "@drills/lib";
import type { SlidingWindows, WindowMatrix } from "../calls";
import { gatherAnswer, validateK, viewsAnswer } from "./answers";

/** Windows by an index matrix with `rows` starts stepping by `step` (clamped inside x). */
const gatherWith =
  (rows: (n: number, k: number) => number, step = 1): WindowMatrix =>
  (x, k) => {
    validateK(x.size, k);
    return tf.tidy(() => {
      const r = rows(x.size, k);
      const starts = tf.expandDims(
        tf.minimum(tf.mul(tf.range(0, r, 1, "int32"), tf.scalar(step, "int32")), tf.scalar(x.size - k, "int32")),
        1,
      );
      return tf.gather(x as tf.Tensor, tf.add(starts, tf.expandDims(tf.range(0, k, 1, "int32"), 0))) as tf.Tensor2D;
    });
  };

export const wrongMatrix: Record<string, [WindowMatrix, string, RegExp]> = {
  "off by one: n − k rows": [
    gatherWith((n, k) => n - k),
    "small",
    /Expected: +\[4, 3\][\s\S]*Actual: +\[3, 3\][\s\S]*one window short/,
  ],
  "stride k instead of 1": [
    gatherWith((n, k) => n - k + 1, 3),
    "small",
    /row 1 = \[4, 5, 6\][\s\S]*windows step by k instead of 1/,
  ],
  transposed: [
    (x, k) => tf.tidy(() => tf.transpose(gatherAnswer(x, k))) as tf.Tensor2D,
    "small",
    /Actual: +\[3, 4\][\s\S]*transposed/,
  ],
  "reads values back (JS loop over dataSync)": [
    (x, k) => {
      validateK(x.size, k);
      const v = Array.from(x.dataSync());
      return tf.tensor2d(Array.from({ length: v.length - k + 1 }, (_, i) => v.slice(i, i + k)));
    },
    "tensor-ops-only",
    /dataSync\(\) ×1/,
  ],
  "leaks the index matrix (no tf.tidy)": [
    (x, k) => {
      validateK(x.size, k);
      const idx = tf.add(
        tf.expandDims(tf.range(0, x.size - k + 1, 1, "int32"), 1),
        tf.expandDims(tf.range(0, k, 1, "int32"), 0),
      );
      return tf.gather(x as tf.Tensor, idx) as tf.Tensor2D;
    },
    "hygiene",
    /tensor\(s\) leaked/,
  ],
  "disposes x": [
    (x, k) => {
      const y = gatherAnswer(x, k);
      x.dispose();
      return y;
    },
    "hygiene",
    /x was disposed/,
  ],
  "accepts k = 0": [
    (x, k) => (k === 0 ? tf.zeros([x.size + 1, 0]) : gatherAnswer(x, k)) as tf.Tensor2D,
    "rejects-k-zero",
    /k = 0 should be rejected[\s\S]*returned normally/,
  ],
  "accepts a fractional k": [
    (x, k) => {
      if (k < 1 || k > x.size) throw new ValueError(`k: expected 1 ≤ k ≤ ${x.size}, got ${k}`);
      return gatherAnswer(x, Math.floor(k));
    },
    "rejects-k-fraction",
    /k = 2\.5 should be rejected/,
  ],
  "message does not name the range": [
    (x, k) => {
      if (!Number.isInteger(k) || k < 1 || k > x.size) throw new ValueError("k is invalid");
      return gatherAnswer(x, k);
    },
    "rejects-k-over-n",
    /a ValueError message naming "k" and "6"/,
  ],
  "returns a flat 1-D tensor": [
    (x, k) => tf.tidy(() => tf.reshape(gatherAnswer(x, k), [-1])) as unknown as tf.Tensor2D,
    "small",
    /should return shape \[any, any\][\s\S]*Actual: +\[12\]/,
  ],
  "returns a typed-array answer (the views)": [
    ((x: Float64Array, k: number) => viewsAnswer(x, k)) as unknown as WindowMatrix,
    "small",
    /should return a tf\.Tensor[\s\S]*Expected: +a tf\.Tensor2D of shape \[n − k \+ 1, k\][\s\S]*Hint: windowMatrix takes a tf\.Tensor1D/,
  ],
  "float32 indices for gather": [
    (x, k) => {
      validateK(x.size, k);
      return tf.tidy(() =>
        tf.gather(
          x as tf.Tensor,
          tf.add(tf.expandDims(tf.range(0, x.size - k + 1), 1), tf.expandDims(tf.range(0, k), 0)),
        ),
      ) as tf.Tensor2D;
    },
    "small",
    /must be int32[\s\S]*Hint: tf\.gather takes int32 indices/,
  ],
};

const rows = (n: number, make: (i: number) => Float64Array) =>
  Array.from({ length: Math.max(0, n) }, (_, i) => make(i));

export const wrongViews: Record<string, [SlidingWindows, string, RegExp]> = {
  "copies with slice()": [
    (x, k) => (validateK(x.length, k), rows(x.length - k + 1, (i) => x.slice(i, i + k))),
    "views-shared",
    /should be a view on x's buffer, not a copy[\s\S]*row 0 has its own memory/,
  ],
  "ignores x's byteOffset": [
    (x, k) => (validateK(x.length, k), rows(x.length - k + 1, (i) => new Float64Array(x.buffer, 8 * i, k))),
    "views-offset",
    /row 0 = \[0, 0, 0, 103\][\s\S]*counted from the start of x\.buffer/,
  ],
  "off by one: n − k rows": [
    (x, k) => (validateK(x.length, k), rows(x.length - k, (i) => x.subarray(i, i + k))),
    "views-values",
    /Expected: +n − k \+ 1 = 4 rows[\s\S]*Actual: +3 rows[\s\S]*one window short/,
  ],
  "returns plain arrays": [
    (x, k) => (
      validateK(x.length, k),
      rows(x.length - k + 1, (i) => Array.from(x.subarray(i, i + k)) as unknown as Float64Array)
    ),
    "views-values",
    /every row should be a Float64Array[\s\S]*row 0 is a Array/,
  ],
  "writes into x": [
    (x, k) => {
      x[0] = 0;
      return viewsAnswer(x, k);
    },
    "views-values",
    /x should not change/,
  ],
  "accepts k > n": [
    (x, k) => rows(x.length - k + 1, (i) => x.subarray(i, i + k)),
    "views-rejects-k",
    /returned normally/,
  ],
  "returns undefined": [
    (() => undefined) as unknown as SlidingWindows,
    "views-shared",
    /should return an array of rows[\s\S]*Actual: +undefined/,
  ],
};
