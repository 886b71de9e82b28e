/**
 * Hidden-case properties for drill 03, split: the grader builds each input from the interviewer's spec and judges
 * with the loop baseline; the kernel only runs the call. Failures give counts and row indices, never values.
 * - `windows` (core): the tfjs window matrix equals the loop baseline (an `offset` in the spec is for `views`).
 * - `rejects` (core): an invalid k throws ValueError naming k.
 * - `views` (stretch, in-kernel): Float64Array rows are views on x's buffer at x.byteOffset + 8·i, x placed
 *   `offset` elements into a larger buffer.
 */
import { ok, rejected } from "../../assert";
import type { HiddenProperty } from "../../hidden-property";
import { numbers } from "../../experience/hidden";
import type { Matrix, Views } from "./calls";
import { float32, referenceWindows } from "./oracle";

const kOf = (spec: { input: Record<string, unknown> }) => {
  const k = spec.input.k;
  if (typeof k !== "number") throw new Error(`input.k: expected a number, got ${JSON.stringify(k)}`);
  return k;
};

export const hidden: Record<string, HiddenProperty> = {
  windows: {
    part: "matrix",
    what: "windowMatrix equals the loop baseline",
    hint: "row i is x[i … i + k − 1]; there are n − k + 1 rows.",
    call: "matrix",
    input: (spec) => ({ x: numbers(spec.input.x, "x"), k: kOf(spec) }),
    judge(out: Matrix, { x, k }: { x: number[]; k: number }) {
      const want = referenceWindows(float32(x), k);
      ok(out.shape.length === 2 && out.shape[0] === want.length && out.shape[1] === k, {
        what: "windowMatrix should return shape [n − k + 1, k]",
        expected: `[${want.length}, ${k}]`,
        actual: `[${out.shape.join(", ")}]`,
      });
      const bad = want.findIndex((row, i) => row.some((v, j) => !Object.is(out.values[i * k + j], v)));
      ok(bad < 0, {
        what: "row i should be x[i], …, x[i + k − 1]",
        expected: "the loop baseline's rows",
        actual: `row ${bad} of ${want.length} differs`,
      });
    },
  },
  rejects: {
    part: "matrix",
    what: "an invalid k throws ValueError naming k",
    hint: "k must be an integer with 1 ≤ k ≤ n.",
    call: "rejects",
    input: (spec) => ({ x: numbers(spec.input.x, "x"), k: kOf(spec) }),
    judge: (v: { threw: { name: string; message: string } | null }) =>
      rejected(v.threw, "windowMatrix(x, k)", {
        what: "an invalid k should be rejected",
        mentions: ["k"],
      }),
  },
  views: {
    part: "views",
    what: "slidingWindows rows equal the loop baseline and are views on x's memory",
    hint: "row i starts i elements after x does, in x's own buffer: x may be a view that does not start at byte 0.",
    inKernel: true,
    call: "views",
    input: (spec) => ({ x: numbers(spec.input.x, "x"), k: kOf(spec), offset: Number(spec.input.offset ?? 0) }),
    judge(v: Views, { x, k }: { x: number[]; k: number }) {
      const want = referenceWindows(x, k);
      ok(v.rows.length === want.length, {
        what: "there should be n − k + 1 rows",
        expected: `${want.length} rows`,
        actual: `${v.rows.length} rows`,
      });
      const notView = v.layout.findIndex(
        (l, i) =>
          l.type !== "Float64Array" || !l.sameBuffer || l.byteOffset !== v.xByteOffset + 8 * i || l.length !== k,
      );
      ok(notView < 0, {
        what: "every row should be a length-k view on x's buffer at x.byteOffset + 8·i",
        expected: "views",
        actual: `row ${notView} is not (a copy, a wrong offset or a wrong length)`,
      });
      const wrong = want.findIndex((row, i) => row.some((e, j) => !Object.is(v.rows[i][j], e)));
      ok(wrong < 0, {
        what: "row values should equal x[i … i + k − 1]",
        expected: "the loop baseline's values",
        actual: `row ${wrong} differs`,
      });
    },
  },
};
