/** Drill 04's facts: the registry's entry (no library behind it). */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "04-binary-auc",
  title: "Custom AUC",
  level: "Medium",
  minutes: 15,
  parts: [
    {
      id: "auc",
      title: "ROC curve and AUC",
      check: "checkBinaryAuc",
      entry: "{ rocCurve: rocCurve, binaryAuc: binaryAuc }",
      hints: [
        "Validate before anything else: equal lengths, non-empty, labels only 0 or 1, both classes present, finite scores — each a ValueError naming the argument. Then sort by score, highest first.",
        "Ties: every sample that shares a score crosses the threshold together. Emit one ROC point per distinct score, not per sample, so a tie draws a diagonal segment instead of a staircase that depends on the sort order.",
        "Walk the distinct thresholds accumulating true and false positives; fpr = FP / negatives, tpr = TP / positives, starting from (0, 0). The AUC is the trapezoid sum of Δfpr × (tpr + previous tpr) / 2.",
      ],
    },
  ],
};
