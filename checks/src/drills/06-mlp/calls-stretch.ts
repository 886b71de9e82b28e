/**
 * Kernel half of drill 06's stretch parts: the candidate's makeLoader iterated over id-labelled rows (which rows
 * each batch holds, and the tensors left after each epoch), and the candidate's bceWithLogits with its gradient.
 * Plain data out; judged outside.
 */
import * as tf from "@tensorflow/tfjs-core";
import { call } from "../../assert";
import { fail } from "../../failure";
import { fmt } from "../../format";
import { thrown, type Calls } from "../../outcome";
import { expectTensor } from "../../tensors";
import { session } from "./harness";
import type { Batch, Criterion, LoaderOptions, MakeLoader } from "./types";

export interface LoaderRun {
  opts: LoaderOptions;
  epochs: number;
}

/** Rows [i, −i] with label i: a batch's row ids are readable from either tensor, so pairing is checkable. */
function idLoader(makeLoader: MakeLoader, n: number, opts: LoaderOptions): Iterable<Batch> {
  const X = tf.tensor2d(Array.from({ length: n }, (_, i) => [i, -i]));
  const y = tf.tensor1d(Array.from({ length: n }, (_, i) => i));
  const label = `makeLoader(X, y, ${JSON.stringify(opts)})`;
  const loader = call(label, () => makeLoader(X, y, opts));
  if (typeof (loader as unknown as Record<symbol, unknown>)?.[Symbol.iterator] !== "function") {
    const actual =
      typeof loader === "object" && loader !== null
        ? `an object with keys ${Object.keys(loader).join(", ") || "(none)"} and no [Symbol.iterator]`
        : fmt(loader);
    fail({
      what: `${label} should return an iterable of [xb, yb] batches`,
      expected: "an object with [Symbol.iterator] (a generator, or an object whose [Symbol.iterator] is one)",
      actual,
    });
  }
  return loader;
}

/** One epoch: each batch's ids from y and from x's first column. */
function epoch(loader: Iterable<Batch>): { ys: number[][]; xs: number[][] } {
  const ys: number[][] = [];
  const xs: number[][] = [];
  // Inside `call`, so an error thrown by the candidate's generator is reported; shape failures pass through.
  call("iterating the loader", () => {
    for (const batch of loader) {
      const [xb, yb] = Array.isArray(batch) ? batch : [];
      if (
        !(xb instanceof tf.Tensor) ||
        !(yb instanceof tf.Tensor) ||
        xb.rank !== 2 ||
        yb.rank !== 1 ||
        xb.shape[0] !== yb.shape[0]
      ) {
        fail({
          what: "each batch should be [xb, yb]: a 2-D and a 1-D tensor with the same number of rows",
          expected: "[Tensor [b, 2], Tensor [b]]",
          actual: fmt(batch),
        });
      }
      ys.push(Array.from(yb.dataSync()));
      xs.push(Array.from(xb.dataSync()).filter((_, i) => i % 2 === 0));
    }
  });
  return { ys, xs };
}

export const stretchCalls: Calls = {
  /** Each run: a new loader with its options, iterated `epochs` times; tensors left after each epoch. */
  loader: (makeLoader: MakeLoader, { n, runs }: { n: number; runs: LoaderRun[] }) =>
    session(() =>
      runs.map(({ opts, epochs }) => {
        const loader = idLoader(makeLoader, n, opts);
        const out: { ys: number[][]; xs: number[][]; left: number }[] = [];
        for (let e = 0; e < epochs; e++) {
          const before = tf.memory().numTensors;
          const ids = epoch(loader);
          out.push({ ...ids, left: tf.memory().numTensors - before });
        }
        return out;
      }),
    ),
  loaderRejects: (makeLoader: MakeLoader, { n, opts }: { n: number; opts: LoaderOptions }) =>
    session(() => ({
      threw: thrown(() => makeLoader(tf.zeros([n, 3]) as tf.Tensor2D, tf.zeros([n]) as tf.Tensor1D, opts)),
    })),
  /** The loss (a scalar) and its gradient with respect to the logits, for each pair. */
  bce: (bce: Criterion, { pairs }: { pairs: { labels: number[]; logits: number[] }[] }) =>
    session(() =>
      pairs.map(({ labels, logits }) => {
        const y = tf.tensor1d(labels);
        const z = tf.tensor1d(logits);
        const label = "bceWithLogits(labels, logits)";
        const loss = expectTensor(
          call(label, () => bce(y, z)),
          [],
          label,
        );
        const grad = expectTensor(
          call(`tf.grad of ${label}`, () => tf.grad((t: tf.Tensor) => bce(y, t))(z)),
          [logits.length],
          `the gradient of ${label}`,
        );
        return { loss: loss.dataSync()[0], grad: Float32Array.from(grad.dataSync()) };
      }),
    ),
};
