/**
 * Drill 05's core cases for sigmoid, predictProba and loss, split: each call runs the candidate's function on plain
 * arrays in the kernel; the judges compare the values with the float64 oracle and name the slip they recognise.
 */
import { allClose, close, ok, rejected } from "../../assert";
import type { Case } from "../../drill";
import { fmt, fmtExact } from "../../format";
import { logregFixture } from "./fixture";
import { objective, sigmoid64, type Matrix } from "./oracle";

const Z = [-1000, -100, -30, -5, -1, 0, 1, 5, 30, 100, 1000];
const Z_IN = `z = ${fmtExact(Z)}`;
export const SMALL = {
  X: [
    [1, 2],
    [-1, 0.5],
    [0, 0],
    [3, -4],
  ],
  y: [1, 0, 1, 0],
  w: [0.5, -0.25],
};
export const SMALL_IN = "X = [[1, 2], [-1, 0.5], [0, 0], [3, -4]], y = [1, 0, 1, 0], w = [0.5, -0.25]";
// Logits ±1000 with both labels: the per-sample losses are 0, 0, 1000, 1000, so the mean is 500.
const EXTREME = { X: [[1000], [-1000], [1000], [-1000]], y: [1, 0, 0, 1], w: [1] };
const EXTREME_IN = "X = [[1000], [-1000], [1000], [-1000]], y = [1, 0, 0, 1], w = [1] (logits ±1000)";

/** Which known slip an L2 loss value looks like: the note names it, the hint says what to change. */
export function lossCause(
  X: Matrix,
  y: number[],
  w: number[],
  lambda: number,
  actual: number,
): { note: string; hint: string } | undefined {
  const near = (v: number) => Math.abs(actual - v) <= 1e-5 * Math.max(1, Math.abs(v));
  const sq = w.reduce((s, v) => s + v * v, 0);
  const bce = objective(X, y, w, 0);
  if (lambda > 0 && near(bce))
    return {
      note: "this is the cross-entropy alone: the (λ/2)·‖w‖² term is missing",
      hint: "add (λ / 2)·Σw² to the mean cross-entropy.",
    };
  if (lambda > 0 && near(bce + lambda * sq))
    return {
      note: "this adds λ·‖w‖²: the penalty is (λ/2)·‖w‖²",
      hint: "halve the penalty: (λ / 2)·Σw², whose gradient is λ·w.",
    };
  if (near(bce * X.length + (lambda / 2) * sq))
    return {
      note: "this sums the cross-entropy over samples instead of averaging",
      hint: "average the per-sample losses (tf.mean), don't sum them.",
    };
  return undefined;
}

function expectLoss(
  actual: number,
  X: Matrix,
  y: number[],
  w: number[],
  lambda: number,
  expected: number,
  what: string,
  input: string,
): void {
  const cause = lossCause(X, y, w, lambda, actual);
  close(actual, expected, { what, input, tol: 1e-6, rtol: 1e-5, note: cause?.note, hint: cause?.hint });
}

const lossCase = (id: string, lambda: number, was?: string[]): Case => ({
  id,
  name: lambda ? `loss = mean cross-entropy + (λ/2)·‖w‖² (λ = ${lambda})` : "loss = mean cross-entropy (λ = 0)",
  was,
  hint: "average −[y·log p + (1 − y)·log(1 − p)] over the n samples, then add (λ/2)·Σw².",
  call: "losses",
  input: () => ({ X: SMALL.X, y: SMALL.y, runs: [{ w: SMALL.w, lambda }], show: `${SMALL_IN}, lambda = ${lambda}` }),
  judge: ({ values }: { values: number[] }) =>
    expectLoss(
      values[0],
      SMALL.X,
      SMALL.y,
      SMALL.w,
      lambda,
      objective(SMALL.X, SMALL.y, SMALL.w, lambda),
      "loss should match the float64 reference",
      `${SMALL_IN}, lambda = ${lambda}`,
    ),
});

export const modelCases: Case[] = [
  {
    id: "sigmoid-range",
    name: "sigmoid is accurate and finite for |z| ≤ 1000",
    was: ["sigmoid is accurate and finite for |z| ≤ 1000"],
    hint: "exp of a large positive number overflows float32; arrange the formula so you only ever exponentiate −|z|.",
    call: "sigmoid",
    input: () => ({ z: Z, shape: [Z.length], show: Z_IN }),
    judge({ values }: { values: Float32Array }) {
      const bad = Array.from(values).findIndex((v) => !Number.isFinite(v));
      const overflow = bad >= 0 && Math.abs(Z[bad]) > 80;
      ok(bad < 0, {
        what: "sigmoid should be finite everywhere",
        input: Z_IN,
        expected: "values in [0, 1]",
        actual: `sigmoid(${Z[bad]}) = ${fmt(values[bad])}`,
        note: overflow ? "exp overflowed to Infinity, and Infinity / Infinity is NaN" : undefined,
        hint: overflow
          ? "for z < 0 use e^z / (1 + e^z), for z ≥ 0 use 1 / (1 + e^−z): tf.where picks per element, and only e^−|z| is ever formed."
          : undefined,
      });
      // float32 resolves ~6e-8 near 1; below ~1e-7 any tiny value (or 0) is as good as float32 gets.
      allClose(values, Z.map(sigmoid64), {
        what: "sigmoid(z) should equal 1 / (1 + e^−z)",
        input: Z_IN,
        tol: 1e-7,
        rtol: 1e-5,
      });
    },
  },
  {
    id: "sigmoid-shape",
    name: "sigmoid works element-wise on any shape",
    hint: "use element-wise ops only (no matMul, no reshape to 1-D): the output has z's shape.",
    call: "sigmoid",
    input: () => ({ z: [-1000, 0, 2, 1000], shape: [2, 2], show: "z = [[-1000, 0], [2, 1000]]" }),
    judge: ({ values }: { values: Float32Array }) =>
      allClose(values, [0, 0.5, sigmoid64(2), 1], {
        what: "sigmoid should work element-wise on any shape",
        input: "z = [[-1000, 0], [2, 1000]]",
        tol: 1e-7,
        rtol: 1e-5,
      }),
  },
  {
    id: "sigmoid-from-scratch",
    name: "sigmoid is written from scratch (no tf.sigmoid)",
    was: ["sigmoid is written from scratch (no tf.sigmoid)"],
    hint: "build σ from tf.exp, tf.add, tf.div (and tf.where or |z|) yourself — that is the drill.",
    inKernel: true,
    call: "sigmoid-kernels",
    input: () => ({ z: [-2, 0, 2] }),
    judge: ({ kernels }: { kernels: string[] }) =>
      ok(!kernels.includes("Sigmoid"), {
        what: "sigmoid should not call tf.sigmoid",
        input: "z = [-2, 0, 2]",
        expected: "elementary ops (exp, add, div, ...)",
        actual: `kernels ${kernels.join(", ")}`,
      }),
  },
  {
    id: "proba",
    name: "predictProba = sigmoid(X·w), shape [n]",
    was: ["predictProba = sigmoid(X·w), shape [n]"],
    hint: "matMul needs w as a column [d, 1]; squeeze the [n, 1] result back to [n].",
    call: "proba",
    input: () => ({ ...SMALL, show: SMALL_IN }),
    judge: ({ values }: { values: Float32Array }) =>
      allClose(
        values,
        SMALL.X.map((r) => sigmoid64(r[0] * SMALL.w[0] + r[1] * SMALL.w[1])),
        { what: "predictProba should be σ(X·w)", input: SMALL_IN, tol: 1e-6, rtol: 1e-5 },
      ),
  },
  lossCase("loss-plain", 0),
  lossCase("loss-l2", 0.5, ["loss = mean cross-entropy + (λ/2)·‖w‖²"]),
  {
    id: "loss-sklearn",
    name: "loss matches sklearn's log_loss + (λ/2)·‖w‖² on the fixtures",
    hint: "from logits: softplus(z) − y·z averaged over samples, plus (λ/2)·Σw².",
    call: "loss-problems",
    input: () => ({
      problems: logregFixture().map((c) => ({
        X: c.X,
        y: c.y,
        runs: c.losses.map(({ w, lambda }) => ({ w, lambda })),
      })),
    }),
    judge({ values }: { values: number[][] }) {
      logregFixture().forEach((c, i) =>
        c.losses.forEach(({ w, lambda, loss }, k) =>
          expectLoss(
            values[i]?.[k] as number,
            c.X,
            c.y,
            w,
            lambda,
            loss,
            "loss should match sklearn's log_loss + (λ/2)·‖w‖²",
            `${c.name} (sklearn fixture), w = ${fmtExact(w)}, lambda = ${lambda}`,
          ),
        ),
      );
    },
  },
  {
    id: "loss-extreme",
    name: "loss is finite and exact at logits ±1000",
    was: ["loss is finite and exact at logits ±1000"],
    hint: "write −log σ(z) as softplus(−z) = max(−z, 0) + log(1 + e^−|z|): from logits, never log of a probability.",
    call: "losses",
    input: () => ({ X: EXTREME.X, y: EXTREME.y, runs: [{ w: EXTREME.w, lambda: 0 }], show: EXTREME_IN }),
    judge({ values: [v] }: { values: number[] }) {
      const infinite = !Number.isFinite(v);
      const note = infinite
        ? "log(0) from a probability that rounded to 0 or 1"
        : v < 400
          ? "the probabilities look clipped: log(ε) caps each wrong prediction's loss"
          : undefined;
      close(v, objective(EXTREME.X, EXTREME.y, EXTREME.w, 0), {
        what: "loss at logits ±1000 should be the exact mean, 500",
        input: EXTREME_IN,
        tol: 1e-3,
        rtol: 1e-5,
        note,
        hint: note
          ? "compute the per-sample loss from the logit z: softplus(z) − y·z with softplus(z) = max(z, 0) + log1p(e^−|z|)."
          : undefined,
      });
    },
  },
];

const BAD_X = [
  [1, 2],
  [3, 4],
  [5, 6],
];
export const rejectCases: Case[] = (
  [
    [
      "rejects-proba-w",
      "predictProba",
      [0, 1, 0],
      [1, 2, 3],
      "w with 3 weights for 2 features should be rejected",
      "X: [3, 2], w: [3]",
      "w",
    ],
    [
      "rejects-loss-y",
      "loss",
      [0, 1, 0, 1],
      [1, 2],
      "y with 4 labels for 3 rows should be rejected",
      "X: [3, 2], y: [4], w: [2]",
      "y",
    ],
    [
      "rejects-fit-y",
      "fitLogreg",
      [0, 1, 0, 1],
      [1, 2],
      "y with 4 labels for 3 rows should be rejected",
      "X: [3, 2], y: [4]",
      "y",
    ],
  ] as const
).map(([id, fn, y, w, what, input, arg], i) => ({
  id,
  name: `${fn} rejects ${arg} of the wrong size with ValueError`,
  was: i === 0 ? ["rejects mismatched shapes with ValueError"] : undefined,
  hint: "check X.shape[1] === w.size and X.shape[0] === y.size first; name the argument that does not fit.",
  call: "rejects",
  input: () => ({ X: BAD_X, y: [...y], w: [...w], fn }),
  judge: ({ threw }: { threw: { name: string; message: string } | null }) =>
    rejected(threw, `${fn}(${fn === "predictProba" ? "X, w" : fn === "loss" ? "X, y, w" : "X, y"})`, {
      what,
      input,
      mentions: [arg],
    }),
}));
