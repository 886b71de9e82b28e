/**
 * The NDCG answers candidates write instead of scikit-learn's, each with its one cause and the hint that fixes it
 * (judge side): the first that explains every fixture value names the failure.
 */
import { logDiscount, tieAveragedGain } from "./oracle";

/** Stable order by score, ties broken by index: what an answer that ignores ties ranks by. */
export const order = (scores: number[]) => scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
const dcgByIndex = (gains: number[], scores: number[], k: number) =>
  order(scores)
    .slice(0, k)
    .reduce((a, i, p) => a + gains[i] * logDiscount(p), 0);
const exp2 = (r: number[]) => r.map((x) => 2 ** x - 1);

/** The NDCG variants candidates write, each with its one cause; the first that explains every fixture value wins. */
export const NDCG_MISREADS: { value: (r: number[], s: number[], k: number) => number; note: string; hint: string }[] = [
  {
    value: (r, s, k) => {
      const ideal = tieAveragedGain(exp2(r), r, k, logDiscount);
      return ideal === 0 ? 0 : tieAveragedGain(exp2(r), s, k, logDiscount) / ideal;
    },
    note: "these are exponential gains 2^rel − 1",
    hint: "scikit-learn's ndcg_score uses the relevance itself as the gain (linear); 2^rel − 1 is another convention that weighs top grades more, and it gives different numbers.",
  },
  {
    value: (r, s, k) => {
      const ideal = dcgByIndex(exp2(r), r, k);
      return ideal === 0 ? 0 : dcgByIndex(exp2(r), s, k) / ideal;
    },
    note: "these are exponential gains 2^rel − 1, and tied scores are ordered by index",
    hint: "use the relevance itself as the gain (scikit-learn's ndcg_score), and let a tied group share its positions at its mean gain.",
  },
  {
    value: (r, s, k) => tieAveragedGain(r, s, k, logDiscount),
    note: "this is DCG, not normalised by the ideal ordering's DCG",
    hint: "divide by the DCG@k of the best possible order (relevance sorted descending), so a perfect ranking scores 1.",
  },
  {
    value: (r, s, k) => {
      const ideal = dcgByIndex(r, r, k);
      return ideal === 0 ? 0 : dcgByIndex(r, s, k) / ideal;
    },
    note: "tied scores are ordered by their index, not shared",
    hint: "which of the tied items comes first is arbitrary: a tied group shares the positions it spans, each member at the group's mean gain.",
  },
];

export function explained(
  values: unknown[],
  inputs: [number[], number[], number][],
  f: (r: number[], s: number[], k: number) => number,
): boolean {
  return inputs.every(
    ([r, s, k], i) => typeof values[i] === "number" && Math.abs((values[i] as number) - f(r, s, k)) < 1e-9,
  );
}
