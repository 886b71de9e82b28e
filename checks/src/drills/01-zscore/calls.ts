/**
 * Drill 01's kernel half: each call runs the candidate's zscore on an input and describes what happened as plain
 * data. No oracle here — the grader judges the data in its own process.
 */
import * as tf from "@tensorflow/tfjs-core";
import { call } from "../../assert";
import { countLeaks, countReads, expectTensor } from "../../tensors";
import { thrown, type Calls } from "../../outcome";

export type Zscore = (x: tf.Tensor1D) => tf.Tensor1D;

/** Runs zscore on data; returns the output values (float32) and the backend that computed them. */
function output(impl: Zscore, x: ArrayLike<number>): Float32Array {
  const t = tf.tensor1d(Array.from(x));
  try {
    const y = expectTensor(
      call("zscore(x)", () => impl(t)),
      [t.shape[0]],
      "zscore(x)",
    );
    const out = Float32Array.from(y.dataSync());
    if (y !== t) y.dispose();
    return out;
  } finally {
    t.dispose();
  }
}

export const calls: Calls<Zscore> = {
  output: (impl, { x }: { x: number[] }) => ({ values: output(impl, x), backend: tf.getBackend() }),
  outputs: (impl, { xs }: { xs: number[][] }) => ({ values: xs.map((x) => output(impl, x)), backend: tf.getBackend() }),
  /** Reads of tensor values into JS while zscore runs (measured inside the kernel). */
  reads: (impl, { x }: { x: number[] }) => {
    const t = tf.tensor1d(x);
    try {
      const { result, reads } = countReads("zscore(x)", () => tf.tidy(() => impl(t)));
      if (result instanceof tf.Tensor) result.dispose();
      return { reads };
    } finally {
      t.dispose();
    }
  },
  /** Leaked tensors, and whether the input survived untouched (measured inside the kernel). */
  hygiene: (impl, { x }: { x: number[] }) => {
    const t = tf.tensor1d(x);
    try {
      const { result, leaked } = countLeaks("zscore(x)", () => impl(t));
      const y = expectTensor(result, [x.length], "zscore(x)");
      if (y !== t) y.dispose();
      return { leaked, disposed: t.isDisposed, after: t.isDisposed ? null : Float32Array.from(t.dataSync()) };
    } finally {
      t.dispose();
    }
  },
  rejects: (impl, { values, shape }: { values: number[]; shape: number[] }) => {
    const t = tf.tensor(values, shape);
    try {
      return { threw: thrown(() => impl(t as tf.Tensor1D)) };
    } finally {
      t.dispose();
    }
  },
};
