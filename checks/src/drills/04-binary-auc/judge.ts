/**
 * Drill 04's judges, shared by the public and hidden cases. A wrong AUC is traced to ONE cause, using the candidate's
 * own curve on the same input: if that curve is right, the bug is in the area (a rectangle rule); if the AUC moves
 * with the order of tied samples, equal scores were not grouped; 1 − AUC means the sweep runs the wrong way.
 */
import { allClose, ok } from "../../assert";
import { fmt, fmtExact } from "../../format";
import type { AucResult, Roc } from "./calls";
import { bruteForceRoc, pairCountAuc, pairCountWithTies, rectangleArea } from "./oracle";

const TOL = 1e-9;
const near = (a: number, b: number) => Math.abs(a - b) <= TOL;

export interface Cause {
  note: string;
  hint: string;
}

export const CAUSES = {
  rectangle: {
    note: "your curve is right but its area is a rectangle (step) rule: Δfpr · tpr[i − 1] drops the triangle under each diagonal segment a tie draws",
    hint: "keep your curve; take the trapezoid rule over its points: Σ (fpr[i] − fpr[i − 1]) · (tpr[i] + tpr[i − 1]) / 2.",
  },
  rectangleUpper: {
    note: "your curve is right but its area is a rectangle (step) rule: Δfpr · tpr[i] counts the whole box over each diagonal segment a tie draws",
    hint: "keep your curve; take the trapezoid rule over its points: Σ (fpr[i] − fpr[i − 1]) · (tpr[i] + tpr[i − 1]) / 2.",
  },
  ungrouped: {
    note: "equal scores were not grouped into one point: a tie's area then depends on the order of the tied samples",
    hint: "emit a point only after the last sample of a run of equal scores: one point per distinct score, so a tie draws one diagonal.",
  },
  tie0: {
    note: "a tied positive/negative pair counted 0, not 1/2",
    hint: "group equal scores into one point: a tie then draws a diagonal whose trapezoid counts each tied pair 1/2.",
  },
  tie1: {
    note: "a tied positive/negative pair counted 1, not 1/2",
    hint: "group equal scores into one point: a tie then draws a diagonal whose trapezoid counts each tied pair 1/2.",
  },
  reversed: {
    note: "this is 1 − AUC: the sweep runs from the lowest score up",
    hint: "sort by score descending: the first threshold predicts only the highest scores positive.",
  },
} satisfies Record<string, Cause>;

export function sameCurve(a: Roc | null | undefined, b: Roc): boolean {
  return (
    !!a &&
    a.fpr.length === b.fpr.length &&
    b.fpr.every((f, i) => near(a.fpr[i], f) && near(a.tpr[i], b.tpr[i]) && a.thresholds[i] === b.thresholds[i])
  );
}

/** A curve with one point per sample where some scores are equal: ties were not grouped. */
export function perSample(curve: Roc, s: number[]): boolean {
  return curve.fpr.length === s.length + 1 && new Set(s).size < s.length;
}

/** The cause of a wrong AUC on one input, when the numbers tell; `other` is the AUC on the same input in another order. */
export function aucCause(y: number[], s: number[], r: AucResult, other?: number): Cause | undefined {
  const a = r.auc;
  const want = pairCountAuc(y, s);
  if (near(a, want)) return undefined;
  if (sameCurve(r.curve, bruteForceRoc(y, s))) {
    if (near(a, rectangleArea(r.curve!.fpr, r.curve!.tpr, "lower"))) return CAUSES.rectangle;
    if (near(a, rectangleArea(r.curve!.fpr, r.curve!.tpr, "upper"))) return CAUSES.rectangleUpper;
  }
  if (other !== undefined && !near(other, a)) return CAUSES.ungrouped;
  if (r.curve && perSample(r.curve, s)) return CAUSES.ungrouped;
  if (near(a, 1 - want)) return CAUSES.reversed;
  if (near(a, pairCountWithTies(y, s, 0))) return CAUSES.tie0;
  if (near(a, pairCountWithTies(y, s, 1))) return CAUSES.tie1;
  return undefined;
}

/** binaryAuc equals the pair count (ties 1/2), with the detected cause as note and hint. */
export function judgeAuc(
  r: AucResult,
  y: number[],
  s: number[],
  ctx: { input?: string; what?: string; other?: number } = {},
): void {
  const want = pairCountAuc(y, s);
  const cause = aucCause(y, s, r, ctx.other);
  ok(near(r.auc, want), {
    what: ctx.what ?? "AUC should equal the pair count, a tie counting 1/2",
    input: ctx.input,
    how: `tol ${TOL}`,
    expected: fmt(want),
    actual: fmt(r.auc),
    note: cause?.note,
    hint: cause?.hint,
  });
}

/** fpr and tpr against the brute-force curve; thresholds after the first, which the endpoints case judges. */
export function judgeCurve(roc: Roc, y: number[], s: number[], input?: string): void {
  const ref = bruteForceRoc(y, s);
  ok(roc.fpr.length === ref.fpr.length, {
    what: "the curve should have one point per distinct score plus the (0, 0) start",
    input,
    expected: `${ref.fpr.length} points`,
    actual: `${roc.fpr.length} points`,
    note: perSample(roc, s) ? CAUSES.ungrouped.note : undefined,
    hint: perSample(roc, s) ? CAUSES.ungrouped.hint : undefined,
  });
  const swapped =
    roc.fpr.every((v, i) => Math.abs(v - ref.tpr[i]) < 1e-12) &&
    roc.tpr.every((v, i) => Math.abs(v - ref.fpr[i]) < 1e-12);
  allClose(roc.fpr, ref.fpr, {
    what: "fpr should be the share of negatives scored ≥ each threshold",
    input,
    tol: 1e-12,
    note: swapped ? "fpr and tpr are swapped" : undefined,
  });
  allClose(roc.tpr, ref.tpr, {
    what: "tpr should be the share of positives scored ≥ each threshold",
    input,
    tol: 1e-12,
  });
}

export function describeInput(y: ArrayLike<number>, s: ArrayLike<number>): string {
  return `yTrue = ${fmtExact(Array.from(y))}, yScore = ${fmtExact(Array.from(s))}${y.length > 8 ? ` (n = ${y.length})` : ""}`;
}
