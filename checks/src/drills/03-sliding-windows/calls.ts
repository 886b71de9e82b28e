/**
 * Drill 03's kernel half: each call runs the candidate's code on one input and describes what happened as plain data
 * — the tfjs part's windows as float32 values plus shape, the views part's rows as copies plus the layout facts only
 * this process can see (same buffer, byteOffset, a write to x showing through). No oracle here.
 */
import * as tf from "@tensorflow/tfjs-core";
import { call } from "../../assert";
import { fail } from "../../failure";
import { fmt } from "../../format";
import { thrown, type Calls } from "../../outcome";
import { countLeaks, countReads, expectTensor } from "../../tensors";

/** Core: the (n − k + 1, k) matrix of windows, built with tensor ops. */
export type WindowMatrix = (x: tf.Tensor1D, k: number) => tf.Tensor2D;
/** Stretch: the same windows as zero-copy Float64Array views on x. */
export type SlidingWindows = (x: Float64Array, k: number) => Float64Array[];

export interface Matrix {
  values: Float32Array;
  shape: number[];
}

const VIEWS_HINT =
  "windowMatrix takes a tf.Tensor1D and returns a tf.Tensor2D; the Float64Array views are the stretch part, slidingWindows.";
const EXPECTED = "a tf.Tensor2D of shape [n − k + 1, k]";

/** Hints for errors that name their own cause: the two a tfjs window matrix most often throws. */
function throwHint(e: unknown): string | undefined {
  const m = e instanceof Error ? e.message : String(e);
  if (/indices.*int32/i.test(m))
    return 'tf.gather takes int32 indices: build them with tf.range(start, stop, 1, "int32").';
  if (/subarray is not a function/.test(m)) return VIEWS_HINT;
  return undefined;
}

/** Runs windowMatrix; a throw becomes the usual "should run without throwing" failure, with its cause's hint. */
function run(impl: WindowMatrix, t: tf.Tensor1D, k: number): tf.Tensor2D {
  const label = `windowMatrix(x, ${k})`;
  try {
    return impl(t, k);
  } catch (e) {
    return call(
      label,
      () => {
        throw e;
      },
      { hint: throwHint(e) },
    );
  }
}

/** The result must be a tensor; an array (of typed arrays, say) gets the hint that those are the stretch part. */
function tensorOf(r: unknown, label: string): tf.Tensor {
  if (r instanceof tf.Tensor) return r;
  return fail({
    what: `${label} should return a tf.Tensor2D`,
    expected: EXPECTED,
    actual: fmt(r),
    hint: Array.isArray(r) ? VIEWS_HINT : undefined,
  });
}

function matrix(impl: WindowMatrix, x: number[], k: number): Matrix {
  const t = tf.tensor1d(x);
  const label = `windowMatrix(x, ${k})`;
  try {
    const y = expectTensor(tensorOf(run(impl, t, k), label), [null, null], label);
    const out = { values: Float32Array.from(y.dataSync()), shape: [...y.shape] };
    if (y !== t) y.dispose();
    return out;
  } finally {
    t.dispose();
  }
}

/** What a row is, in this kernel's memory: whether it shares x's buffer and where it starts. */
export interface RowLayout {
  type: string;
  length: number;
  sameBuffer: boolean;
  byteOffset: number;
}

export interface Views {
  /** Copies of what each row held (a plain-array row is copied too, so its values can still be judged). */
  rows: Float64Array[];
  layout: RowLayout[];
  xByteOffset: number;
  /** A write to x[j] and whether row i saw it at [j − i], for every row covering j (measured here, then undone). */
  probes: { j: number; i: number; seen: boolean }[];
  /** x after the call, before the probes: a candidate that writes into x shows here. */
  xAfter: Float64Array;
}

/** x as a view `offset` elements into a buffer with a guard element after it. */
function placed(values: number[], offset: number): Float64Array {
  const buf = new Float64Array(offset + values.length + 1);
  buf.set(values, offset);
  return buf.subarray(offset, offset + values.length);
}

function views(impl: SlidingWindows, values: number[], k: number, offset = 0): Views {
  const x = placed(values, offset);
  const rows: unknown = call(`slidingWindows(x, ${k})`, () => impl(x, k));
  if (!Array.isArray(rows))
    fail({ what: "slidingWindows should return an array of rows", expected: "Float64Array[]", actual: fmt(rows) });
  const xAfter = Float64Array.from(x);
  const list = rows as unknown[];
  const arrayLike = (r: unknown): r is ArrayLike<number> => ArrayBuffer.isView(r) || Array.isArray(r);
  const layout = list.map((r): RowLayout => {
    const view = ArrayBuffer.isView(r) ? (r as Float64Array) : undefined;
    return {
      type: r === null || r === undefined ? String(r) : ((r as object).constructor?.name ?? typeof r),
      length: arrayLike(r) ? r.length : -1,
      sameBuffer: view !== undefined && view.buffer === x.buffer,
      byteOffset: view ? view.byteOffset : -1,
    };
  });
  const copies = list.map((r) =>
    arrayLike(r) ? Float64Array.from(Array.from(r as ArrayLike<number>, Number)) : new Float64Array(),
  );
  const probes: Views["probes"] = [];
  const saved = Float64Array.from(x);
  try {
    for (const j of new Set([0, x.length >> 1, x.length - 1])) {
      const sentinel = -9876.5 - j;
      x[j] = sentinel;
      for (let i = Math.max(0, j - k + 1); i <= Math.min(j, list.length - 1); i++) {
        const r = list[i];
        probes.push({ j, i, seen: arrayLike(r) && r[j - i] === sentinel });
      }
      x[j] = saved[j];
    }
  } finally {
    x.set(saved);
  }
  return { rows: copies, layout, xByteOffset: x.byteOffset, probes, xAfter };
}

export const calls: Calls = {
  matrix: (impl: WindowMatrix, { x, k }: { x: number[]; k: number }) => matrix(impl, x, k),
  matrices: (impl: WindowMatrix, { cases }: { cases: { x: number[]; k: number }[] }) =>
    cases.map((c) => matrix(impl, c.x, c.k)),
  /** Reads of tensor values into JS while windowMatrix runs (measured inside the kernel). */
  reads: (impl: WindowMatrix, { x, k }: { x: number[]; k: number }) => {
    const t = tf.tensor1d(x);
    try {
      const { result, reads } = countReads(`windowMatrix(x, ${k})`, () => tf.tidy(() => run(impl, t, k)));
      if (result instanceof tf.Tensor) result.dispose();
      return { reads };
    } finally {
      t.dispose();
    }
  },
  /** Leaked tensors, and whether x survived untouched (measured inside the kernel). */
  hygiene: (impl: WindowMatrix, { x, k }: { x: number[]; k: number }) => {
    const t = tf.tensor1d(x);
    try {
      const { result, leaked } = countLeaks(`windowMatrix(x, ${k})`, () => run(impl, t, k));
      const y = expectTensor(tensorOf(result, `windowMatrix(x, ${k})`), [null, null], `windowMatrix(x, ${k})`);
      if (y !== t) y.dispose();
      return { leaked, disposed: t.isDisposed, after: t.isDisposed ? null : Float32Array.from(t.dataSync()) };
    } finally {
      t.dispose();
    }
  },
  rejects: (impl: WindowMatrix, { x, k }: { x: number[]; k: number }) => {
    const t = tf.tensor1d(x);
    try {
      return { threw: thrown(() => impl(t, k)) };
    } finally {
      t.dispose();
    }
  },
  views: (impl: SlidingWindows, { x, k, offset }: { x: number[]; k: number; offset?: number }) =>
    views(impl, x, k, offset ?? 0),
  viewsMany: (impl: SlidingWindows, { cases }: { cases: { x: number[]; k: number; offset: number }[] }) =>
    cases.map((c) => views(impl, c.x, c.k, c.offset)),
  viewsRejects: (impl: SlidingWindows, { x, k }: { x: number[]; k: number }) => ({
    threw: thrown(() => impl(Float64Array.from(x), k)),
  }),
};
