/**
 * Drill 01 — z-score: (x − mean) / std with the population std (ddof 0), zeros when std = 0, tensor ops only,
 * and float32-safe: two-pass (subtract the mean, then square), because one-pass E[x²] − E[x]² cancels when
 * |mean| ≫ std (x = 1e4 + N(0,1): E[x²] ≈ 1e8, and float32 keeps ~7 digits, so the difference is noise).
 */
import * as tf from "@tensorflow/tfjs";
import * as fc from "fast-check";
import { normal } from "@drills/lib";
import { allClose, close, ok, property, throwsValueError } from "../assert";
import { countLeaks, countReads, expectTensor, values } from "../tensors";
import { fmt } from "../format";
import type { Drill } from "../drill";
import { loadFixture } from "../fixtures";

interface ZscoreFixture {
  meta: { numpy: string };
  cases: { name: string; x: number[]; z: number[] }[];
}

export type Zscore = (x: tf.Tensor1D) => tf.Tensor1D;

/** Float64 oracle on the float32 values the tensor actually holds. */
export function referenceZscore(x: ArrayLike<number>): number[] {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const std = Math.sqrt(ss / n);
  return Array.from(x, (v) => (std === 0 ? 0 : (v - mean) / std));
}

/** The spacing of float32 numbers at |v|: 2^(exponent − 23). */
function ulp32(v: number): number {
  return v === 0 ? 2 ** -149 : 2 ** (Math.floor(Math.log2(v)) - 23);
}

function moments(v: number[]): { mean: number; std: number } {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return { mean, std: Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length) };
}

/** Runs the candidate on data, disposing input and output; returns the output values. */
function run(impl: Zscore, data: ArrayLike<number>, input: string): number[] {
  const x = tf.tensor1d(Array.from(data));
  try {
    const { result } = countLeaks("zscore(x)", () => impl(x));
    const y = expectTensor(result, [x.shape[0]], "zscore(x)", { input });
    const out = values(y, "zscore(x)");
    if (y !== x) y.dispose();
    return out;
  } finally {
    x.dispose();
  }
}

const SMALL = [1, 2, 3, 4];
const SMALL_IN = "x = [1, 2, 3, 4]";

export const zscoreDrill: Drill<Zscore> = {
  id: "01-zscore",
  title: "Z-score",
  cases: [
    {
      name: "matches (x − mean) / std on a small input",
      hint: "std here is the population std: divide the sum of squared deviations by n, not n − 1.",
      run(impl) {
        const out = run(impl, SMALL, SMALL_IN);
        const sample = SMALL.map((v) => (v - 2.5) / Math.sqrt(5 / 3));
        const looksSample = out.every((v, i) => Math.abs(v - sample[i]) < 1e-4);
        allClose(out, referenceZscore(SMALL), {
          what: "output should equal (x − mean) / std",
          input: SMALL_IN,
          tol: 1e-5,
          note: looksSample ? "this is the sample std, ddof 1" : undefined,
        });
      },
    },
    {
      name: "matches numpy on the parity fixtures",
      hint: "(x − mean) / std, population std; on the large-offset case subtract the mean before squaring.",
      run(impl) {
        const fx = loadFixture<ZscoreFixture>("01-zscore");
        for (const c of fx.cases) {
          // The mean itself must be held in float32, so every output can shift by up to ulp(|mean|)/std (5e-4 at
          // 1e4 + N(0,1)); beyond that, float32 arithmetic on O(1) outputs is good to ~1e-6.
          // On wasm the sum runs in float32 too: rounding at the running sum's scale, ~√n of them, divided by n.
          const { mean, std } = moments(c.x);
          const n = c.x.length;
          const sumError = tf.getBackend() === "wasm" ? ulp32(Math.abs(mean) * n) / Math.sqrt(n) : 0;
          const tol = 1e-5 + (ulp32(Math.abs(mean)) + sumError) / std;
          allClose(run(impl, c.x, `fixture "${c.name}"`), c.z, {
            what: `output should match numpy ${fx.meta.numpy}'s (x − x.mean()) / x.std()`,
            input: `fixture "${c.name}": x = ${fmt(c.x)}`,
            tol,
            rtol: 1e-5,
          });
        }
      },
    },
    {
      name: "constant input gives all zeros",
      hint: "when std is 0 every deviation is 0 too: return zeros instead of dividing 0 by 0.",
      run(impl) {
        const out = run(impl, [5, 5, 5], "x = [5, 5, 5]");
        allClose(out, [0, 0, 0], { what: "std = 0 should give zeros, not NaN", input: "x = [5, 5, 5]", tol: 0 });
      },
    },
    {
      name: "float32-safe on a large mean (two-pass)",
      hint: "subtract the mean first, then square (two-pass); E[x²] − E[x]² cancels in float32.",
      run(impl) {
        const input = "x = 1e4 + N(0,1), n = 20000 (seed 1)";
        const data = Float32Array.from(normal(20000, 1, 1e4, 1));
        const m = moments(run(impl, data, input));
        // wasm sums in float32 (error ~ n·ulp), so even a correct two-pass mean is off by ~3e-3 there.
        const tol = tf.getBackend() === "wasm" ? 1e-2 : 1e-3;
        close(m.std, 1, { what: "output std should be 1", input, tol, note: m.std === 0 || !Number.isFinite(m.std) ? "one-pass variance cancels in float32" : undefined });
        close(m.mean, 0, { what: "output mean should be 0", input, tol });
      },
    },
    {
      name: "tensor ops only: no values read back into JS",
      hint: "express it with tf ops (tf.moments or mean/sub/square); dataSync() and loops over elements are out.",
      run(impl) {
        const x = tf.tensor1d(Array.from(normal(1000, 2)));
        try {
          const { result, reads } = countReads("zscore(x)", () => tf.tidy(() => impl(x)));
          if (result instanceof tf.Tensor) result.dispose();
          const names = Object.entries(reads).map(([m, n]) => `${m}() ×${n}`);
          ok(names.length === 0, { what: "zscore should not read tensor values into JS", input: "x = N(0,1), n = 1000", expected: "no dataSync/arraySync/data/array calls", actual: names.join(", ") });
        } finally {
          x.dispose();
        }
      },
    },
    {
      name: "no leaked tensors, input left intact",
      hint: "wrap the body in tf.tidy(() => ...) so intermediates are disposed; never dispose x itself.",
      run(impl) {
        const x = tf.tensor1d([3, 1, 4, 1, 5]);
        try {
          const { result, leaked } = countLeaks("zscore(x)", () => impl(x));
          const y = expectTensor(result, [5], "zscore(x)");
          if (y !== x) y.dispose();
          ok(!x.isDisposed, { what: "the input tensor should still be usable", input: "x = [3, 1, 4, 1, 5]", expected: "x not disposed", actual: "x was disposed" });
          allClose(Array.from(x.dataSync()), [3, 1, 4, 1, 5], { what: "the input should not change", input: "x = [3, 1, 4, 1, 5]", tol: 0 });
          ok(leaked <= 0, { what: "intermediate tensors should be disposed", input: "x = [3, 1, 4, 1, 5]", expected: "0 tensors left behind", actual: `${leaked} tensor(s) leaked` });
        } finally {
          x.dispose();
        }
      },
    },
    {
      name: "rejects input that is not a non-empty 1-D tensor",
      hint: "validate x.rank and x.size first and throw ValueError naming x.",
      run(impl) {
        const m = tf.tensor2d([[1, 2], [3, 4]]);
        const e = tf.tensor1d([]);
        try {
          throwsValueError("zscore(2-D tensor)", () => impl(m as unknown as tf.Tensor1D), { what: "a 2-D input should be rejected", input: "x = [[1, 2], [3, 4]]", mentions: ["x"] });
          throwsValueError("zscore(empty tensor)", () => impl(e), { what: "an empty input should be rejected", input: "x = []", mentions: ["x"] });
        } finally {
          m.dispose();
          e.dispose();
        }
      },
    },
    {
      name: "property: matches the float64 reference on random inputs",
      hint: "compare your output with (x − mean) / std computed by hand on the shrunk input shown.",
      run(impl) {
        // Values on a 0.01 grid in [-1000, 1000]: float32 subnormals would only test the backend's flushing.
        const arb = fc.array(fc.integer({ min: -100000, max: 100000 }).map((v) => v / 100), { minLength: 2, maxLength: 40 });
        property(arb, (xs) => {
          const data = Float32Array.from(xs);
          allClose(run(impl, data, "random"), referenceZscore(data), { what: "output should match the reference", tol: 1e-4, rtol: 1e-3 });
        }, { what: "zscore on random float arrays", numRuns: 60 });
      },
    },
  ],
};
