/**
 * What each of drill 04's calls returns, from the input sent: the judges read these fields without testing them,
 * so a reply of another shape (in grading, anything the candidate's kernel sends) fails the case here, by itself.
 */
import { fields, guardCase, guardProperty, listOf, number, numbers, orNull, threw, tuple, where } from "../../reply";
import type { ReplyShapes } from "../../reply";
import type { Pair } from "./calls";

/** A curve of any length (judging it names the cause), but one point per threshold in each of its lists. */
const roc = where(
  fields({ fpr: numbers(), tpr: numbers(), thresholds: numbers() }),
  "fpr, tpr and thresholds are one length",
  (r) =>
    r.fpr.length === r.tpr.length && r.tpr.length === r.thresholds.length
      ? undefined
      : `fpr, tpr and thresholds have ${r.fpr.length}, ${r.tpr.length} and ${r.thresholds.length} points`,
);
/** The area, and the candidate's own curve on the same input (null when rocCurve failed) to tell the cause. */
const area = { auc: number, curve: orNull(roc) };
type Many = { cases: Pair[] };

const SHAPES: ReplyShapes = {
  auc: () => fields(area),
  aucs: ({ cases }: Many) => listOf(fields(area), cases.length),
  curve: () => roc,
  curves: ({ cases }: Many) => listOf(roc, cases.length),
  rejects: ({ cases }: Many) => listOf(fields({ rocCurve: threw, binaryAuc: threw }), cases.length),
  typed: () => fields({ ...area, typed: orNull(number) }),
  /** The caller's [yTrue, yScore] after each function ran on them. */
  unchanged: () => fields({ binaryAuc: tuple([numbers(), numbers()]), rocCurve: tuple([numbers(), numbers()]) }),
};

export const guard = guardCase(SHAPES);
export const guardHidden = guardProperty(SHAPES);
