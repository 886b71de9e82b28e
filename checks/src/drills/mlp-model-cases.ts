/**
 * Drill 06 cases on the model itself: shapes, PyTorch's state-dict layout, eval-mode parity with PyTorch, dropout
 * (train only, a new mask per call, inverted scaling), seeded initialisation, and a float64 property.
 */
import * as tf from "@tensorflow/tfjs";
import * as fc from "fast-check";
import { allClose, call, close, ok, property, throwsValueError } from "../assert";
import type { LegacyCase as Case } from "../drill";
import { construct, fixture, load, logitsOf, session, stateOf } from "./mlp-harness";
import { explainLogits, forward } from "./mlp-oracle";
import { drawStateDict, expectStateClose, statesEqual } from "./mlp-state";
import type { Mlp, StateDict } from "./mlp-types";

const FIXTURE_IN = "PyTorch state_dict (in 5, hidden 7) and x (10×5) from checks/fixtures/06-mlp.json";
/** Float32 forward pass on O(1) values: rounding error ~1e-7; 1e-5 leaves room for any summation order. */
const LOGIT_TOL = { tol: 1e-5, rtol: 1e-5 };

const differ = (a: number[], b: number[]) => a.some((v, i) => Math.abs(v - b[i]) > 1e-6);

const shapes: Case<Mlp> = {
  name: "forward returns one logit per row; stateDict has PyTorch's keys and shapes",
  hint: "logits are a 1-D tensor of length n (PyTorch's version ends with .squeeze(1)); hiddenDim defaults to 32.",
  run: (impl) =>
    session(() => {
      const model = construct(impl, 5);
      const x = [[1, 2, 3, 4, 5], [0, 0, 0, 0, 0], [-1, 0.5, 2, 0, 1]];
      logitsOf(model, x, false, "new MLP(5); x of shape [3, 5], eval mode");
      logitsOf(model, x, true, "new MLP(5); x of shape [3, 5], training mode");
      stateOf(model, 5, 32, "new MLP(5).stateDict()");
    }),
};

const roundTrip: Case<Mlp> = {
  name: "loadStateDict then stateDict round-trips PyTorch's layout",
  hint: "stateDict() should hand back exactly what loadStateDict() took: same keys, same [out, in] nesting.",
  run: (impl) =>
    session(() => {
      const f = fixture();
      const model = construct(impl, f.inDim, f.hiddenDim, 0.2);
      load(model, f.stateDict, FIXTURE_IN);
      const back = stateOf(model, f.inDim, f.hiddenDim, "model.stateDict()", FIXTURE_IN);
      // The fixture's values are float32, so a float32 model holds them exactly: tol 0.
      expectStateClose(back, f.stateDict, { what: "stateDict() after loadStateDict(sd) should equal sd", input: FIXTURE_IN, tol: 0 });
    }),
};

const parity: Case<Mlp> = {
  name: "eval-mode logits match PyTorch",
  hint: "PyTorch's Linear computes x Wᵀ + b with W stored [out, in]; the block is Linear → ReLU → Dropout → Linear.",
  run: (impl) =>
    session(() => {
      const f = fixture();
      const model = construct(impl, f.inDim, f.hiddenDim, 0.2);
      load(model, f.stateDict, FIXTURE_IN);
      const out = logitsOf(model, f.x, false, FIXTURE_IN);
      const again = logitsOf(model, f.x, false, FIXTURE_IN);
      const note = differ(out, again) ? "two eval-mode calls disagree: dropout is on in eval mode" : explainLogits(f.stateDict, f.x, out, 1e-4);
      allClose(out, f.eval.logits, { what: "forward(x, false) should equal PyTorch's model.eval() logits", input: FIXTURE_IN, ...LOGIT_TOL, note });
    }),
};

const dropoutModes: Case<Mlp> = {
  name: "dropout only in training mode, with a new mask each call",
  hint: "dropout belongs to training; a fixed seed repeats the same mask every step, so derive a new seed per call.",
  run: (impl) =>
    session(() => {
      const f = fixture();
      const input = `new MLP(5, 7, 0.5) with ${FIXTURE_IN}`;
      const model = construct(impl, f.inDim, f.hiddenDim, 0.5);
      load(model, f.stateDict, input);
      const e1 = logitsOf(model, f.x, false, input);
      const e2 = logitsOf(model, f.x, false, input);
      ok(!differ(e1, e2), { what: "forward(x, false) should not apply dropout", input, expected: "two eval-mode calls give the same logits", actual: `they differ: ${e1.slice(0, 3).map((v) => v.toFixed(4))}… vs ${e2.slice(0, 3).map((v) => v.toFixed(4))}…` });
      allClose(e1, f.eval.logits, { what: "forward(x, false) should not apply dropout (PyTorch's eval logits)", input, ...LOGIT_TOL });
      const t1 = logitsOf(model, f.x, true, input);
      ok(differ(t1, e1), { what: "forward(x, true) should apply dropout", input, expected: "training-mode logits that differ from eval mode (p = 0.5)", actual: "the same logits as eval mode" });
      const t2 = logitsOf(model, f.x, true, input);
      ok(differ(t1, t2), { what: "each training-mode call should draw a new dropout mask", input, expected: "two training-mode calls that differ", actual: "identical logits from both calls (the same mask twice)" });
    }),
};

/** One hidden unit feeds the output: h₀ = 2 on every row, W₃ = e₀, b₃ = 0.25, so a logit is 0.25 (dropped) or 0.25 + 2/(1 − p). */
function dropoutProbe(p: number): { sd: StateDict; x: number[][]; kept: number; dropped: number } {
  const sd: StateDict = { "net.0.weight": [[1, 1], [0.5, -1], [1, 0], [0, 1]], "net.0.bias": [0, 0, 0, 0], "net.3.weight": [[1, 0, 0, 0]], "net.3.bias": [0.25] };
  return { sd, x: Array.from({ length: 400 }, () => [1, 1]), kept: 0.25 + 2 / (1 - p), dropped: 0.25 };
}

function explainDropout(values: number[], p: number): string | undefined {
  const seen = (v: number) => values.some((a) => Math.abs(a - v) < 1e-4);
  if (seen(2.25)) return "some hidden activations pass through unscaled: survivors need 1/(1 − p)";
  if (seen(0.25 + 2 * (1 - p))) return "survivors are multiplied by (1 − p) instead of divided";
  if (seen(0.25 + 2 / p)) return "p is used as the keep probability";
  if (seen(0) || seen(2.25 / (1 - p))) return "dropout is applied to the logits, not to the hidden layer";
  return undefined;
}

const dropoutScale: Case<Mlp> = {
  name: "dropout drops a fraction p of hidden units and rescales survivors by 1/(1 − p)",
  hint: "inverted dropout: zero each hidden activation with probability p and divide the survivors by 1 − p.",
  run: (impl) =>
    session(() => {
      const p = 0.2;
      const { sd, x, kept, dropped } = dropoutProbe(p);
      const input = "new MLP(2, 4, 0.2); only hidden unit 0 reaches the output (h₀ = 2, W₃ = [1, 0, 0, 0], b₃ = 0.25); 400 rows x = [1, 1]";
      const model = construct(impl, 2, 4, p);
      load(model, sd, input);
      const out = logitsOf(model, x, true, input);
      const stray = out.find((v) => Math.abs(v - kept) > 1e-4 && Math.abs(v - dropped) > 1e-4);
      const distinct = [...new Set(out.map((v) => Number(v.toFixed(4))))].slice(0, 4);
      ok(stray === undefined, { what: "each training-mode logit should be 0.25 (unit dropped) or 0.25 + 2/(1 − p) = 2.75 (kept, rescaled)", input, expected: "values in {0.25, 2.75}", actual: `values ${distinct.join(", ")}`, note: explainDropout(out, p) });
      const frac = out.filter((v) => Math.abs(v - dropped) <= 1e-4).length / out.length;
      // Binomial(400, 0.2): sd 0.02, so [0.12, 0.28] is ±4 sd.
      close(frac, p, { what: "the fraction of dropped units should be about p = 0.2", input, tol: 0.08, note: frac > 0.5 ? "p looks like the keep probability" : undefined });
    }),
};

const initialisation: Case<Mlp> = {
  name: "initial weights are seeded by setSeed and break symmetry",
  hint: "draw each initialiser from a seed derived from setSeed's stream (tfjs has no global seed); never all-equal rows.",
  run: (impl) =>
    session(() => {
      const init = (seed: number) => {
        call(`setSeed(${seed})`, () => impl.setSeed(seed));
        return stateOf(construct(impl, 4, 6), 4, 6, `new MLP(4, 6).stateDict() after setSeed(${seed})`);
      };
      const a = init(3);
      const rows = a["net.0.weight"].map((r) => r.join());
      ok(new Set(rows).size === rows.length, { what: "hidden units should start different (symmetry breaking)", input: "setSeed(3); new MLP(4, 6)", expected: "6 distinct rows in net.0.weight", actual: `${new Set(rows).size} distinct row(s): ${rows[0]}` });
      const b = init(3);
      ok(statesEqual(a, b), { what: "the same setSeed should give the same initial weights", input: "setSeed(3); new MLP(4, 6), twice", expected: "identical state dicts", actual: `net.0.weight[0] = [${a["net.0.weight"][0].map((v) => v.toFixed(4))}] then [${b["net.0.weight"][0].map((v) => v.toFixed(4))}]` });
      const c = init(4);
      ok(!statesEqual(a, c), { what: "a different seed should give different initial weights", input: "setSeed(3) vs setSeed(4); new MLP(4, 6)", expected: "different state dicts", actual: "identical weights: the seed is ignored" });
    }),
};

const validation: Case<Mlp> = {
  name: "invalid input throws ValueError naming the argument",
  hint: "check x's shape in forward, every key's shape in loadStateDict, and batchSize in makeLoader before using them.",
  run: (impl) =>
    session(() => {
      const f = fixture();
      const model = construct(impl, f.inDim, f.hiddenDim, 0.2);
      const x = tf.zeros([2, f.inDim + 1]) as tf.Tensor2D;
      throwsValueError("model.forward(x, false)", () => model.forward(x, false), { what: "an x with the wrong number of features should be rejected", input: `new MLP(5, 7); x of shape [2, 6]`, mentions: ["x"] });
      const transposed = { ...f.stateDict, "net.0.weight": f.stateDict["net.0.weight"][0].map((_, j) => f.stateDict["net.0.weight"].map((r) => r[j])) };
      throwsValueError("model.loadStateDict(sd)", () => model.loadStateDict(transposed), { what: "a state dict with a transposed weight should be rejected", input: "new MLP(5, 7); sd with net.0.weight of shape [5, 7]", mentions: ["net.0.weight"] });
      const y = tf.zeros([2]) as tf.Tensor1D;
      throwsValueError("makeLoader(X, y, {batchSize: 0})", () => impl.makeLoader(tf.zeros([2, 3]) as tf.Tensor2D, y, { batchSize: 0, shuffle: false, seed: 1 }), { what: "batchSize 0 should be rejected", input: "X of shape [2, 3], y of length 2, batchSize 0", mentions: ["batchSize"] });
    }),
};

/** Values k/8 in [−2, 2]: exact in float32, so the float64 oracle sees the same inputs as the model. */
const value = fc.integer({ min: -16, max: 16 }).map((v) => v / 8);
const problem = fc
  .record({ inDim: fc.integer({ min: 1, max: 3 }), hidden: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 3 }) })
  .chain(({ inDim, hidden, n }) => {
    const size = hidden * inDim + 2 * hidden + 1;
    return fc.record({ weights: fc.array(value, { minLength: size, maxLength: size }), x: fc.array(fc.array(value, { minLength: inDim, maxLength: inDim }), { minLength: n, maxLength: n }), hidden: fc.constant(hidden) });
  });

const randomParity: Case<Mlp> = {
  name: "property: eval logits match a float64 reference on random weights",
  hint: "compute relu(x W₀ᵀ + b₀) W₃ᵀ + b₃ by hand on the shrunk input shown and compare with your forward.",
  run: (impl) =>
    property(problem, ({ weights, x, hidden }) => {
      let i = 0;
      const sd = drawStateDict(x[0].length, hidden, () => weights[i++]);
      session(() => {
        const model = construct(impl, x[0].length, hidden, 0.5);
        load(model, sd);
        allClose(logitsOf(model, x, false), forward(sd, x), { what: "forward(x, false) should match the reference", ...LOGIT_TOL, note: `as a state dict: ${JSON.stringify(sd)}` });
      });
    }, { what: "eval logits on random weights and inputs", numRuns: 40 }),
};

export const modelCases: Case<Mlp>[] = [shapes, roundTrip, parity, dropoutModes, dropoutScale, initialisation, validation, randomParity];
