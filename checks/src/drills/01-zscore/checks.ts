/**
 * Drill 01 — z-score: (x − mean) / std with the population std (ddof 0), zeros when the input is constant, tensor ops
 * only, and float32-safe: two-pass (subtract the mean, then square), because one-pass E[x²] − E[x]² cancels when
 * |mean| ≫ std (x = 1e4 + N(0,1): E[x²] ≈ 1e8, and float32 keeps ~7 digits, so the difference is noise).
 *
 * Each case is split: `call` names the kernel half in calls.ts; `judge` compares its data with the float64 oracle.
 */
import { normal } from "@drills/lib";
import { allClose, close, ok, rejected } from "../../assert";
import type { Case, Check } from "../../drill";
import { fmt } from "../../format";
import { loadFixture } from "../../fixtures";
import { judgeSamples, samples } from "../../samples";
import { calls, type Zscore } from "./calls";
import { hidden } from "./hidden";
import { moments, outputOf, outputsOf, referenceZscore, ulp32 } from "./oracle";

interface ZscoreFixture {
  meta: { numpy: string };
  cases: { name: string; x: number[]; z: number[] }[];
}

interface Out {
  values: Float32Array;
  backend: string;
}

const SMALL = [1, 2, 3, 4];
const SMALL_IN = "x = [1, 2, 3, 4]";
const BAD = [
  { values: [1, 2, 3, 4], shape: [2, 2], input: "x = [[1, 2], [3, 4]]", what: "a 2-D input should be rejected" },
  { values: [], shape: [0], input: "x = []", what: "an empty input should be rejected" },
];

const cases: Case<Zscore>[] = [
  {
    id: "small",
    name: "matches (x − mean) / std on a small input",
    was: ["matches (x − mean) / std on a small input"],
    hint: "std here is the population std: divide the sum of squared deviations by n, not n − 1.",
    call: "output",
    input: () => ({ x: SMALL }),
    judge(value: Out) {
      const values = outputOf(value, SMALL.length);
      const sample = SMALL.map((v) => (v - 2.5) / Math.sqrt(5 / 3));
      const looksSample = Array.from(values).every((v, i) => Math.abs(v - sample[i]) < 1e-4);
      allClose(values, referenceZscore(SMALL), {
        what: "output should equal (x − mean) / std",
        input: SMALL_IN,
        tol: 1e-5,
        note: looksSample ? "this is the sample std, ddof 1" : undefined,
      });
    },
  },
  {
    id: "numpy-parity",
    name: "matches numpy on the parity fixtures",
    hint: "(x − mean) / std, population std; on the large-offset case subtract the mean before squaring.",
    call: "outputs",
    input: () => ({ xs: loadFixture<ZscoreFixture>("01-zscore").cases.map((c) => c.x) }),
    judge(value: { values: Float32Array[]; backend: string }) {
      const fx = loadFixture<ZscoreFixture>("01-zscore");
      const values = outputsOf(
        value,
        fx.cases.map((c) => c.x.length),
      );
      const backend = value.backend;
      fx.cases.forEach((c, i) => {
        // The mean itself must be held in float32, so every output can shift by up to ulp(|mean|)/std (5e-4 at
        // 1e4 + N(0,1)); beyond that, float32 arithmetic on O(1) outputs is good to ~1e-6. On wasm the sum runs in
        // float32 too: rounding at the running sum's scale, ~√n of them, divided by n.
        const { mean, std } = moments(c.x);
        const n = c.x.length;
        const sumError = backend === "wasm" ? ulp32(Math.abs(mean) * n) / Math.sqrt(n) : 0;
        const tol = 1e-5 + (ulp32(Math.abs(mean)) + sumError) / std;
        allClose(values[i] ?? [], c.z, {
          what: `output should match numpy ${fx.meta.numpy}'s (x − x.mean()) / x.std()`,
          input: `fixture "${c.name}": x = ${fmt(c.x)}`,
          tol,
          rtol: 1e-5,
        });
      });
    },
  },
  {
    id: "constant",
    name: "constant input gives all zeros",
    hint: "when every element is equal the answer is zeros — but float32 rarely gives std exactly 0 (seven 0.1s leave ~1e-8): test for a constant input itself, e.g. max == min.",
    call: "outputs",
    input: () => ({
      xs: [[5, 5, 5], [0.1, 0.1, 0.1], new Array(7).fill(0.1), new Array(1000).fill(-3.3), [1e30, 1e30]],
    }),
    judge(value: { values: Float32Array[] }, { xs }: { xs: number[][] }) {
      const values = outputsOf(
        value,
        xs.map((x) => x.length),
      );
      xs.forEach((x, i) => {
        const out = values[i];
        const bad = Array.from(out).findIndex((v) => v !== 0);
        ok(out.length === x.length && bad < 0, {
          what: "a constant input should give zeros, not NaN and not ±1",
          input: `x = ${fmt(x[0])} repeated ${x.length} times`,
          expected: `${x.length} zeros`,
          actual: out.length !== x.length ? `length ${out.length}` : `[${bad}] = ${fmt(out[bad])}   (all: ${fmt(out)})`,
          note: Number.isNaN(out[bad])
            ? "0 / 0"
            : Math.abs(out[bad]) === 1
              ? "std came out a tiny non-zero: float32 rounding, not spread"
              : undefined,
        });
      });
    },
  },
  {
    id: "two-pass",
    name: "float32-safe on a large mean (two-pass)",
    hint: "subtract the mean first, then square (two-pass); E[x²] − E[x]² cancels in float32.",
    call: "output",
    input: () => ({ x: Float32Array.from(normal(20000, 1, 1e4, 1)) }),
    judge(value: Out, { x }: { x: Float32Array }) {
      const input = "x = 1e4 + N(0,1), n = 20000 (seed 1)";
      const m = moments(outputOf(value, x.length));
      const backend = value.backend;
      // wasm sums in float32 (error ~ n·ulp), so even a correct two-pass mean is off by ~3e-3 there.
      const tol = backend === "wasm" ? 1e-2 : 1e-3;
      close(m.std, 1, {
        what: "output std should be 1",
        input,
        tol,
        note: m.std === 0 || !Number.isFinite(m.std) ? "one-pass variance cancels in float32" : undefined,
      });
      close(m.mean, 0, { what: "output mean should be 0", input, tol });
    },
  },
  {
    id: "tensor-ops-only",
    name: "tensor ops only: no values read back into JS",
    hint: "express it with tf ops (tf.moments or mean/sub/square); dataSync() and loops over elements are out.",
    inKernel: true,
    call: "reads",
    input: () => ({ x: Array.from(normal(1000, 2)) }),
    judge(value: { reads: Record<string, number> } | undefined) {
      const names = Object.entries(value?.reads ?? {}).map(([m, n]) => `${m}() ×${n}`);
      ok(names.length === 0, {
        what: "zscore should not read tensor values into JS",
        input: "x = N(0,1), n = 1000",
        expected: "no dataSync/arraySync/data/array calls",
        actual: names.join(", "),
      });
    },
  },
  {
    id: "hygiene",
    name: "no leaked tensors, input left intact",
    hint: "wrap the body in tf.tidy(() => ...) so intermediates are disposed; never dispose x itself.",
    inKernel: true,
    call: "hygiene",
    input: () => ({ x: [3, 1, 4, 1, 5] }),
    judge(value: { leaked: number; disposed: boolean; after: Float32Array | null } | undefined) {
      const { leaked, disposed, after } = value ?? { leaked: NaN, disposed: true, after: null };
      const input = "x = [3, 1, 4, 1, 5]";
      ok(!disposed, {
        what: "the input tensor should still be usable",
        input,
        expected: "x not disposed",
        actual: "x was disposed",
      });
      allClose(after ?? [], [3, 1, 4, 1, 5], { what: "the input should not change", input, tol: 0 });
      ok(leaked <= 0, {
        what: "intermediate tensors should be disposed",
        input,
        expected: "0 tensors left behind",
        actual: `${leaked} tensor(s) leaked`,
      });
    },
  },
  {
    id: "property-reference",
    name: "property: matches the float64 reference on random inputs",
    hint: "compare your output with (x − mean) / std computed by hand on the smallest failing input shown.",
    call: "outputs",
    // Values on a 0.01 grid in [-1000, 1000]: float32 subnormals would only test the backend's flushing.
    input: () => ({
      xs: samples(
        (fc) =>
          fc.array(
            fc.integer({ min: -100000, max: 100000 }).map((v) => v / 100),
            { minLength: 2, maxLength: 40 },
          ),
        { numRuns: 60 },
      ).map((xs) => Array.from(Float32Array.from(xs))),
    }),
    judge(value: { values: Float32Array[] }, { xs }: { xs: number[][] }) {
      judgeSamples(
        xs,
        outputsOf(
          value,
          xs.map((x) => x.length),
        ),
        (x, out) =>
          allClose(out ?? [], referenceZscore(x), { what: "output should match the reference", tol: 1e-4, rtol: 1e-3 }),
        { what: "zscore on random float arrays" },
      );
    },
  },
];

/** One rejects case per bad input, each its own call: a ValueError on one says nothing about the other. */
const rejectCases: Case<Zscore>[] = BAD.map((b, i) => ({
  id: i === 0 ? "rejects-2d" : "rejects-empty",
  name: `rejects ${i === 0 ? "a 2-D tensor" : "an empty tensor"}`,
  was: i === 0 ? ["rejects input that is not a non-empty 1-D tensor"] : undefined,
  hint: "validate x.rank and x.size first and throw ValueError naming x.",
  call: "rejects",
  input: () => ({ values: b.values, shape: b.shape }),
  judge: (value: { threw: { name: string; message: string } | null } | undefined) =>
    rejected(value?.threw, `zscore(${b.input.slice(4)})`, { what: b.what, input: b.input, mentions: ["x"] }),
}));

export const zscoreCheck: Check<Zscore> = {
  id: "01-zscore",
  part: "zscore",
  title: "Z-score",
  calls,
  cases: [...cases.slice(0, -1), ...rejectCases, ...cases.slice(-1)],
};

export const checks = { zscore: zscoreCheck };
export { hidden };
