/**
 * Drill 05 — logistic regression from scratch in tfjs: a stable sigmoid, probabilities, the L2-regularised mean
 * cross-entropy computed from logits, and batch gradient descent with early stopping. The float64 oracles are in
 * logreg-reference.ts; the fit cases in logreg-fit.ts.
 */
import * as tf from "@tensorflow/tfjs";
import { allClose, call, close, ok } from "../assert";
import type { Drill } from "../drill";
import { fmt } from "../format";
import { objective, sigmoid64, type Matrix } from "./logreg-reference";
import { countKernels, disposeResult, logregFixture, lossOf, take, withData, type Logreg } from "./logreg-call";
import { fitCases } from "./logreg-fit";

export type { Logreg, FitOptions } from "./logreg-call";

const Z = [-1000, -100, -30, -5, -1, 0, 1, 5, 30, 100, 1000];
const SMALL = { X: [[1, 2], [-1, 0.5], [0, 0], [3, -4]], y: [1, 0, 1, 0], w: [0.5, -0.25] };
const SMALL_IN = "X = [[1, 2], [-1, 0.5], [0, 0], [3, -4]], y = [1, 0, 1, 0], w = [0.5, -0.25]";
// Logits ±1000 with both labels: the per-sample losses are 0, 0, 1000, 1000, so the mean is 500.
const EXTREME = { X: [[1000], [-1000], [1000], [-1000]], y: [1, 0, 0, 1], w: [1] };
const EXTREME_IN = "X = [[1000], [-1000], [1000], [-1000]], y = [1, 0, 0, 1], w = [1] (logits ±1000)";

/** The candidate's sigmoid of z (which this disposes), checked to keep z's shape. */
function sigmoidOf(impl: Logreg, z: tf.Tensor, input: string): number[] {
  try {
    return take(call("sigmoid(z)", () => impl.sigmoid(z), { input }), z.shape, "sigmoid(z)", input, [z]);
  } finally {
    z.dispose();
  }
}

/** Which known slip an L2 loss value looks like. */
function lossNote(X: Matrix, y: number[], w: number[], lambda: number, actual: number): string | undefined {
  const near = (v: number) => Math.abs(actual - v) <= 1e-5 * Math.max(1, Math.abs(v));
  const sq = w.reduce((s, v) => s + v * v, 0);
  const bce = objective(X, y, w, 0);
  if (lambda > 0 && near(bce)) return "this is the cross-entropy alone: the (λ/2)·‖w‖² term is missing";
  if (lambda > 0 && near(bce + lambda * sq)) return "this adds λ·‖w‖²: the penalty is (λ/2)·‖w‖²";
  if (near(bce * X.length + (lambda / 2) * sq)) return "this sums the cross-entropy over samples instead of averaging";
  return undefined;
}

export const logregDrill: Drill<Logreg> = {
  id: "05-logreg",
  title: "Logistic regression from scratch",
  cases: [
    {
      name: "sigmoid is accurate and finite for |z| ≤ 1000",
      hint: "exp of a large positive number overflows float32; arrange the formula so you only ever exponentiate −|z|.",
      run(impl) {
        const input = `z = [${Z.join(", ")}]`;
        const out = sigmoidOf(impl, tf.tensor1d(Z), input);
        const bad = out.findIndex((v) => !Number.isFinite(v));
        ok(bad < 0, { what: "sigmoid should be finite everywhere", input, expected: "values in [0, 1]", actual: `sigmoid(${Z[bad]}) = ${fmt(out[bad])}`, note: Math.abs(Z[bad]) > 80 ? "exp overflowed to Infinity, and Infinity / Infinity is NaN" : undefined });
        // float32 resolves ~6e-8 near 1; below ~1e-7 any tiny value (or 0) is as good as float32 gets.
        allClose(out, Z.map(sigmoid64), { what: "sigmoid(z) should equal 1 / (1 + e^−z)", input, tol: 1e-7, rtol: 1e-5 });
        const input2 = "z = [[-1000, 0], [2, 1000]]";
        const out2 = sigmoidOf(impl, tf.tensor2d([[-1000, 0], [2, 1000]]), input2);
        allClose(out2, [0, 0.5, sigmoid64(2), 1], { what: "sigmoid should work element-wise on any shape", input: input2, tol: 1e-7, rtol: 1e-5 });
      },
    },
    {
      name: "sigmoid is written from scratch (no tf.sigmoid)",
      hint: "build σ from tf.exp, tf.add, tf.div (and tf.where or |z|) yourself — that is the drill.",
      run(impl) {
        const z = tf.tensor1d([-2, 0, 2]);
        try {
          const { result, names } = countKernels(() => call("sigmoid(z)", () => impl.sigmoid(z), { input: "z = [-2, 0, 2]" }));
          disposeResult(result, [z]);
          ok(!names.has("Sigmoid"), { what: "sigmoid should not call tf.sigmoid", input: "z = [-2, 0, 2]", expected: "elementary ops (exp, add, div, ...)", actual: `kernels ${[...names].join(", ")}` });
        } finally {
          z.dispose();
        }
      },
    },
    {
      name: "predictProba = sigmoid(X·w), shape [n]",
      hint: "matMul needs w as a column [d, 1]; squeeze the [n, 1] result back to [n].",
      run(impl) {
        const p = withData(SMALL.X, SMALL.y, (X) => {
          const w = tf.tensor1d(SMALL.w);
          try {
            return take(call("predictProba(X, w)", () => impl.predictProba(X, w), { input: SMALL_IN }), [SMALL.X.length], "predictProba(X, w)", SMALL_IN, [X, w]);
          } finally {
            w.dispose();
          }
        });
        const expected = SMALL.X.map((r) => sigmoid64(r[0] * SMALL.w[0] + r[1] * SMALL.w[1]));
        allClose(p, expected, { what: "predictProba should be σ(X·w)", input: SMALL_IN, tol: 1e-6, rtol: 1e-5 });
      },
    },
    {
      name: "loss = mean cross-entropy + (λ/2)·‖w‖²",
      hint: "average −[y·log p + (1 − y)·log(1 − p)] over the n samples, then add (λ/2)·Σw².",
      run(impl) {
        for (const lambda of [0, 0.5]) {
          const input = `${SMALL_IN}, lambda = ${lambda}`;
          const v = withData(SMALL.X, SMALL.y, (X, y) => {
            const w = tf.tensor1d(SMALL.w);
            try {
              return lossOf(impl, X, y, w, lambda, input);
            } finally {
              w.dispose();
            }
          });
          close(v, objective(SMALL.X, SMALL.y, SMALL.w, lambda), { what: "loss should match the float64 reference", input, tol: 1e-6, rtol: 1e-5, note: lossNote(SMALL.X, SMALL.y, SMALL.w, lambda, v) });
        }
        for (const c of logregFixture()) {
          for (const { w: wv, lambda, loss } of c.losses) {
            const input = `${c.name} (sklearn fixture), w = ${fmt(wv)}, lambda = ${lambda}`;
            const v = withData(c.X, c.y, (X, y) => {
              const w = tf.tensor1d(wv);
              try {
                return lossOf(impl, X, y, w, lambda, input);
              } finally {
                w.dispose();
              }
            });
            close(v, loss, { what: "loss should match sklearn's log_loss + (λ/2)·‖w‖²", input, tol: 1e-6, rtol: 1e-5, note: lossNote(c.X, c.y, wv, lambda, v) });
          }
        }
      },
    },
    {
      name: "loss is finite and exact at logits ±1000",
      hint: "write −log σ(z) as softplus(−z) = max(−z, 0) + log(1 + e^−|z|): from logits, never log of a probability.",
      run(impl) {
        const v = withData(EXTREME.X, EXTREME.y, (X, y) => {
          const w = tf.tensor1d(EXTREME.w);
          try {
            return lossOf(impl, X, y, w, 0, EXTREME_IN);
          } finally {
            w.dispose();
          }
        });
        const note = !Number.isFinite(v) ? "log(0) from a probability that rounded to 0 or 1" : v < 400 ? "the probabilities look clipped: log(ε) caps each wrong prediction's loss" : undefined;
        close(v, objective(EXTREME.X, EXTREME.y, EXTREME.w, 0), { what: "loss at logits ±1000 should be the exact mean, 500", input: EXTREME_IN, tol: 1e-3, rtol: 1e-5, note });
      },
    },
    ...fitCases,
  ],
};
