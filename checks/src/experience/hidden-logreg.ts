/**
 * Hidden-case properties for drill 05 (logistic regression), against the float64 references of logreg-reference.ts:
 * σ on given logits, the regularised loss on a given problem, and the fit against Newton's optimum. Problems are
 * given as explicit X and y, or drawn like the public cases' (`problem: { n, wTrue, seed }`, labels from σ(x·wTrue)).
 * Failures report error sizes only.
 */
import * as tf from "@tensorflow/tfjs";
import { call } from "../assert";
import { logregDrill } from "../drills/logreg";
import { lossOf, makeProblem, take, withData, type FitOptions, type Logreg, type Problem } from "../drills/logreg-call";
import { newtonOptimum, objective, sigmoid64, type Matrix } from "../drills/logreg-reference";
import { numbers, registerHidden, type HiddenSpec } from "./hidden";
import { expectNear } from "./hidden-near";
import { HIDDEN_INPUT } from "../drill";

const HIDDEN = HIDDEN_INPUT;

function matrix(v: unknown): Matrix {
  const ok = Array.isArray(v) && v.length > 0 && v.every((r) => Array.isArray(r) && r.length === (v[0] as unknown[]).length && r.every((e) => typeof e === "number"));
  if (!ok) throw new Error("input.X: expected a non-empty list of equal-length rows of numbers");
  return v as Matrix;
}

/** X and y: explicit, or drawn (float32-exact features, labels from σ(x·wTrue)) by the public cases' generator. */
function problemOf(spec: HiddenSpec, lambda: number): Problem {
  const p = spec.input.problem as { n?: number; wTrue?: number[]; seed?: number } | undefined;
  if (p) {
    if (!Number.isInteger(p.n) || !Array.isArray(p.wTrue)) throw new Error("input.problem: expected { n, wTrue, seed }");
    return makeProblem(p.n!, p.wTrue, lambda, p.seed ?? 1);
  }
  const X = matrix(spec.input.X);
  const y = numbers(spec.input.y, "y");
  if (y.length !== X.length) throw new Error("input.y: expected one label per row of X");
  return { name: "hidden", X, y, lambda };
}

registerHidden<Logreg>(logregDrill, {
  sigmoid: {
    what: "sigmoid is finite and matches 1 / (1 + e^−z)",
    hint: "only ever exponentiate −|z|; compare with a float64 σ on logits of your own, large ones included.",
    run(impl, spec) {
      const z = numbers(spec.input.z, "z");
      const zt = tf.tensor1d(z);
      let out: number[];
      try {
        out = take(call("sigmoid(z)", () => impl.sigmoid(zt), { input: HIDDEN }), [z.length], "sigmoid(z)", HIDDEN, [zt]);
      } finally {
        zt.dispose();
      }
      // As the public case: float32 resolves ~6e-8 near 1, and anything below ~1e-7 is as good as float32 gets.
      expectNear(out, z.map((v) => sigmoid64(Math.fround(v))), { what: "sigmoid(z) should equal the float64 σ", tol: spec.tol ?? 1e-7, rtol: 1e-5 });
    },
  },
  loss: {
    what: "loss equals mean cross-entropy + (λ/2)·‖w‖² (float64 reference)",
    hint: "from logits: softplus(z) − y·z averaged over samples, plus (λ/2)·Σw².",
    run(impl, spec) {
      const lambda = Number(spec.input.lambda ?? 0);
      const p = problemOf(spec, lambda);
      const wv = numbers(spec.input.w, "w");
      if (wv.length !== p.X[0].length) throw new Error("input.w: expected one weight per column of X");
      const v = withData(p.X, p.y, (X, y) => {
        const w = tf.tensor1d(wv);
        try {
          return lossOf(impl, X, y, w, lambda, HIDDEN);
        } finally {
          w.dispose();
        }
      });
      // The X·w that the tensor code sees is float32: w is rounded too, so the reference uses the same rounded w.
      const want = objective(p.X, p.y, wv.map(Math.fround), lambda);
      expectNear([v], [want], { what: "loss should match the float64 reference", tol: spec.tol ?? 1e-6, rtol: 1e-5 });
    },
  },
  fit: {
    what: "fitLogreg reaches the regularised optimum (Newton, float64)",
    hint: "gradient Xᵀ(σ(Xw) − y)/n + λ·w, step w ← w − lr·grad; honour every option you are given.",
    run(impl, spec) {
      const options = { lr: 1, epochs: 80, tol: -1, ...(spec.input.options as FitOptions | undefined) };
      const lambda = options.lambda ?? Number(spec.input.lambda ?? 0.1);
      const p = problemOf(spec, lambda);
      // Not fitOf: its call label shows the options, which are part of the hidden input.
      const w = withData(p.X, p.y, (X, y) => take(call("fitLogreg(X, y, options)", () => impl.fitLogreg(X, y, { ...options, lambda }), { input: HIDDEN }), [p.X[0].length], "fitLogreg(X, y, options)", HIDDEN, [X, y]));
      // The public fit cases' tolerance: float32 slack around an optimum reached to ~1e-6 (logreg-fit.ts).
      const tol = spec.tol ?? 1e-4;
      expectNear(w, newtonOptimum(p.X, p.y, lambda), { what: "learned weights should match Newton's optimum", tol, rtol: tol });
    },
  },
});
