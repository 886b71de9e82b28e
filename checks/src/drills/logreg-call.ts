/**
 * Drill 05's types, its seeded data, and calling the candidate's tensor code safely: every tensor the check makes
 * is disposed, the candidate's result is shape-checked and read back, and a result that is the input itself is
 * never disposed twice.
 */
import * as tf from "@tensorflow/tfjs";
import { normal, rng } from "@drills/lib";
import { call, ok } from "../assert";
import { fmt } from "../format";
import { loadFixture } from "../fixtures";
import { expectTensor, isTensor, values } from "../tensors";
import { sigmoid64, type Matrix } from "./logreg-reference";

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

export interface LogregFixtureCase {
  name: string;
  X: Matrix;
  y: number[];
  lambda: number;
  coef: number[];
  losses: { w: number[]; lambda: number; loss: number }[];
}
let fixture: LogregFixtureCase[] | undefined;
export const logregFixture = () => (fixture ??= loadFixture<{ cases: LogregFixtureCase[] }>("05-logreg").cases);

export interface Problem {
  name: string;
  X: Matrix;
  y: number[];
  lambda: number;
}

/** n rows of d standard-normal features (float32-exact), labels drawn from σ(x·wTrue): not separable. */
export function makeProblem(n: number, wTrue: number[], lambda: number, seed: number): Problem {
  const d = wTrue.length;
  const flat = normal(n * d, seed).map(Math.fround);
  const X = Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * d, (i + 1) * d)));
  const u = rng(seed + 1);
  const y = X.map((row) => (u() < sigmoid64(row.reduce((s, x, j) => s + x * wTrue[j], 0)) ? 1 : 0));
  return { name: `n = ${n}, d = ${d}, lambda = ${lambda} (seed ${seed})`, X, y, lambda };
}

/** Runs fn on tensors of X and y, disposing them afterwards whatever happens. */
export function withData<T>(X: Matrix, y: number[], fn: (Xt: tf.Tensor2D, yt: tf.Tensor1D) => T): T {
  const Xt = tf.tensor2d(X);
  const yt = tf.tensor1d(y);
  try {
    return fn(Xt, yt);
  } finally {
    Xt.dispose();
    yt.dispose();
  }
}

/** The values of a tensor the candidate returned (checked for shape), then disposes it unless it is one of `keep`. */
export function take(result: unknown, shape: (number | null)[], label: string, input: string, keep: tf.Tensor[] = []): number[] {
  const t = expectTensor(result, shape, label, { input });
  const out = values(t, label);
  if (!keep.includes(t)) t.dispose();
  return out;
}

/** Disposes whatever tensor the candidate returned, unless it is one of the caller's own. */
export function disposeResult(result: unknown, keep: tf.Tensor[]): void {
  if (isTensor(result) && !keep.includes(result)) result.dispose();
}

/** loss(...) must be a plain JS number: the fit loop compares it with a threshold. */
export function lossOf(impl: Logreg, X: tf.Tensor2D, y: tf.Tensor1D, w: tf.Tensor1D, lambda: number, input: string): number {
  const v = call("loss(X, y, w, lambda)", () => impl.loss(X, y, w, lambda), { input }) as unknown;
  if (isTensor(v)) {
    const shown = fmt(v);
    if (v !== X && v !== y && v !== w) v.dispose();
    ok(false, { what: "loss should return a JS number", input, expected: "a number", actual: shown, hint: "read the scalar back with dataSync()[0] (inside tf.tidy, or dispose it)" });
  }
  ok(typeof v === "number", { what: "loss should return a JS number", input, expected: "a number", actual: `${fmt(v)} (${typeof v})` });
  return v as number;
}

export function fitOf(impl: Logreg, p: Problem, options: FitOptions, input: string): number[] {
  return withData(p.X, p.y, (X, y) => {
    const w = call(`fitLogreg(X, y, ${JSON.stringify(options)})`, () => impl.fitLogreg(X, y, options), { input });
    return take(w, [p.X[0].length], "fitLogreg(X, y, options)", input, [X, y]);
  });
}

/**
 * Kernels the tfjs engine runs while fn runs: a backend-independent measure of work. Every tf op goes through
 * engine.runKernel, so epochs of gradient descent show up as a count proportional to the epochs run.
 */
export function countKernels<T>(fn: () => T): { result: T; kernels: number; names: Set<string> } {
  const engine = tf.engine() as unknown as { runKernel: (name: string, ...a: unknown[]) => unknown };
  const own = Object.prototype.hasOwnProperty.call(engine, "runKernel");
  const orig = engine.runKernel;
  let kernels = 0;
  const names = new Set<string>();
  engine.runKernel = function (this: unknown, name: string, ...a: unknown[]) {
    kernels++;
    names.add(name);
    return orig.call(this, name, ...a);
  };
  try {
    const result = fn();
    return { result, kernels, names };
  } finally {
    if (own) engine.runKernel = orig;
    else delete (engine as Partial<typeof engine>).runKernel;
  }
}
