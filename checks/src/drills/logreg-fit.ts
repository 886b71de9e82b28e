/**
 * Drill 05's fitLogreg cases: the learned weights against Newton's optimum (float64) and sklearn's, the early stop
 * measured as work done, tensor hygiene, and the input contract for all four functions.
 */
import * as tf from "@tensorflow/tfjs";
import { allClose, call, ok, throwsValueError } from "../assert";
import type { LegacyCase as Case } from "../drill";
import { fmt } from "../format";
import { countLeaks } from "../tensors";
import { epochsToStop, gradient, newtonOptimum } from "./logreg-reference";
import { countKernels, disposeResult, fitOf, logregFixture, makeProblem, take, withData, type FitOptions, type Logreg, type Problem } from "./logreg-call";

// Standardised features and λ ≥ 0.05: the Hessian's eigenvalues lie in about [λ, 0.25·1.5 + λ], so lr = 1 is
// stable and converges linearly. tol = −1 turns early stopping off (no step here raises the loss by 1): with tol = 0
// the fit would stop whenever float32 noise first makes the loss tick up, 1e-3 short of the optimum on wasm.
const CONVERGE: FitOptions = { lr: 1, epochs: 80, tol: -1 };
// Measured max |w − w*| after 80 epochs: 1.6e-6 on cpu and wasm (the λ = 0.05 fixture converges slowest). 1e-4 is
// float32 slack (another summation order, another stable sigmoid); the missing λ·w term (≈ 0.3–1.3 here), 2λ·w, or
// a diverged step are far outside it.
const W_TOL = { tol: 1e-4, rtol: 1e-4 };

let newtonProblem: Problem | undefined;
const problem = () => (newtonProblem ??= makeProblem(200, [1.5, -2, 0.5], 0.1, 11));

function weightNote(p: Problem, actual: number[], expected: number[]): string | undefined {
  const norm = (w: number[]) => Math.hypot(...w);
  if (actual.some((v) => !Number.isFinite(v)) || norm(actual) > 10 * norm(expected)) return "the weights are far too large: the steps overshoot (is the gradient divided by n?)";
  if (actual.reduce((s, v, j) => s + v * expected[j], 0) < 0) return "the weights point away from the optimum: check the sign of the step";
  // ∇f(w) = g₀(w) + λw with g₀ the cross-entropy's gradient. A fit without the λw term drives g₀ to 0, leaving
  // ∇f ≈ λw; a fit with 2λw drives g₀ + 2λw to 0, leaving ∇f ≈ −λw. Tested on the gradient, not on the weights,
  // so a fit that is still on its way to the wrong optimum is recognised too.
  const g = gradient(p.X, p.y, actual, p.lambda);
  const lw = actual.map((v) => p.lambda * v);
  const off = (sign: number) => Math.hypot(...g.map((v, j) => v - sign * lw[j])) < 0.1 * Math.hypot(...lw);
  if (off(1)) return "the cross-entropy part of the gradient is ≈ 0 here: these are unregularised weights, the λ·w term is missing from the gradient";
  if (off(-1)) return "this optimum has 2λ: the gradient of (λ/2)·‖w‖² is λ·w";
  // Otherwise say how far from stationary the answer is: at the optimum the full gradient vanishes.
  return `at your weights ∇loss = ${fmt(g)}, of which λ·w = ${fmt(lw)}; at the optimum ∇loss = 0`;
}

function expectOptimum(impl: Logreg, p: Problem, expected: number[], source: string): void {
  const options = { ...CONVERGE, lambda: p.lambda };
  const input = `${p.name}, options ${JSON.stringify(options)}`;
  const w = fitOf(impl, p, options, input);
  allClose(w, expected, { what: `learned weights should match ${source}`, input, ...W_TOL, note: w.length === expected.length ? weightNote(p, w, expected) : undefined });
}

export const fitCases: Case<Logreg>[] = [
  {
    name: "fitLogreg reaches the regularised optimum (Newton's method, float64)",
    hint: "the gradient of the loss is Xᵀ(p − y)/n + λ·w; step against it: w ← w − lr·grad.",
    run(impl) {
      const p = problem();
      expectOptimum(impl, p, newtonOptimum(p.X, p.y, p.lambda), "Newton's optimum of mean log-loss + (λ/2)‖w‖²");
    },
  },
  {
    name: "fitLogreg matches sklearn's LogisticRegression(C = 1/(n·λ), no intercept)",
    hint: "sklearn's C multiplies the summed log-loss: C = 1/(n·λ) is the same objective as yours, so the weights agree.",
    run(impl) {
      for (const c of logregFixture()) expectOptimum(impl, { name: `${c.name} (sklearn fixture)`, X: c.X, y: c.y, lambda: c.lambda }, c.coef, "sklearn's coef_");
    },
  },
  {
    name: "fitLogreg stops early when the loss improves by less than tol",
    hint: "keep the previous epoch's loss; break as soon as previous − current < tol (defaults: epochs 1000, tol 1e-6).",
    run(impl) {
      const p = problem();
      // Work per epoch, measured on the candidate's own code: kernels run for 10 epochs minus 5, with early stopping
      // off (tol −1), so even an answer whose loss goes up runs exactly the epochs asked for.
      const work = (options: FitOptions) =>
        withData(p.X, p.y, (X, y) => {
          const { result, kernels } = countKernels(() => call(`fitLogreg(X, y, ${JSON.stringify(options)})`, () => impl.fitLogreg(X, y, options)));
          disposeResult(result, [X, y]);
          return kernels;
        });
      const [k5, k10] = [work({ lr: 1, lambda: p.lambda, epochs: 5, tol: -1 }), work({ lr: 1, lambda: p.lambda, epochs: 10, tol: -1 })];
      const perEpoch = (k10 - k5) / 5;
      ok(perEpoch > 0, { what: "10 epochs should do more work than 5", input: `${p.name}, epochs 5 vs 10, tol -1`, expected: "more tf kernels for more epochs", actual: `${k5} and ${k10} kernels`, hint: "honour options.epochs" });
      const ran = Math.round(5 + (work({ lr: 1, lambda: p.lambda }) - k5) / perEpoch);
      const expected = epochsToStop(p.X, p.y, { lr: 1, epochs: 1000, tol: 1e-6, lambda: p.lambda });
      // Generous bounds: the point is stopping at all, and not at once. Float32 noise moves the stop by an epoch or
      // two; an answer that checks before or after the step, by one.
      const [lo, hi] = [Math.floor(expected / 2), 2 * expected + 5];
      ok(ran >= lo && ran <= hi, {
        what: "with the default tol 1e-6, gradient descent should stop once the loss stops improving",
        input: `${p.name}, options { lr: 1, lambda: ${p.lambda} } (defaults epochs 1000, tol 1e-6)`,
        how: `epochs estimated from tf kernels run; accepted ${lo}–${hi}`,
        expected: `about ${expected} epochs (float64 gradient descent with the same rule)`,
        actual: `about ${ran} epochs`,
        note: ran >= 990 ? "all 1000 epochs ran: no early stop" : ran < lo ? "stopped while the loss was still falling fast: check the comparison" : undefined,
      });
    },
  },
  {
    name: "fitLogreg disposes its per-epoch tensors",
    hint: "wrap each epoch's computation in tf.tidy and dispose the previous w once the new one exists.",
    run(impl) {
      const p = problem();
      const options = { lr: 1, epochs: 20, lambda: p.lambda, tol: 0 };
      const leaked = withData(p.X, p.y, (X, y) => {
        const { result, leaked } = countLeaks(`fitLogreg(X, y, ${JSON.stringify(options)})`, () => impl.fitLogreg(X, y, options));
        disposeResult(result, [X, y]);
        return leaked;
      });
      ok(leaked <= 0, { what: "fitLogreg should leave only the returned weights allocated", input: `${p.name}, options ${JSON.stringify(options)}`, expected: "0 tensors left behind", actual: `${leaked} tensor(s) leaked over at most 20 epochs (≈ ${fmt(Math.round(leaked / 20))} or more per epoch)` });
    },
  },
  {
    name: "no tensors leaked by sigmoid, predictProba or loss; inputs left intact",
    hint: "wrap each body in tf.tidy; never dispose X, y or w — they belong to the caller.",
    run(impl) {
      const input = "X = [[1, 2], [-1, 0.5], [0, 0], [3, -4]], y = [1, 0, 1, 0], w = [0.5, -0.25]";
      withData([[1, 2], [-1, 0.5], [0, 0], [3, -4]], [1, 0, 1, 0], (X, y) => {
        const w = tf.tensor1d([0.5, -0.25]);
        try {
          const runs: [string, () => unknown][] = [
            ["sigmoid(w)", () => impl.sigmoid(w)],
            ["predictProba(X, w)", () => impl.predictProba(X, w)],
            ["loss(X, y, w, 0.5)", () => impl.loss(X, y, w, 0.5)],
          ];
          for (const [label, fn] of runs) {
            const { result, leaked } = countLeaks(label, fn);
            disposeResult(result, [X, y, w]);
            for (const [name, t] of [["X", X], ["y", y], ["w", w]] as const) {
              ok(!t.isDisposed, { what: `${label} should leave ${name} usable`, input, expected: `${name} not disposed`, actual: `${name} was disposed` });
            }
            ok(leaked <= 0, { what: `${label} should dispose its intermediate tensors`, input, expected: "0 tensors left behind", actual: `${leaked} tensor(s) leaked` });
          }
        } finally {
          w.dispose();
        }
      });
    },
  },
  {
    name: "fitLogreg leaves X and y intact and can be called twice",
    hint: "don't dispose the caller's X or y, and keep no state between calls.",
    run(impl) {
      const p = problem();
      const options = { lr: 1, epochs: 10, lambda: p.lambda, tol: 0 };
      const input = `${p.name}, options ${JSON.stringify(options)}`;
      withData(p.X, p.y, (X, y) => {
        const fit = () => take(call("fitLogreg(X, y, options)", () => impl.fitLogreg(X, y, options), { input }), [3], "fitLogreg(X, y, options)", input, [X, y]);
        const first = fit();
        for (const [name, t] of [["X", X], ["y", y]] as const) {
          ok(!t.isDisposed, { what: `fitLogreg should leave ${name} usable`, input, expected: `${name} not disposed`, actual: `${name} was disposed` });
        }
        allClose(Array.from(y.dataSync()), p.y, { what: "fitLogreg should not change y", input, tol: 0 });
        allClose(fit(), first, { what: "a second call on the same data should give the same weights", input, tol: 1e-6 });
      });
    },
  },
  {
    name: "rejects mismatched shapes with ValueError",
    hint: "check X.shape[1] === w.size and X.shape[0] === y.size first; name the argument that does not fit.",
    run(impl) {
      withData([[1, 2], [3, 4], [5, 6]], [0, 1, 0], (X) => {
        const w3 = tf.tensor1d([1, 2, 3]);
        const y4 = tf.tensor1d([0, 1, 0, 1]);
        const w2 = tf.tensor1d([1, 2]);
        try {
          throwsValueError("predictProba(X, w)", () => impl.predictProba(X, w3), { what: "w with 3 weights for 2 features should be rejected", input: "X: [3, 2], w: [3]", mentions: ["w"] });
          throwsValueError("loss(X, y, w)", () => impl.loss(X, y4, w2), { what: "y with 4 labels for 3 rows should be rejected", input: "X: [3, 2], y: [4], w: [2]", mentions: ["y"] });
          throwsValueError("fitLogreg(X, y)", () => impl.fitLogreg(X, y4, { epochs: 2 }), { what: "y with 4 labels for 3 rows should be rejected", input: "X: [3, 2], y: [4]", mentions: ["y"] });
        } finally {
          w3.dispose();
          y4.dispose();
          w2.dispose();
        }
      });
    },
  },
];
