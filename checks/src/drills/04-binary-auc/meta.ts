/**
 * Drill 04's facts: the registry's entry (no library behind it). One part, 15 points of public cases, 1 of them
 * measured inside the kernel (the caller's arrays left unchanged) — see checks.ts.
 */
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
      why: "Grouping equal scores makes a tie one diagonal segment of the curve, and the trapezoid under a diagonal counts each tied positive/negative pair as 1/2 — exactly the Mann–Whitney statistic P(score⁺ > score⁻) + ½·P(tie), whatever order the tied samples came in. A rectangle rule or an ungrouped sweep counts ties 0 or 1, depending on the order.",
    },
  ],
};
