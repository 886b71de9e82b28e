/** A known-good answer to drill 04 and the sweep it is built on, for the checks' own tests (never imported by checks). */
import { ValueError } from "@drills/lib";
import type { Auc, Roc } from "../calls";

export function validate(y: ArrayLike<number>, s: ArrayLike<number>): void {
  if (y.length === 0) throw new ValueError("yTrue: expected a non-empty array");
  if (y.length !== s.length) throw new ValueError(`yScore: expected length ${y.length} (as yTrue), got ${s.length}`);
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new ValueError(`yTrue: expected labels 0 or 1, got ${y[i]} at index ${i}`);
    if (!Number.isFinite(s[i])) throw new ValueError(`yScore: expected finite scores, got ${s[i]} at index ${i}`);
  }
  const pos = Array.from(y).filter((v) => v === 1).length;
  if (pos === 0 || pos === y.length) throw new ValueError("yTrue: expected both classes (0 and 1)");
}

/** Sort indices by score, descending; a point after each run of equal scores. Options turn on known bugs. */
export function sweep(
  y: ArrayLike<number>,
  s: ArrayLike<number>,
  o: { group?: boolean; ascending?: boolean; start?: boolean } = {},
): Roc {
  const { group = true, ascending = false, start = true } = o;
  const idx = Array.from(y, (_, i) => i).sort((a, b) => (ascending ? s[a] - s[b] : s[b] - s[a]));
  const pos = Array.from(y).filter((v) => v === 1).length;
  const neg = y.length - pos;
  const roc: Roc = start ? { fpr: [0], tpr: [0], thresholds: [Infinity] } : { fpr: [], tpr: [], thresholds: [] };
  let tp = 0;
  let fp = 0;
  idx.forEach((i, k) => {
    if (y[i] === 1) tp++;
    else fp++;
    if (!group || k === idx.length - 1 || s[idx[k + 1]] !== s[i]) {
      roc.fpr.push(fp / neg);
      roc.tpr.push(tp / pos);
      roc.thresholds.push(s[i]);
    }
  });
  return roc;
}

export type Rule = "trapezoid" | "lower" | "upper";
export const area = (r: Roc, rule: Rule = "trapezoid") =>
  r.fpr.reduce(
    (acc, f, i) =>
      i === 0
        ? 0
        : acc +
          (f - r.fpr[i - 1]) *
            (rule === "lower" ? r.tpr[i - 1] : rule === "upper" ? r.tpr[i] : (r.tpr[i] + r.tpr[i - 1]) / 2),
    0,
  );

/** An answer whose curve is `curve` (validated by `check`) and whose AUC is its area by `rule`. */
export const answer = (
  curve: (y: ArrayLike<number>, s: ArrayLike<number>) => Roc,
  rule: Rule = "trapezoid",
  check = validate,
): Auc => ({
  rocCurve(y, s) {
    check(y, s);
    return curve(y, s);
  },
  binaryAuc(y, s) {
    check(y, s);
    return area(curve(y, s), rule);
  },
});

export const referenceAnswer: Auc = answer((y, s) => sweep(y, s));
