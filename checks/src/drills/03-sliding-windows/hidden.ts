/**
 * Hidden-case properties for drill 03 (sliding windows): values against the loop baseline and zero-copy views,
 * optionally on an x that is itself a view `offset` elements into a larger buffer; and validation of k.
 */
import { call, ok, throwsValueError } from "../../assert";
import { referenceWindows, windowsDrill, type SlidingWindows } from "./checks";
import { numbers, registerHidden } from "../../experience/hidden";
import { HIDDEN_INPUT } from "../../drill";

/** x as a view `offset` elements into a buffer with a guard element after it. */
function placed(values: number[], offset: number): Float64Array {
  const buf = new Float64Array(offset + values.length + 1);
  buf.set(values, offset);
  return buf.subarray(offset, offset + values.length);
}

registerHidden<SlidingWindows>(windowsDrill, {
  windows: {
    what: "rows equal the loop baseline and are views on x's memory",
    hint: "row i starts i elements after x does, in x's own buffer: x may be a view that does not start at byte 0.",
    run(impl, spec) {
      const values = numbers(spec.input.x, "x");
      const k = Number(spec.input.k);
      const x = placed(values, Number(spec.input.offset ?? 0));
      const rows = call("slidingWindows(x, k)", () => impl(x, k), { input: HIDDEN_INPUT }) as unknown;
      const want = referenceWindows(values, k);
      ok(Array.isArray(rows) && rows.length === want.length, { what: "there should be n − k + 1 rows", expected: `${want.length} rows`, actual: Array.isArray(rows) ? `${rows.length} rows` : typeof rows });
      const list = rows as unknown[];
      const notView = list.findIndex((r, i) => !(r instanceof Float64Array) || r.buffer !== x.buffer || r.byteOffset !== x.byteOffset + 8 * i || r.length !== k);
      ok(notView < 0, { what: "every row should be a length-k view on x's buffer at x.byteOffset + 8·i", expected: "views", actual: `row ${notView} is not (a copy, a wrong offset or a wrong length)` });
      const wrong = want.findIndex((row, i) => row.some((v, j) => !Object.is((list[i] as Float64Array)[j], v)));
      ok(wrong < 0, { what: "row values should equal x[i … i + k − 1]", expected: "the loop baseline's values", actual: `row ${wrong} differs` });
    },
  },
  rejects: {
    what: "an invalid k throws ValueError naming k",
    hint: "k must be an integer with 1 ≤ k ≤ n.",
    run(impl, spec) {
      const x = Float64Array.from(numbers(spec.input.x, "x"));
      throwsValueError("slidingWindows(x, k)", () => impl(x, spec.input.k as number), { what: "an invalid k should be rejected", mentions: ["k"] });
    },
  },
});
