/**
 * Hidden-case properties for drill 01 (z-score). Each compares with the float64 oracle on the float32 values the
 * tensor holds, and reports a failure by its size (max error, mean, std) rather than by the values, which would
 * give the input away.
 */
import * as tf from "@tensorflow/tfjs";
import { ok, throwsValueError } from "../assert";
import { referenceZscore, zscoreDrill, type Zscore } from "../drills/zscore";
import { countLeaks, expectTensor, values } from "../tensors";
import { fmtNumber } from "../format";
import { numbers, registerHidden, type HiddenSpec } from "./hidden";

function output(impl: Zscore, data: number[]): { out: number[]; held: Float32Array } {
  const x = tf.tensor1d(data);
  try {
    const { result } = countLeaks("zscore(x)", () => impl(x));
    const y = expectTensor(result, [data.length], "zscore(x)");
    const out = values(y, "zscore(x)");
    if (y !== x) y.dispose();
    return { out, held: Float32Array.from(data) };
  } finally {
    x.dispose();
  }
}

function maxError(a: number[], b: number[]): number {
  return a.reduce((m, v, i) => Math.max(m, Number.isNaN(v) ? Infinity : Math.abs(v - b[i])), 0);
}

const REF_TOL = 1e-4;

registerHidden<Zscore>(zscoreDrill, {
  reference: {
    what: "matches the float64 reference",
    hint: "compare with (x − mean) / std, population std, on inputs of your own of this kind.",
    run(impl, spec: HiddenSpec) {
      const { out, held } = output(impl, numbers(spec.input.x, "x"));
      const err = maxError(out, referenceZscore(held));
      const tol = spec.tol ?? REF_TOL;
      ok(err <= tol, { what: "output should match (x − mean) / std", how: `max |error| ≤ ${fmtNumber(tol)}`, expected: `max |error| ≤ ${fmtNumber(tol)}`, actual: `max |error| ${fmtNumber(err)}` });
    },
  },
  standardised: {
    what: "output has mean 0 and std 1",
    hint: "a large offset or scale must not change the result: two passes, mean first.",
    run(impl, spec) {
      const { out, held } = output(impl, numbers(spec.input.x, "x"));
      const moments = (v: ArrayLike<number>) => {
        const a = Array.from(v);
        const m = a.reduce((s, b) => s + b, 0) / a.length;
        return { mean: m, std: Math.sqrt(a.reduce((s, b) => s + (b - m) ** 2, 0) / a.length) };
      };
      const { mean, std } = moments(out);
      const input = moments(held);
      // The mean itself is stored in float32, off by up to half an ulp of |mean|; x − mean then shifts every output
      // by that error / std. wasm also sums in float32 (error ~ n·ulp), so its moments drift by ~1e-3 on large n.
      const ulp = input.mean === 0 ? 0 : 2 ** (Math.floor(Math.log2(Math.abs(input.mean))) - 23);
      const tol = spec.tol ?? (tf.getBackend() === "wasm" ? 1e-2 : 1e-3) + (input.std > 0 ? ulp / input.std : 0);
      ok(Math.abs(mean) <= tol && Math.abs(std - 1) <= tol, { what: "output should have mean 0 and std 1", how: `tol ${fmtNumber(tol)}`, expected: "mean 0, std 1", actual: `mean ${fmtNumber(mean)}, std ${fmtNumber(std)}` });
    },
  },
  zeros: {
    what: "constant input gives all zeros",
    hint: "when std is 0 return zeros, not 0 / 0.",
    run(impl, spec) {
      const { out } = output(impl, numbers(spec.input.x, "x"));
      const bad = out.filter((v) => v !== 0).length;
      ok(bad === 0, { what: "a constant input should give zeros", expected: "every element 0", actual: `${bad} of ${out.length} elements not 0 (e.g. ${fmtNumber(out.find((v) => v !== 0) ?? 0)})` });
    },
  },
  rejects: {
    what: "invalid input throws ValueError naming x",
    hint: "validate rank and size before computing.",
    run(impl, spec) {
      const x = tf.tensor(spec.input.x as number[]);
      try {
        throwsValueError("zscore(x)", () => impl(x as tf.Tensor1D), { what: "invalid input should be rejected", mentions: ["x"] });
      } finally {
        x.dispose();
      }
    },
  },
});
