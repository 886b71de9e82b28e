/**
 * Oracles for drill 04, written without the solution's sort-and-sweep where possible:
 * - AUC as the Mann–Whitney pair count: P(score of a random positive > score of a random negative), a tie counting
 *   1/2. O(n_pos · n_neg), so only for small inputs; it is the definition the trapezoid rule must reproduce.
 * - The ROC curve by brute force: for each distinct score t (descending), fpr/tpr = share of negatives/positives
 *   with score ≥ t. O(n · distinct), again small inputs only.
 */
import type { Roc } from "./calls";
export type { Roc } from "./calls";

export function pairCountAuc(y: ArrayLike<number>, s: ArrayLike<number>): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue;
      pairs++;
      wins += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

/** The same count with ties scored `tie` (0 or 1): what a step rule or an ungrouped sweep tends to give. */
export function pairCountWithTies(y: ArrayLike<number>, s: ArrayLike<number>, tie: number): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++) {
    for (let j = 0; j < y.length; j++) {
      if (y[i] !== 1 || y[j] !== 0) continue;
      pairs++;
      wins += s[i] > s[j] ? 1 : s[i] === s[j] ? tie : 0;
    }
  }
  return wins / pairs;
}

/** Points at +Infinity (nothing predicted positive), then at each distinct score, highest first. */
export function bruteForceRoc(y: ArrayLike<number>, s: ArrayLike<number>): Roc {
  const distinct = [...new Set(Array.from(s))].sort((a, b) => b - a);
  const pos = Array.from(y).filter((v) => v === 1).length;
  const neg = y.length - pos;
  const roc: Roc = { fpr: [0], tpr: [0], thresholds: [Infinity] };
  for (const t of distinct) {
    let tp = 0;
    let fp = 0;
    for (let i = 0; i < y.length; i++) {
      if (s[i] >= t) {
        if (y[i] === 1) tp++;
        else fp++;
      }
    }
    roc.fpr.push(fp / neg);
    roc.tpr.push(tp / pos);
    roc.thresholds.push(t);
  }
  return roc;
}

/** Area by the trapezoid rule: exact for ties, since a tied group moves along a straight diagonal. */
export function trapezoid(fpr: ArrayLike<number>, tpr: ArrayLike<number>): number {
  let area = 0;
  for (let i = 1; i < fpr.length; i++) area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
  return area;
}

/** Area by a rectangle rule: Δfpr · tpr[i − 1] ("lower") or Δfpr · tpr[i] ("upper") — a tie counts 0 or 1, not 1/2. */
export function rectangleArea(fpr: ArrayLike<number>, tpr: ArrayLike<number>, side: "lower" | "upper"): number {
  let area = 0;
  for (let i = 1; i < fpr.length; i++) area += (fpr[i] - fpr[i - 1]) * (side === "lower" ? tpr[i - 1] : tpr[i]);
  return area;
}
