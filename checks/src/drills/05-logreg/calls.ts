/**
 * Drill 05's kernel half: each call builds tensors from plain arrays, runs the candidate's code, disposes every
 * tensor it made, and returns plain data — values read back as Float32Array, what was thrown, and the counts only
 * the kernel can see (tensors leaked, kernels run, inputs disposed). No oracle: the grader judges outside.
 */
import * as tf from "@tensorflow/tfjs-core";
import { call, ok } from "../../assert";
import { fmt } from "../../format";
import { thrown, type Calls } from "../../outcome";
import { countLeaks, expectTensor, isTensor } from "../../tensors";

export interface FitOptions {
  lr?: number;
  epochs?: number;
  lambda?: number;
  tol?: number;
}
export interface Logreg {
  sigmoid: (z: tf.Tensor) => tf.Tensor;
  predictProba: (X: tf.Tensor2D, w: tf.Tensor1D) => tf.Tensor1D;
  loss: (X: tf.Tensor2D, y: tf.Tensor1D, w: tf.Tensor1D, lambda?: number) => number;
  fitLogreg: (X: tf.Tensor2D, y: tf.Tensor1D, options?: FitOptions) => tf.Tensor1D;
}

type Matrix = number[][];
interface Data {
  X: Matrix;
  y: number[];
  /** How the judge describes this input in a failure (the kernel never describes a hidden input). */
  show?: string;
}

/** Runs fn on tensors of X, y (and w), disposing them afterwards whatever happens. */
function withData<T>(
  { X, y }: Data,
  w: number[] | undefined,
  fn: (Xt: tf.Tensor2D, yt: tf.Tensor1D, wt: tf.Tensor1D) => T,
): T {
  const Xt = tf.tensor2d(X);
  const yt = tf.tensor1d(y);
  const wt = tf.tensor1d(w ?? []);
  try {
    return fn(Xt, yt, wt);
  } finally {
    tf.dispose([Xt, yt, wt]);
  }
}

/** The values of a tensor the candidate returned (checked for shape), then disposes it unless it is one of `keep`. */
function take(result: unknown, shape: number[], label: string, keep: tf.Tensor[], input?: string): Float32Array {
  const t = expectTensor(result, shape, label, { input });
  const out = Float32Array.from(t.dataSync());
  if (!keep.includes(t)) t.dispose();
  return out;
}

function disposeResult(result: unknown, keep: tf.Tensor[]): void {
  if (isTensor(result) && !keep.includes(result)) result.dispose();
}

/** loss(...) must be a plain JS number: the fit loop compares it with a threshold. A wrong type can only lose. */
function lossOf(impl: Logreg, X: tf.Tensor2D, y: tf.Tensor1D, w: tf.Tensor1D, lambda: number, input?: string): number {
  const v = call("loss(X, y, w, lambda)", () => impl.loss(X, y, w, lambda), { input }) as unknown;
  if (isTensor(v)) {
    const shown = fmt(v);
    disposeResult(v, [X, y, w]);
    ok(false, {
      what: "loss should return a JS number",
      input,
      expected: "a number",
      actual: shown,
      hint: "read the scalar back with dataSync()[0] (inside tf.tidy, or dispose it)",
    });
  }
  ok(typeof v === "number", {
    what: "loss should return a JS number",
    input,
    expected: "a number",
    actual: `${fmt(v)} (${typeof v})`,
  });
  return v;
}

/**
 * Kernels the tfjs engine runs while fn runs. Every tf op goes through engine.runKernel, so the names show whether
 * the candidate called tf.sigmoid.
 */
function countKernels<T>(fn: () => T): { result: T; names: Set<string> } {
  const engine = tf.engine() as unknown as { runKernel: (name: string, ...a: unknown[]) => unknown };
  const own = Object.prototype.hasOwnProperty.call(engine, "runKernel");
  const orig = engine.runKernel;
  const names = new Set<string>();
  engine.runKernel = function (this: unknown, name: string, ...a: unknown[]) {
    names.add(name);
    return orig.call(this, name, ...a);
  };
  try {
    return { result: fn(), names };
  } finally {
    if (own) engine.runKernel = orig;
    else delete (engine as Partial<typeof engine>).runKernel;
  }
}

const fitLabel = "fitLogreg(X, y, options)";

export const calls: Calls<Logreg> = {
  sigmoid: (impl, { z, shape, show }: { z: number[]; shape: number[]; show?: string }) => {
    const t = tf.tensor(z, shape);
    try {
      return {
        values: take(
          call("sigmoid(z)", () => impl.sigmoid(t), { input: show }),
          shape,
          "sigmoid(z)",
          [t],
          show,
        ),
      };
    } finally {
      t.dispose();
    }
  },
  /** The tf kernels sigmoid ran (measured inside the kernel). */
  "sigmoid-kernels": (impl, { z }: { z: number[] }) => {
    const t = tf.tensor1d(z);
    try {
      const { result, names } = countKernels(() => call("sigmoid(z)", () => impl.sigmoid(t)));
      disposeResult(result, [t]);
      return { kernels: [...names] };
    } finally {
      t.dispose();
    }
  },
  proba: (impl, d: Data & { w: number[] }) =>
    withData(d, d.w, (X, _y, w) => ({
      values: take(
        call("predictProba(X, w)", () => impl.predictProba(X, w), { input: d.show }),
        [d.X.length],
        "predictProba(X, w)",
        [X, w],
        d.show,
      ),
    })),
  losses: (impl, d: Data & { runs: { w: number[]; lambda: number }[] }) => ({
    values: d.runs.map((r) => withData(d, r.w, (X, y, w) => lossOf(impl, X, y, w, r.lambda, d.show))),
  }),
  "loss-problems": (impl, { problems }: { problems: (Data & { runs: { w: number[]; lambda: number }[] })[] }) => ({
    values: problems.map((d) => d.runs.map((r) => withData(d, r.w, (X, y, w) => lossOf(impl, X, y, w, r.lambda)))),
  }),
  fit: (impl, d: Data & { options: FitOptions }) =>
    withData(d, undefined, (X, y) => ({
      w: take(
        call(fitLabel, () => impl.fitLogreg(X, y, { ...d.options }), { input: d.show }),
        [d.X[0].length],
        fitLabel,
        [X, y],
        d.show,
      ),
    })),
  /** Two fits on the same tensors: the weights of each (judged outside), and whether X or y survived (in-kernel). */
  "fit-twice": (impl, d: Data & { options: FitOptions }) =>
    withData(d, undefined, (X, y) => {
      const first = take(
        call(fitLabel, () => impl.fitLogreg(X, y, { ...d.options }), { input: d.show }),
        [d.X[0].length],
        fitLabel,
        [X, y],
        d.show,
      );
      const disposed = [X.isDisposed && "X", y.isDisposed && "y"].filter((s): s is string => !!s);
      if (disposed.length) return { first, second: null, disposed, yAfter: null };
      const yAfter = Float32Array.from(y.dataSync());
      const second = take(
        call(fitLabel, () => impl.fitLogreg(X, y, { ...d.options }), { input: d.show }),
        [d.X[0].length],
        fitLabel,
        [X, y],
        d.show,
      );
      return { first, second, disposed, yAfter };
    }),
  /** Tensors left allocated by a fit (measured inside the kernel). */
  "fit-leaks": (impl, d: Data & { options: FitOptions }) =>
    withData(d, undefined, (X, y) => {
      const { result, leaked } = countLeaks(fitLabel, () => impl.fitLogreg(X, y, { ...d.options }));
      disposeResult(result, [X, y]);
      return { leaked };
    }),
  /** Leaks and disposed inputs of sigmoid, predictProba and loss (measured inside the kernel). */
  hygiene: (impl, d: Data & { w: number[]; lambda: number }) =>
    withData(d, d.w, (X, y, w) => {
      const runs: [string, () => unknown][] = [
        ["sigmoid(w)", () => impl.sigmoid(w)],
        ["predictProba(X, w)", () => impl.predictProba(X, w)],
        [`loss(X, y, w, ${d.lambda})`, () => impl.loss(X, y, w, d.lambda)],
      ];
      const out: { label: string; leaked: number; disposed: string[] }[] = [];
      for (const [label, fn] of runs) {
        const { result, leaked } = countLeaks(label, fn);
        disposeResult(result, [X, y, w]);
        out.push({
          label,
          leaked,
          disposed: (
            [
              ["X", X],
              ["y", y],
              ["w", w],
            ] as const
          )
            .filter(([, t]) => t.isDisposed)
            .map(([n]) => n),
        });
        // A disposed input cannot feed the next function: stop here, the judge reports this one.
        if (out[out.length - 1].disposed.length) break;
      }
      return { runs: out };
    }),
  rejects: (impl, d: Data & { w: number[]; fn: "predictProba" | "loss" | "fitLogreg" }) =>
    withData(d, d.w, (X, y, w) => ({
      threw: thrown(() => {
        const out =
          d.fn === "predictProba"
            ? impl.predictProba(X, w)
            : d.fn === "loss"
              ? impl.loss(X, y, w)
              : impl.fitLogreg(X, y, { epochs: 2 });
        disposeResult(out, [X, y, w]);
      }),
    })),
};
