/**
 * Drill 03's judges, shared by the public and hidden cases. Each names ONE cause per failure, with the same `what`,
 * `note` and `hint` wherever the cause repeats, so an off-by-one that breaks every case reads as one cause, not seven
 * different messages.
 */
import { ok } from "../../assert";
import { fmtExact } from "../../format";
import type { Matrix, RowLayout, Views } from "./calls";
import { float32, referenceWindows } from "./oracle";

const BYTES = Float64Array.BYTES_PER_ELEMENT;
const FROM_BUFFER_START = {
  note: "offsets are counted from the start of x.buffer, but x itself starts later in it",
  hint: "new Float64Array(buffer, byteOffset, length) counts from the buffer: add x.byteOffset, or use x.subarray, which counts from x.",
};

interface Ctx {
  input?: string;
}

/** Why a shape is wrong, when the shape alone tells. */
function shapeCause(shape: number[], n: number, k: number): { note: string; hint: string } | undefined {
  const rows = n - k + 1;
  const [r, c] = shape;
  if (c === k && r === rows - 1)
    return {
      note: "one window short: the last window starts at n − k, so there are n − k + 1 starts",
      hint: "the starts are 0, 1, …, n − k: that is n − k + 1 of them (tf.range(0, n − k + 1)).",
    };
  if (c === k && r === rows + 1)
    return {
      note: "one window too many: a window starting at n − k + 1 runs past the end of x",
      hint: "the last window starts at n − k; tf.range's end is exclusive.",
    };
  if (c === k && r === n && k > 1)
    return {
      note: "one window per element: windows starting after n − k run past the end of x",
      hint: "only starts 0 … n − k have k elements left.",
    };
  if (r === k && c === rows && rows !== k)
    return {
      note: "transposed: each column is a window",
      hint: "rows are windows: build the index matrix as starts (a column) + offsets (a row), i.e. shape [n − k + 1, 1] + [1, k].",
    };
  return undefined;
}

/** The tfjs part: shape [n − k + 1, k] and every row equal to the loop baseline on x's float32 values, exactly. */
export function judgeMatrix(out: Matrix, x: number[], k: number, ctx: Ctx = {}): void {
  const want = referenceWindows(float32(x), k);
  const n = x.length;
  const cause = shapeCause(out.shape, n, k);
  ok(out.shape.length === 2 && out.shape[0] === want.length && out.shape[1] === k, {
    what: "windowMatrix should return shape [n − k + 1, k]: one row per window start",
    input: ctx.input,
    expected: `[${want.length}, ${k}]   (n = ${n}, k = ${k})`,
    actual: `[${out.shape.join(", ")}]`,
    note: cause?.note,
    hint: cause?.hint,
  });
  for (let i = 0; i < want.length; i++) {
    const row = Array.from(out.values.subarray(i * k, (i + 1) * k));
    if (row.every((v, j) => Object.is(v, want[i][j]))) continue;
    const strideK = i > 0 && i * k < n && row[0] === float32([x[i * k]])[0] && x[i * k] !== x[i];
    const reversed = row.every((v, j) => v === want[i][k - 1 - j]);
    ok(false, {
      what: "row i of the windows should be x[i], …, x[i + k − 1]",
      input: ctx.input,
      expected: `row ${i} = ${fmtExact(want[i])}`,
      actual: `row ${i} = ${fmtExact(row)}`,
      note: strideK
        ? "windows step by k instead of 1: row i starts at x[i·k]"
        : reversed
          ? "each window is reversed"
          : undefined,
      hint: strideK ? "the start of row i is i (stride 1); the offsets within a window are 0 … k − 1." : undefined,
    });
  }
}

/** The views part's values: n − k + 1 Float64Array rows of length k equal to the loop baseline. */
export function judgeViewValues(v: Views, x: number[], k: number, ctx: Ctx = {}): void {
  const want = referenceWindows(x, k);
  const n = x.length;
  const changed = Array.from(v.xAfter).findIndex((e, j) => !Object.is(e, x[j]));
  ok(changed < 0, {
    what: "x should not change",
    input: ctx.input,
    expected: `x[${changed}] = ${fmtExact(x[changed])}`,
    actual: `x[${changed}] = ${fmtExact(v.xAfter[changed])}`,
  });
  const cause = shapeCause([v.rows.length, k], n, k);
  ok(v.rows.length === want.length, {
    what: "slidingWindows should return one row per window start",
    input: ctx.input,
    expected: `n − k + 1 = ${want.length} rows`,
    actual: `${v.rows.length} rows`,
    note: cause?.note,
    hint: cause?.hint,
  });
  const wrongType = v.layout.findIndex((l) => l.type !== "Float64Array");
  ok(wrongType < 0, {
    what: "every row should be a Float64Array",
    input: ctx.input,
    expected: "Float64Array rows (views on x)",
    actual: `row ${wrongType} is a ${v.layout[wrongType]?.type}`,
    hint: "x.subarray(start, end) is a Float64Array that shares x's memory; Array.from or [...x] make plain arrays.",
  });
  const short = v.layout.findIndex((l) => l.length !== k);
  ok(short < 0, {
    what: "every row should have length k",
    input: ctx.input,
    expected: `length ${k}`,
    actual: `row ${short} has length ${v.layout[short]?.length}`,
    note: short === want.length - 1 && short > 0 ? "the last row is cut short: it runs off the end of x" : undefined,
  });
  for (let i = 0; i < want.length; i++) {
    const row = Array.from(v.rows[i]);
    if (row.every((e, j) => Object.is(e, want[i][j]))) continue;
    const strideK = i > 0 && i * k < n && row[0] === x[i * k] && x[i * k] !== x[i];
    const fromBufferStart = v.xByteOffset > 0 && v.layout[i]?.byteOffset === BYTES * i;
    ok(false, {
      what: "row i of the windows should be x[i], …, x[i + k − 1]",
      input: ctx.input,
      expected: `row ${i} = ${fmtExact(want[i])}`,
      actual: `row ${i} = ${fmtExact(row)}`,
      note: fromBufferStart
        ? FROM_BUFFER_START.note
        : strideK
          ? "windows step by k instead of 1: row i starts at x[i·k]"
          : undefined,
      hint: fromBufferStart ? FROM_BUFFER_START.hint : undefined,
    });
  }
}

/** Rows are views: x's buffer, byteOffset x.byteOffset + 8·i, and a write to x shows in every row covering it. */
export function judgeViewLayout(v: Views, k: number, ctx: Ctx = {}): void {
  const copied = v.layout.findIndex((l) => !l.sameBuffer);
  ok(copied < 0, {
    what: "every row should be a view on x's buffer, not a copy",
    input: ctx.input,
    expected: "rows[i].buffer === x.buffer",
    actual: `row ${copied} has its own memory`,
    note: "slice(), Array.from and Float64Array.from copy the elements",
    hint: "a typed array can give you a view of a range of itself without copying: subarray(start, end).",
  });
  const misplaced = v.layout.findIndex((l, i) => l.byteOffset !== v.xByteOffset + BYTES * i);
  if (misplaced >= 0) {
    const l: RowLayout = v.layout[misplaced];
    const i = misplaced;
    const fromBufferStart = v.xByteOffset > 0 && l.byteOffset === BYTES * i;
    ok(false, {
      what: "row i should start where x[i] is in memory",
      input: ctx.input,
      expected: `row ${i}: byteOffset = x.byteOffset + 8·${i} = ${v.xByteOffset + BYTES * i}`,
      actual: `byteOffset ${l.byteOffset}`,
      note: fromBufferStart
        ? FROM_BUFFER_START.note
        : i > 0 && k > 1 && l.byteOffset === v.xByteOffset + BYTES * i * k
          ? "windows step by k instead of 1"
          : undefined,
      hint: fromBufferStart ? FROM_BUFFER_START.hint : undefined,
    });
  }
  const missed = v.probes.find((p) => !p.seen);
  ok(!missed, {
    what: "a write to x should show in every row that covers it",
    input: ctx.input,
    expected: missed ? `x[${missed.j}] visible as row ${missed.i}[${missed.j - missed.i}]` : "",
    actual: "the row kept the old value",
  });
}
