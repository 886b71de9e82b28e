/**
 * Drill 03 — sliding windows. Core (`matrix`): the seed's (n − k + 1, k) array of overlapping windows, built with
 * tensor ops — an index matrix idx[i][j] = i + j and one gather, or tf.signal.frame — judged outside the kernel
 * against a loop baseline on the float32 values x holds. Stretch (`views`, ★★): the same windows as zero-copy
 * Float64Array views (numpy's sliding_window_view), whose proof — same buffer, byteOffset x.byteOffset + 8·i, a
 * write to x showing through — exists only in the kernel's memory, so those cases are marked in-kernel. Every judge
 * runs behind replies.ts, so a reply of another shape fails by itself rather than crash it.
 *
 * Points (public cases): matrix 10, of which 2 in-kernel (values read back, leaks); views 5, of which 3 in-kernel.
 * In-kernel share 5 of 15 = 1/3; checks.spec asserts it stays a minority.
 */
import { ok, rejected } from "../../assert";
import type { Case, Check } from "../../drill";
import { fmt, fmtExact } from "../../format";
import { loadFixture } from "../../fixtures";
import { judgeSamples, samples } from "../../samples";
import { calls, type Matrix, type SlidingWindows, type Views, type WindowMatrix } from "./calls";
import { hidden as properties } from "./hidden";
import { judgeMatrix, judgeViewLayout, judgeViewValues } from "./judge";
import { guard, guardHidden } from "./replies";

interface Fixture {
  meta: Record<string, string>;
  cases: { x: number[]; k: number; windows: number[][]; strides: number[] }[];
}
const fixture = () => loadFixture<Fixture>("03-sliding-windows");

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const SMALL = { x: range(6), k: 3 };
const SMALL_IN = "x = [1, 2, 3, 4, 5, 6], k = 3";
type Threw = { threw: { name: string; message: string } | null };

/** Random x (integers, exact in float32) and k in [1, n]; shrinks toward short x and k = 1. */
const randomWindows = (numRuns: number, seed = 42) =>
  samples(
    (fc) =>
      fc.record({
        xs: fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 }),
        off: fc.nat({ max: 4 }),
        kRaw: fc.nat({ max: 29 }),
      }),
    { numRuns, seed },
  ).map(({ xs, off, kRaw }) => ({ x: xs, k: 1 + (kRaw % xs.length), offset: off }));

const badK = (id: string, k: number, name: string): Case<WindowMatrix> => ({
  id,
  name,
  hint: "validate k first: an integer with 1 ≤ k ≤ x.size, else throw ValueError naming k and that range.",
  call: "rejects",
  input: () => ({ x: range(6), k }),
  judge: (v: Threw) =>
    rejected(v.threw, `windowMatrix(x, ${fmt(k)})`, {
      what: `k = ${fmt(k)} should be rejected`,
      input: `x = [1 … 6] (n = 6), k = ${fmt(k)}`,
      mentions: ["k", "6"],
    }),
});

const matrixCases: Case<WindowMatrix>[] = [
  {
    id: "small",
    name: "windows of x = [1 … 6], k = 3 match a loop baseline",
    hint: "row i is x[i … i + k − 1]: an index matrix idx[i][j] = i + j, then one gather.",
    points: 1,
    call: "matrix",
    input: () => SMALL,
    judge: (out: Matrix) => judgeMatrix(out, SMALL.x, SMALL.k, { input: SMALL_IN }),
  },
  {
    id: "numpy-parity",
    name: "matches numpy's sliding_window_view on the parity fixtures",
    hint: "compare with numpy.lib.stride_tricks.sliding_window_view(x, k) on the input shown.",
    points: 1,
    call: "matrices",
    input: () => ({ cases: fixture().cases.map((c) => ({ x: c.x, k: c.k })) }),
    judge(outs: Matrix[]) {
      const { cases, meta } = fixture();
      cases.forEach((c, i) =>
        judgeMatrix(outs[i], c.x, c.k, {
          input: `x = ${fmtExact(c.x)} (n = ${c.x.length}), k = ${c.k}; numpy ${meta.numpy}`,
        }),
      );
    },
  },
  {
    id: "edges",
    name: "edge sizes: k = 1 gives n rows, k = n one row",
    hint: "k = 1 gives n rows of one element; k = n gives exactly one row, x itself.",
    points: 1,
    call: "matrices",
    input: () => ({ cases: [1, 5].map((k) => ({ x: range(5), k })) }),
    judge: (outs: Matrix[]) =>
      [1, 5].forEach((k, i) =>
        judgeMatrix(outs[i], range(5), k, {
          input: `x = [1, 2, 3, 4, 5], k = ${k}`,
        }),
      ),
  },
  {
    id: "property-baseline",
    name: "property: equals the loop baseline for random x and k",
    hint: "rebuild the smallest failing input shown and compare your rows with a double loop.",
    points: 2,
    call: "matrices",
    input: () => ({ cases: randomWindows(60).map(({ x, k }) => ({ x, k })) }),
    judge: (outs: Matrix[], { cases }: { cases: { x: number[]; k: number }[] }) =>
      judgeSamples(cases, outs, (c, out) => judgeMatrix(out, c.x, c.k), { what: "windowMatrix on random x and k" }),
  },
  badK("rejects-k-zero", 0, "rejects k = 0"),
  badK("rejects-k-over-n", 7, "rejects k > n"),
  badK("rejects-k-fraction", 2.5, "rejects a fractional k"),
  {
    id: "tensor-ops-only",
    name: "tensor ops only: no values read back into JS",
    hint: "build the windows with tf ops (tf.range, tf.add with broadcasting, tf.gather — or tf.signal.frame); dataSync() and loops over elements are out.",
    inKernel: true,
    points: 1,
    call: "reads",
    input: () => ({ x: range(50), k: 7 }),
    judge(v: { reads: Record<string, number> }) {
      const names = Object.entries(v.reads).map(([m, n]) => `${m}() ×${n}`);
      ok(names.length === 0, {
        what: "windowMatrix should not read tensor values into JS",
        input: "x = [1 … 50], k = 7",
        expected: "no dataSync/arraySync/data/array calls",
        actual: names.join(", "),
      });
    },
  },
  {
    id: "hygiene",
    name: "no leaked tensors, input left intact",
    hint: "wrap the body in tf.tidy(() => ...) so the index matrix and other intermediates are disposed; never dispose x.",
    inKernel: true,
    points: 1,
    call: "hygiene",
    input: () => ({ x: [3, 1, 4, 1, 5, 9], k: 2 }),
    judge(v: { leaked: number; disposed: boolean; after: Float32Array | null }) {
      const { leaked, disposed, after } = v;
      const input = "x = [3, 1, 4, 1, 5, 9], k = 2";
      ok(!disposed, {
        what: "the input tensor should still be usable",
        input,
        expected: "x not disposed",
        actual: "x was disposed",
      });
      const changed = Array.from(after ?? []).some((v, i) => v !== [3, 1, 4, 1, 5, 9][i]);
      ok(!changed, {
        what: "the input should not change",
        input,
        expected: fmtExact([3, 1, 4, 1, 5, 9]),
        actual: fmtExact(after),
      });
      ok(leaked <= 0, {
        what: "intermediate tensors should be disposed",
        input,
        expected: "0 tensors left behind",
        actual: `${leaked} tensor(s) leaked`,
      });
    },
  },
];

const viewsCases: Case<SlidingWindows>[] = [
  {
    id: "views-values",
    name: "rows equal the loop baseline on x = [1 … 6], k = 3",
    was: ["matches a loop baseline on x = [1 … 6], k = 3"],
    hint: "row i covers x[i] … x[i + k − 1]; the last one starts at n − k.",
    points: 1,
    call: "views",
    input: () => ({ ...SMALL, offset: 0 }),
    judge: (v: Views) => judgeViewValues(v, SMALL.x, SMALL.k, { input: `x = Float64Array [1, 2, 3, 4, 5, 6], k = 3` }),
  },
  {
    id: "views-rejects-k",
    name: "rejects k that is not an integer in [1, n]",
    was: ["rejects k that is not an integer in [1, n]"],
    hint: "validate k first: an integer with 1 ≤ k ≤ x.length, else throw ValueError naming k and that range.",
    points: 1,
    call: "viewsRejects",
    input: () => ({ x: range(6), k: 7 }),
    judge: (v: Threw) =>
      rejected(v.threw, "slidingWindows(x, 7)", {
        what: "k = 7 should be rejected",
        input: "x = [1 … 6] (n = 6), k = 7",
        mentions: ["k", "6"],
      }),
  },
  {
    id: "views-shared",
    name: "rows are zero-copy views on x",
    was: ["rows are zero-copy views on x"],
    hint: "a typed array can give you a view of a range of itself without copying: look for the method that does.",
    inKernel: true,
    points: 1,
    call: "views",
    input: () => ({ x: range(8), k: 3, offset: 0 }),
    judge(v: Views) {
      const input = "x = Float64Array [1 … 8], k = 3";
      judgeViewValues(v, range(8), 3, { input });
      judgeViewLayout(v, 3, { input });
    },
  },
  {
    id: "views-offset",
    name: "x that is itself a view (nonzero byteOffset)",
    was: ["x that is itself a view (nonzero byteOffset)"],
    hint: "x need not start at byte 0 of x.buffer: build views relative to x, not to its buffer.",
    inKernel: true,
    points: 1,
    call: "views",
    input: () => ({ x: range(7).map((i) => 102 + i), k: 4, offset: 3 }),
    judge(v: Views, { x }: { x: number[] }) {
      const input = "x = [103 … 109] placed 3 elements into a longer buffer (byteOffset 24, n = 7), k = 4";
      judgeViewValues(v, x, 4, { input });
      judgeViewLayout(v, 4, { input });
    },
  },
  {
    id: "views-property",
    name: "property: views equal the baseline for random x, k and offset",
    was: ["property: views equal the baseline for random x, k and offset"],
    hint: "rebuild the smallest failing input shown (an offset subarray of a longer buffer) and compare row by row.",
    inKernel: true,
    points: 1,
    call: "viewsMany",
    input: () => ({ cases: randomWindows(40, 7) }),
    judge: (vs: Views[], { cases }: { cases: { x: number[]; k: number; offset: number }[] }) =>
      judgeSamples(cases, vs, (c, v) => (judgeViewValues(v, c.x, c.k), judgeViewLayout(v, c.k)), {
        what: "slidingWindows on random x, k and offset",
        seed: 7,
      }),
  },
];

export const matrixCheck: Check<WindowMatrix> = {
  id: "03-sliding-windows",
  part: "matrix",
  title: "Window matrix (tfjs)",
  calls,
  cases: matrixCases.map(guard),
};
export const viewsCheck: Check<SlidingWindows> = {
  id: "03-sliding-windows",
  part: "views",
  title: "Zero-copy views",
  calls,
  cases: viewsCases.map(guard),
};

export const checks = { matrix: matrixCheck, views: viewsCheck };
/** The hidden properties, each judging only replies of the declared shape. */
export const hidden = Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, guardHidden(p)]));
