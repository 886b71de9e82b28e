/**
 * Drill 04's input contract: ValueError naming yTrue / yScore for each bad input, checked on both functions (a
 * curve of a single class divides by zero: tpr or fpr is 0/0 = NaN), and the caller's arrays left as they were.
 */
import { allClose, call, close, throwsValueError } from "../../assert";
import type { LegacyCase as Case } from "../../drill";
import { pairCountAuc } from "./oracle";
import { describeInput, type Auc } from "./calls";

type Bad = [label: string, y: number[], s: number[], mention: string];

/** Both functions must throw ValueError mentioning `mention` on each input. */
function rejectsAll(impl: Auc, bad: Bad[], what: string): void {
  for (const [label, y, s, mention] of bad) {
    const input = `${describeInput(y, s)} (${label})`;
    for (const fn of ["rocCurve", "binaryAuc"] as const) {
      throwsValueError(`${fn}(yTrue, yScore)`, () => impl[fn]([...y], [...s]), { what: `${fn}: ${what}`, input, mentions: [mention] });
    }
  }
}

export const validationCases: Case<Auc>[] = [
  {
    name: "rejects mismatched lengths and empty input",
    hint: "check yTrue.length === yScore.length and that it is > 0 before anything else; throw ValueError naming the argument.",
    run(impl) {
      rejectsAll(impl, [["length 3 vs 2", [0, 1, 1], [0.2, 0.7], "yScore"], ["empty", [], [], "yTrue"]], "a length mismatch or empty input should be rejected");
    },
  },
  {
    name: "rejects labels outside {0, 1}",
    hint: "every yTrue[i] must be exactly 0 or 1; a label 2 or the ±1 convention is a caller error, not a class.",
    run(impl) {
      rejectsAll(impl, [["label 2", [0, 1, 2], [0.1, 0.5, 0.9], "yTrue"], ["±1 labels", [1, -1, 1, -1], [0.9, 0.1, 0.8, 0.3], "yTrue"]], "labels outside {0, 1} should be rejected");
    },
  },
  {
    name: "rejects a single class",
    hint: "with no negatives (or no positives) fpr (or tpr) is 0/0: throw ValueError instead of returning NaN.",
    run(impl) {
      rejectsAll(impl, [["only positives", [1, 1, 1], [0.2, 0.5, 0.9], "yTrue"], ["only negatives", [0, 0], [0.3, 0.4], "yTrue"]], "a single class has no AUC and should be rejected");
    },
  },
  {
    name: "rejects non-finite scores",
    hint: "NaN compares false with everything, so sorting silently misplaces it: reject any score that is not finite.",
    run(impl) {
      rejectsAll(impl, [["NaN score", [0, 1, 0], [0.1, NaN, 0.3], "yScore"], ["Infinity score", [0, 1, 1], [0.1, Infinity, 0.3], "yScore"]], "non-finite scores should be rejected");
    },
  },
  {
    name: "accepts typed arrays and leaves its inputs unchanged",
    hint: "sort a copy (or an index array), never yTrue or yScore themselves.",
    run(impl) {
      const y = Int32Array.from([1, 0, 0, 1, 0, 1, 1, 0]);
      const s = Float64Array.from([0.3, 0.9, 0.2, 0.8, 0.5, 0.5, 0.1, 0.4]);
      const input = `${describeInput(y, s)} as Int32Array / Float64Array`;
      const [y0, s0] = [Array.from(y), Array.from(s)];
      const a = call("binaryAuc(yTrue, yScore)", () => impl.binaryAuc(y, s), { input });
      allClose(Array.from(y), y0, { what: "binaryAuc should not modify yTrue", input, tol: 0 });
      allClose(Array.from(s), s0, { what: "binaryAuc should not modify yScore", input, tol: 0 });
      close(a, pairCountAuc(y0, s0), { what: "AUC on typed arrays should equal the pair count", input, tol: 1e-9, hint: "yTrue and yScore are ArrayLike (here typed arrays): index them or Array.from them; don't rely on array-only methods." });
      call("rocCurve(yTrue, yScore)", () => impl.rocCurve(y, s), { input });
      allClose(Array.from(y), y0, { what: "rocCurve should not modify yTrue", input, tol: 0 });
      allClose(Array.from(s), s0, { what: "rocCurve should not modify yScore", input, tol: 0 });
    },
  },
];
