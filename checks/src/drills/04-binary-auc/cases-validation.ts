/**
 * Drill 04's input contract, one case per kind of bad input: ValueError naming yTrue / yScore from BOTH functions (a
 * curve of a single class divides by zero: tpr or fpr is 0/0 = NaN), judged outside the kernel from what each threw.
 */
import { rejected } from "../../assert";
import type { Case } from "../../drill";
import type { Auc, Pair } from "./calls";
import { describeInput } from "./judge";

type Threw = { name: string; message: string } | null;
type Bad = [label: string, y: number[], s: number[], mention: string];

function rejectsCase(id: string, name: string, hint: string, what: string, bad: Bad[]): Case<Auc> {
  return {
    id,
    name,
    was: [name],
    hint,
    call: "rejects",
    input: () => ({ cases: bad.map(([, yTrue, yScore]): Pair => ({ yTrue, yScore })) }),
    judge(outs: { rocCurve: Threw; binaryAuc: Threw }[]) {
      bad.forEach(([label, y, s, mention], i) => {
        for (const fn of ["rocCurve", "binaryAuc"] as const) {
          rejected(outs[i][fn], `${fn}(yTrue, yScore)`, {
            what: `${fn}: ${what}`,
            input: `${describeInput(y, s)} (${label})`,
            mentions: [mention],
          });
        }
      });
    },
  };
}

export const validationCases: Case<Auc>[] = [
  rejectsCase(
    "rejects-length",
    "rejects mismatched lengths and empty input",
    "check yTrue.length === yScore.length and that it is > 0 before anything else; throw ValueError naming the argument.",
    "a length mismatch or empty input should be rejected",
    [
      ["length 3 vs 2", [0, 1, 1], [0.2, 0.7], "yScore"],
      ["empty", [], [], "yTrue"],
    ],
  ),
  rejectsCase(
    "rejects-labels",
    "rejects labels outside {0, 1}",
    "every yTrue[i] must be exactly 0 or 1; a label 2 or the ±1 convention is a caller error, not a class.",
    "labels outside {0, 1} should be rejected",
    [
      ["label 2", [0, 1, 2], [0.1, 0.5, 0.9], "yTrue"],
      ["±1 labels", [1, -1, 1, -1], [0.9, 0.1, 0.8, 0.3], "yTrue"],
    ],
  ),
  rejectsCase(
    "rejects-one-class",
    "rejects a single class",
    "with no negatives (or no positives) fpr (or tpr) is 0/0: throw ValueError instead of returning NaN.",
    "a single class has no AUC and should be rejected",
    [
      ["only positives", [1, 1, 1], [0.2, 0.5, 0.9], "yTrue"],
      ["only negatives", [0, 0], [0.3, 0.4], "yTrue"],
    ],
  ),
  rejectsCase(
    "rejects-non-finite",
    "rejects non-finite scores",
    "NaN compares false with everything, so sorting silently misplaces it: reject any score that is not finite.",
    "non-finite scores should be rejected",
    [
      ["NaN score", [0, 1, 0], [0.1, NaN, 0.3], "yScore"],
      ["Infinity score", [0, 1, 1], [0.1, Infinity, 0.3], "yScore"],
    ],
  ),
];
