/** Drill 04's curve cases: one point per distinct score, the endpoints, and parity with sklearn's roc_curve. */
import { allClose, ok } from "../../assert";
import type { Case } from "../../drill";
import { fmt } from "../../format";
import type { Auc, Roc } from "./calls";
import { CAUSES, describeInput, judgeCurve, perSample } from "./judge";
import { fixtureCases, GROUPS } from "./inputs";

export const curveCases: Case<Auc>[] = [
  {
    id: "distinct-points",
    name: "one point per distinct score, thresholds strictly decreasing",
    was: ["one point per distinct score, thresholds strictly decreasing"],
    hint: "emit a point only after the last sample of a run of equal scores, walking from the highest score down.",
    call: "curve",
    input: () => GROUPS,
    judge(roc: Roc) {
      const input = describeInput(GROUPS.yTrue, GROUPS.yScore);
      const ungrouped = perSample(roc, GROUPS.yScore);
      ok(roc.thresholds.length === 5, {
        what: "the curve should have one point per distinct score plus the (0, 0) start",
        input,
        expected: "5 points (4 distinct scores + start)",
        actual: `${roc.thresholds.length} points, thresholds ${fmt(roc.thresholds)}`,
        note: ungrouped ? CAUSES.ungrouped.note : undefined,
        hint: ungrouped ? CAUSES.ungrouped.hint : undefined,
      });
      const bad = roc.thresholds.findIndex((t, i) => i > 0 && !(t < roc.thresholds[i - 1]));
      const ascending = roc.thresholds.slice(1).every((t, i, a) => i === 0 || t > a[i - 1]);
      ok(bad < 0, {
        what: "thresholds should be strictly decreasing",
        input,
        expected: "thresholds[i] < thresholds[i − 1]",
        actual: `thresholds = ${fmt(roc.thresholds)}`,
        note: ascending ? "the sweep runs from the lowest score up" : undefined,
        hint: ascending
          ? "sort by score descending: the first threshold predicts only the highest scores positive."
          : undefined,
      });
    },
  },
  {
    id: "endpoints",
    name: "curve runs from (0, 0) at threshold +Infinity to (1, 1)",
    was: ["curve runs from (0, 0) at threshold +Infinity to (1, 1)"],
    hint: "before any sample is predicted positive, fpr = tpr = 0; that point's threshold is +Infinity.",
    call: "curve",
    input: () => GROUPS,
    judge(roc: Roc) {
      const { fpr, tpr, thresholds } = roc;
      const input = describeInput(GROUPS.yTrue, GROUPS.yScore);
      const max = Math.max(...GROUPS.yScore);
      ok(fpr[0] === 0 && tpr[0] === 0, {
        what: "the first point should be (fpr, tpr) = (0, 0)",
        input,
        expected: "(0, 0)",
        actual: `(${fmt(fpr[0])}, ${fmt(tpr[0])})`,
      });
      ok(thresholds[0] === Infinity, {
        what: "the first threshold should be +Infinity",
        input,
        expected: "Infinity",
        actual: fmt(thresholds[0]),
        note:
          thresholds[0] === max + 1
            ? "max(score) + 1 is sklearn < 1.3's convention; this drill uses +Infinity like sklearn ≥ 1.3"
            : undefined,
      });
      const n = fpr.length - 1;
      ok(fpr[n] === 1 && tpr[n] === 1, {
        what: "the last point should be (1, 1)",
        input,
        expected: "(1, 1)",
        actual: `(${fmt(fpr[n])}, ${fmt(tpr[n])})`,
      });
      const down = fpr.findIndex((f, i) => i > 0 && (f < fpr[i - 1] || tpr[i] < tpr[i - 1]));
      ok(down < 0, {
        what: "fpr and tpr should never decrease along the curve",
        input,
        expected: "non-decreasing fpr and tpr",
        actual: `fpr = ${fmt(fpr)}, tpr = ${fmt(tpr)}`,
      });
    },
  },
  {
    id: "sklearn-curve",
    name: "rocCurve matches sklearn's roc_curve(drop_intermediate=False)",
    was: ["rocCurve matches sklearn's roc_curve(drop_intermediate=False)"],
    hint: "fpr is the share of negatives scored ≥ the threshold, tpr the share of positives.",
    call: "curves",
    input: () => ({ cases: fixtureCases().map((c) => ({ yTrue: c.yTrue, yScore: c.yScore })) }),
    judge(rocs: Roc[]) {
      fixtureCases().forEach((c, i) => {
        const input = `${c.name}: ${describeInput(c.yTrue, c.yScore)}`;
        const roc = rocs[i];
        judgeCurve(roc, c.yTrue, c.yScore, input);
        allClose(roc.thresholds.slice(1), c.thresholds.slice(1) as number[], {
          what: "thresholds after the first should be the distinct scores, descending",
          input,
          tol: 1e-12,
        });
      });
    },
  },
];
