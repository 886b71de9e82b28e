/**
 * Drill 03 — sliding windows: the n − k + 1 windows of length k of x, each a zero-copy view on x's memory (numpy's
 * `sliding_window_view` / `as_strided`). A Float64Array view is (buffer, byteOffset, length); window i starts
 * i elements after x does, so its byteOffset must be x.byteOffset + 8·i — x itself may be a view that does not start
 * at byte 0 of its buffer.
 */
import * as fc from "fast-check";
import { allClose, call, equal, ok, property, throwsValueError } from "../../assert";
import { fail } from "../../failure";
import { fmt } from "../../format";
import { loadFixture } from "../../fixtures";
import type { Drill } from "../../drill";

export type SlidingWindows = (x: Float64Array, k: number) => Float64Array[];

const BYTES = Float64Array.BYTES_PER_ELEMENT;

/** The loop baseline: copies, written without views, so it cannot share a bug with a view-based answer. */
export function referenceWindows(x: ArrayLike<number>, k: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i + k <= x.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < k; j++) row.push(x[i + j]);
    rows.push(row);
  }
  return rows;
}

/** Calls the candidate and checks the result is an array of n − k + 1 Float64Arrays of length k. */
function windowsOf(impl: SlidingWindows, x: Float64Array, k: number, input: string): Float64Array[] {
  const n = x.length;
  const rows: unknown = call(`slidingWindows(x, ${k})`, () => impl(x, k), { input });
  if (!Array.isArray(rows)) fail({ what: "slidingWindows should return an array of rows", input, expected: "Float64Array[]", actual: fmt(rows) });
  const want = n - k + 1;
  ok(rows.length === want, {
    what: "there should be one window per start position 0 … n − k",
    input,
    expected: `n − k + 1 = ${want} rows`,
    actual: `${rows.length} rows`,
    note: rows.length === want - 1 ? "one short: the last window, starting at n − k, is missing" : rows.length > want ? "windows past n − k run off the end of x" : undefined,
  });
  rows.forEach((r, i) => {
    if (!(r instanceof Float64Array)) fail({ what: `row ${i} should be a Float64Array`, input, expected: "a Float64Array (a view on x)", actual: `${r?.constructor?.name ?? typeof r} ${fmt(r)}` });
    ok(r.length === k, { what: `row ${i} should have length k`, input, expected: `length ${k}`, actual: `length ${r.length}` });
  });
  return rows as Float64Array[];
}

function expectValues(rows: Float64Array[], x: Float64Array, k: number, input: string, what: string): void {
  const expected = referenceWindows(x, k);
  rows.forEach((r, i) => {
    const strideK = i > 0 && r[0] === x[i * k] && x[i * k] !== x[i];
    allClose(r, expected[i], { what: `${what}: row ${i} should be x[${i} … ${i + k - 1}]`, input, tol: 0, note: strideK ? `row ${i} starts at x[${i * k}]: windows step by k instead of 1` : undefined });
  });
}

/** Proves no element was copied: same buffer, byteOffset one element apart, and a write to x shows in the rows. */
function expectViews(rows: Float64Array[], x: Float64Array, k: number, input: string): void {
  rows.forEach((r, i) => {
    const copied = r.buffer !== x.buffer;
    ok(!copied, {
      what: `row ${i} should be a view on x's buffer, not a copy`,
      input,
      expected: "rows[i].buffer === x.buffer",
      actual: `row ${i} has its own ArrayBuffer of ${r.buffer.byteLength} bytes`,
      note: "slice(), Array.from and Float64Array.from copy the elements",
    });
    const want = x.byteOffset + BYTES * i;
    ok(r.byteOffset === want, {
      what: `row ${i} should start where x[${i}] is in memory`,
      input,
      expected: `byteOffset = x.byteOffset + 8·${i} = ${want}`,
      actual: `byteOffset ${r.byteOffset}`,
      note:
        x.byteOffset > 0 && r.byteOffset === BYTES * i
          ? "offsets are counted from the start of x.buffer, but x itself starts later in it"
          : i > 0 && k > 1 && r.byteOffset === x.byteOffset + BYTES * i * k
            ? `row ${i} starts ${i * k} elements in: windows step by k instead of 1`
            : undefined,
    });
  });
  const saved = Float64Array.from(x);
  try {
    for (const j of new Set([0, x.length >> 1, x.length - 1])) {
      const sentinel = -9876.5 - j;
      x[j] = sentinel;
      for (let i = Math.max(0, j - k + 1); i <= Math.min(j, rows.length - 1); i++) {
        ok(rows[i][j - i] === sentinel, { what: `a write to x[${j}] should show in row ${i} at [${j - i}]`, input, expected: fmt(sentinel), actual: fmt(rows[i][j - i]) });
      }
      x[j] = saved[j];
    }
  } finally {
    x.set(saved);
  }
}

interface Fixture {
  meta: Record<string, string>;
  cases: { x: number[]; k: number; windows: number[][]; strides: number[] }[];
}

const range = (n: number) => Float64Array.from({ length: n }, (_, i) => i + 1);

export const windowsDrill: Drill<SlidingWindows> = {
  id: "03-sliding-windows",
  title: "Sliding windows",
  cases: [
    {
      name: "matches a loop baseline on x = [1 … 6], k = 3",
      hint: "window i covers x[i] … x[i + k − 1]; the last one starts at n − k.",
      run(impl) {
        const x = range(6);
        const input = "x = Float64Array [1, 2, 3, 4, 5, 6], k = 3";
        expectValues(windowsOf(impl, x, 3, input), x, 3, input, "windows");
        allClose(x, range(6), { what: "x should not change", input, tol: 0 });
      },
    },
    {
      name: "matches numpy's sliding_window_view",
      hint: "compare with numpy.lib.stride_tricks.sliding_window_view(x, k) on the input shown.",
      run(impl) {
        const { cases, meta } = loadFixture<Fixture>("03-sliding-windows");
        for (const c of cases) {
          const x = Float64Array.from(c.x);
          const input = `x = ${fmt(c.x)} (n = ${c.x.length}), k = ${c.k}; numpy ${meta.numpy}`;
          const rows = windowsOf(impl, x, c.k, input);
          rows.forEach((r, i) => allClose(r, c.windows[i], { what: `row ${i} should equal numpy's window ${i}`, input, tol: 0 }));
          // numpy's layout: both strides one element (c.strides = [8, 8]), i.e. window i starts 8·i bytes in.
          if (c.strides[0] === BYTES) expectViews(rows, x, c.k, input);
        }
      },
    },
    {
      name: "rows are zero-copy views on x",
      hint: "a typed array can give you a view of a range of itself without copying: look for the method that does.",
      run(impl) {
        const x = range(8);
        const input = "x = Float64Array [1 … 8], k = 3";
        expectViews(windowsOf(impl, x, 3, input), x, 3, input);
      },
    },
    {
      name: "x that is itself a view (nonzero byteOffset)",
      hint: "x need not start at byte 0 of x.buffer: build views relative to x, not to its buffer.",
      run(impl) {
        const base = Float64Array.from({ length: 12 }, (_, i) => 100 + i);
        const x = base.subarray(3, 10);
        const input = "x = Float64Array.from([100 … 111]).subarray(3, 10) (byteOffset 24, n = 7), k = 4";
        const rows = windowsOf(impl, x, 4, input);
        expectValues(rows, x, 4, input, "windows of a subarray");
        expectViews(rows, x, 4, input);
      },
    },
    {
      name: "edge sizes k = 1 and k = n",
      hint: "k = 1 gives n rows of one element; k = n gives exactly one row, x itself.",
      run(impl) {
        for (const k of [1, 5]) {
          const x = range(5);
          const input = `x = [1, 2, 3, 4, 5], k = ${k}`;
          expectValues(windowsOf(impl, x, k, input), x, k, input, "windows");
        }
      },
    },
    {
      name: "rejects k that is not an integer in [1, n]",
      hint: "validate k first: an integer with 1 ≤ k ≤ x.length, else throw ValueError naming k and that range.",
      run(impl) {
        for (const k of [0, 7, 2.5, -1, NaN]) {
          const x = range(6);
          throwsValueError(`slidingWindows(x, ${k})`, () => impl(x, k), { what: `k = ${k} should be rejected`, input: `x = [1 … 6] (n = 6), k = ${k}`, mentions: ["k", "6"] });
        }
      },
    },
    {
      name: "property: views equal the baseline for random x, k and offset",
      hint: "rebuild the shrunk input shown (an offset subarray of a longer buffer) and compare row by row.",
      run(impl) {
        const arb = fc
          .record({ xs: fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 }), off: fc.nat({ max: 4 }), kRaw: fc.nat({ max: 29 }) })
          // k drawn uniformly-ish in [1, n] (fc.double would pile up at 0, i.e. k = 1); shrinks toward k = 1.
          .map(({ xs, off, kRaw }) => ({ xs, off, k: 1 + (kRaw % xs.length) }));
        property(arb, ({ xs, off, k }) => {
          const base = new Float64Array(off + xs.length + 2);
          const x = base.subarray(off, off + xs.length);
          x.set(xs);
          const input = `x = subarray(${off}, ${off + xs.length}) of a buffer of ${base.length}, k = ${k}`;
          const rows = windowsOf(impl, x, k, input);
          expectValues(rows, x, k, input, "windows");
          expectViews(rows, x, k, input);
          equal(Array.from(x), xs, { what: "x should not change", input });
        }, { what: "slidingWindows on random inputs", numRuns: 80 });
      },
    },
  ],
};
