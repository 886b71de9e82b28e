/**
 * Hidden-case properties for drill 05, split: the grader builds each input from the interviewer's spec and judges
 * with the float64 oracles; the kernel only runs the call. σ on given logits, the regularised loss on a given
 * problem, and the fit against Newton's optimum. Problems are explicit X and y, or drawn like the public cases'
 * (`problem: { n, wTrue, seed }`, labels from σ(x·wTrue)). Failures report error sizes only.
 */
import { ok } from "../../assert";
import { fmtNumber } from "../../format";
import type { HiddenProperty } from "../../hidden-property";
import { numbers, type HiddenSpec } from "../../experience/hidden";
import { makeProblem, newtonOptimum, objective, sigmoid64, type Matrix, type Problem } from "./oracle";

import type { FitOptions } from "./calls";
import { judgeStop } from "./cases-stop";
import { descend } from "./oracle";

function matrix(v: unknown): Matrix {
  const good =
    Array.isArray(v) &&
    v.length > 0 &&
    v.every(
      (r) => Array.isArray(r) && r.length === (v[0] as unknown[]).length && r.every((e) => typeof e === "number"),
    );
  if (!good) throw new Error("input.X: expected a non-empty list of equal-length rows of numbers");
  return v as Matrix;
}

/** X and y: explicit, or drawn (float32-exact features, labels from σ(x·wTrue)) by the public cases' generator. */
function problemOf(spec: HiddenSpec, lambda: number): Problem {
  const p = spec.input.problem as { n?: number; wTrue?: number[]; seed?: number } | undefined;
  if (p) {
    if (!Number.isInteger(p.n) || !Array.isArray(p.wTrue))
      throw new Error("input.problem: expected { n, wTrue, seed }");
    return makeProblem(p.n!, p.wTrue, lambda, p.seed ?? 1);
  }
  const X = matrix(spec.input.X);
  const y = numbers(spec.input.y, "y");
  if (y.length !== X.length) throw new Error("input.y: expected one label per row of X");
  return { name: "hidden", X, y, lambda };
}

/** Max |a − e| against tol + rtol·|e|, reported as sizes only (NaN counts as infinitely far). */
function expectNear(actual: ArrayLike<number>, expected: number[], what: string, tol: number, rtol: number): void {
  let worst = 0;
  let bad = 0;
  expected.forEach((e, i) => {
    const a = actual[i];
    const err = Number.isFinite(a) ? Math.abs(a - e) : Infinity;
    if (!(err <= tol + rtol * Math.abs(e))) bad++;
    worst = Math.max(worst, err);
  });
  const n = expected.length;
  ok(bad === 0 && actual.length === n, {
    what,
    how: `|error| ≤ ${fmtNumber(tol)} + ${fmtNumber(rtol)}·|expected|`,
    expected: `${n} value(s) within tolerance`,
    actual: actual.length !== n ? `${actual.length} values` : `${bad} of ${n} off, max |error| ${fmtNumber(worst)}`,
  });
}

export const hidden: Record<string, HiddenProperty> = {
  sigmoid: {
    part: "logreg",
    what: "sigmoid is finite and matches 1 / (1 + e^−z)",
    hint: "only ever exponentiate −|z|; compare with a float64 σ on logits of your own, large ones included.",
    call: "sigmoid",
    input: (spec) => {
      const z = numbers(spec.input.z, "z");
      return { z, shape: [z.length] };
    },
    // As the public case: float32 resolves ~6e-8 near 1, and anything below ~1e-7 is as good as float32 gets.
    judge: ({ values }: { values: Float32Array }, { z }: { z: number[] }, spec) =>
      expectNear(
        values,
        z.map((v) => sigmoid64(Math.fround(v))),
        "sigmoid(z) should equal the float64 σ",
        spec.tol ?? 1e-7,
        1e-5,
      ),
  },
  loss: {
    part: "logreg",
    what: "loss equals mean cross-entropy + (λ/2)·‖w‖² (float64 reference)",
    hint: "from logits: softplus(z) − y·z averaged over samples, plus (λ/2)·Σw².",
    call: "losses",
    input(spec) {
      const lambda = Number(spec.input.lambda ?? 0);
      const p = problemOf(spec, lambda);
      const w = numbers(spec.input.w, "w");
      if (w.length !== p.X[0].length) throw new Error("input.w: expected one weight per column of X");
      return { X: p.X, y: p.y, runs: [{ w, lambda }] };
    },
    judge(
      { values }: { values: number[] },
      { X, y, runs: [{ w, lambda }] }: { X: Matrix; y: number[]; runs: { w: number[]; lambda: number }[] },
      spec,
    ) {
      // The X·w that the tensor code sees is float32: w is rounded too, so the reference uses the same rounded w.
      expectNear(
        values,
        [objective(X, y, w.map(Math.fround), lambda)],
        "loss should match the float64 reference",
        spec.tol ?? 1e-6,
        1e-5,
      );
    },
  },
  fit: {
    part: "logreg",
    what: "fitLogreg reaches the regularised optimum (Newton, float64)",
    hint: "gradient Xᵀ(σ(Xw) − y)/n + λ·w, step w ← w − lr·grad; honour every option you are given.",
    call: "fit",
    input(spec) {
      const options = { lr: 1, epochs: 80, tol: -1, ...(spec.input.options as FitOptions | undefined) };
      const lambda = options.lambda ?? Number(spec.input.lambda ?? 0.1);
      const p = problemOf(spec, lambda);
      return { X: p.X, y: p.y, options: { ...options, lambda } };
    },
    // The public fit cases' tolerance: float32 slack around an optimum reached to ~1e-6 (cases-fit.ts).
    judge: ({ w }: { w: Float32Array }, { X, y, options }: { X: Matrix; y: number[]; options: FitOptions }, spec) =>
      expectNear(
        w,
        newtonOptimum(X, y, options.lambda!),
        "learned weights should match Newton's optimum",
        spec.tol ?? 1e-4,
        spec.tol ?? 1e-4,
      ),
  },
  earlyStop: {
    part: "early-stop",
    what: "fitLogreg stops after the first epoch whose loss improved by less than tol",
    hint: "compare the loss before and after each step; stop at the first gain below tol, and never stop on a negative tol.",
    call: "fit",
    input(spec) {
      const options = { lr: 1, ...(spec.input.options as FitOptions | undefined) };
      const lambda = options.lambda ?? Number(spec.input.lambda ?? 0.1);
      if ((options.epochs ?? 1000) > 1000) throw new Error("input.options.epochs: expected at most 1000");
      if (!(lambda >= 0.05))
        throw new Error(
          "input.lambda: expected ≥ 0.05, so that gradient descent converges and the stop is well defined",
        );
      const p = problemOf(spec, lambda);
      return { X: p.X, y: p.y, options: { ...options, lambda } };
    },
    judge(
      { w }: { w: Float32Array },
      { X, y, options }: { X: Matrix; y: number[]; options: Required<Pick<FitOptions, "lr" | "lambda">> & FitOptions },
    ) {
      const budget = options.epochs ?? 1000;
      const expected = descend(X, y, { lr: options.lr, lambda: options.lambda }, budget, options.tol ?? 1e-6).stop;
      const exact = (options.tol ?? 1e-6) < 0 || expected === budget;
      judgeStop(
        { name: "hidden", X, y, lambda: options.lambda },
        options.lr,
        budget,
        w,
        exact
          ? { lo: expected - 1, hi: expected, expected }
          : { lo: Math.floor(expected / 2), hi: 2 * expected + 5, expected },
        "(hidden case)",
        true,
      );
    },
  },
};
