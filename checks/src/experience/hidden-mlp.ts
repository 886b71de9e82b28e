/**
 * Hidden-case property for drill 06 (MLP): eval-mode logits on a seeded random state dict of the interviewer's
 * sizes, against the float64 oracle (mlp-oracle.ts). Weights and inputs are float32-exact, so the model and the
 * oracle see the same numbers; a failure reports error sizes and, when it can tell, the known mistake.
 */
import { normal } from "@drills/lib";
import { mlpDrill, type Mlp } from "../drills/mlp";
import { construct, load, logitsOf, session } from "../drills/mlp-harness";
import { explainLogits, forward } from "../drills/mlp-oracle";
import { drawStateDict } from "../drills/mlp-state";
import { registerHidden } from "./hidden";
import { expectNear } from "./hidden-near";
import { HIDDEN_INPUT } from "../drill";

const HIDDEN = HIDDEN_INPUT;

function size(v: unknown, name: string): number {
  if (!Number.isInteger(v) || (v as number) < 1) throw new Error(`input.${name}: expected an integer ≥ 1, got ${JSON.stringify(v)}`);
  return v as number;
}

registerHidden<Mlp>(mlpDrill, {
  forward: {
    what: "eval-mode logits match the float64 forward pass on random weights",
    hint: "relu(x W₀ᵀ + b₀) W₃ᵀ + b₃ with W stored [out, in], and no dropout when training is false.",
    run(impl, spec) {
      const inDim = size(spec.input.inDim, "inDim");
      const hidden = size(spec.input.hidden, "hidden");
      const rows = size(spec.input.rows, "rows");
      const seed = Number(spec.input.seed ?? 1);
      const pDrop = Number(spec.input.pDrop ?? 0.5);
      // Weights at PyTorch's init scale (≈ 1/√fan_in) keep the logits O(1), where the public tolerance was set.
      const w = normal(hidden * inDim + 2 * hidden + 1, seed);
      let i = 0;
      const sd = drawStateDict(inDim, hidden, () => Math.fround(w[i++] / Math.sqrt(i <= hidden * inDim ? inDim : hidden)));
      const flatX = normal(rows * inDim, seed + 1);
      const x = Array.from({ length: rows }, (_, r) => Array.from(flatX.subarray(r * inDim, (r + 1) * inDim), Math.fround));
      const expected = forward(sd, x);
      session(() => {
        const model = construct(impl, inDim, hidden, pDrop);
        load(model, sd, HIDDEN);
        const out = logitsOf(model, x, false, HIDDEN);
        // The drill's LOGIT_TOL: float32 forward passes on O(1) values round at ~1e-7.
        const tol = spec.tol ?? 1e-5;
        expectNear(out, expected, { what: "forward(x, false) should equal the float64 logits", tol, rtol: 1e-5, note: out.length === expected.length ? explainLogits(sd, x, out, 1e-4) : undefined });
      });
    },
  },
});
