/**
 * Drill 08, hands-on part 1: ranking metrics for one query. relevance[i] ≥ 0 is item i's graded relevance
 * (relevant = relevance > 0), scores[i] the model's score; ties in scores count as their expected value over
 * random tie orders (metrics-oracle.ts), which for ndcg is scikit-learn's `ndcg_score(ignore_ties=False)`.
 */
import * as fc from "fast-check";
import { allClose, call, close, equal, ok, property, throwsValueError } from "../assert";
import { loadFixture } from "../fixtures";
import { fmt } from "../format";
import type { LegacyCase as Case } from "../drill";
import { oracleAveragePrecision, oracleNdcgAtK, oraclePrecisionAtK, oracleRecallAtK, tieAveragedGain } from "./metrics-oracle";

export type AtK = (relevance: number[], scores: number[], k: number) => number;

export interface RankingMetrics {
  precisionAtK: AtK;
  recallAtK: AtK;
  ndcgAtK: AtK;
  averagePrecision: (relevance: number[], scores: number[]) => number;
}

interface RankingFixture {
  ranking: { name: string; relevance: number[]; scores: number[]; ks: number[]; ndcg: number[]; averagePrecision?: number }[];
}

/** Calls one metric on copies of the inputs, so a mutating answer cannot corrupt the next call. */
function metric(impl: RankingMetrics, name: keyof RankingMetrics, relevance: number[], scores: number[], k?: number): unknown {
  const r = [...relevance];
  const s = [...scores];
  const label = k === undefined ? `${name}(relevance, scores)` : `${name}(relevance, scores, ${k})`;
  return call(label, () => (k === undefined ? impl.averagePrecision(r, s) : (impl[name] as AtK)(r, s, k)));
}

const show = (relevance: number[], scores: number[], k?: number) =>
  `relevance = ${fmt(relevance)}, scores = ${fmt(scores)}${k === undefined ? "" : `, k = ${k}`}`;

const NO_TIES = { relevance: [1, 0, 1, 1, 0, 0], scores: [0.9, 0.8, 0.7, 0.2, 0.1, 0.05] };
const TIED_CUT = { relevance: [1, 0, 0, 1], scores: [0.9, 0.5, 0.5, 0.5] };

export const rankingCases: Case<RankingMetrics>[] = [
  {
    name: "precision@k and recall@k on a ranking without ties",
    hint: "precision@k asks 'how much of what I showed is relevant' (÷ k); recall@k 'how much of the relevant I showed'.",
    run(impl) {
      const { relevance, scores } = NO_TIES;
      for (const k of [1, 2, 3, 6]) {
        const input = show(relevance, scores, k);
        const p = metric(impl, "precisionAtK", relevance, scores, k);
        const expected = oraclePrecisionAtK(relevance, scores, k);
        const byRelevant = tieAveragedGain(relevance.map((r) => +(r > 0)), scores, k, () => 1) / 3;
        close(p, expected, { what: `precisionAtK(…, ${k}) should be relevant-in-top-k / k`, input, tol: 1e-12, note: p !== expected && p === byRelevant ? "this divides by the number of relevant items: that is recall" : undefined });
        close(metric(impl, "recallAtK", relevance, scores, k), oracleRecallAtK(relevance, scores, k), { what: `recallAtK(…, ${k}) should be relevant-in-top-k / all relevant`, input, tol: 1e-12 });
      }
    },
  },
  {
    name: "tied scores at the cut-off count as their expected value",
    hint: "which of three items tied at 0.5 is 'in the top 2'? None in particular: a tied group shares its slots, each member counting the group's average.",
    run(impl) {
      const { relevance, scores } = TIED_CUT;
      const input = show(relevance, scores, 2);
      close(metric(impl, "precisionAtK", relevance, scores, 2), oraclePrecisionAtK(relevance, scores, 2), { what: "precision@2 with a 3-way tie for slot 2", input, tol: 1e-12 });
      close(metric(impl, "recallAtK", relevance, scores, 2), oracleRecallAtK(relevance, scores, 2), { what: "recall@2 with a 3-way tie for slot 2", input, tol: 1e-12 });
      const reversed = show([...relevance].reverse(), [...scores].reverse(), 2);
      close(metric(impl, "precisionAtK", [...relevance].reverse(), [...scores].reverse(), 2), oraclePrecisionAtK(relevance, scores, 2), { what: "precision@2 should not depend on the input order", input: reversed, tol: 1e-12 });
    },
  },
  {
    name: "ndcg@k matches scikit-learn's ndcg_score (fixture)",
    hint: "DCG@k = Σ gain / log2(position + 1) with the relevance itself as gain, divided by the DCG@k of the best possible order; tied scores share their positions.",
    run(impl) {
      for (const c of loadFixture<RankingFixture>("08-metrics-design").ranking) {
        c.ks.forEach((k, j) => {
          close(metric(impl, "ndcgAtK", c.relevance, c.scores, k), c.ndcg[j], { what: `ndcgAtK should equal sklearn's ndcg_score (${c.name})`, input: show(c.relevance, c.scores, k), how: "close, tol 1e-9 (float64 both sides)", tol: 1e-9 });
        });
      }
    },
  },
  {
    name: "ndcg is 1 for the ideal ranking and 0 when nothing is relevant",
    hint: "normalise by the ideal DCG (relevance sorted descending); with no relevant item there is nothing to rank (scikit-learn returns 0).",
    run(impl) {
      const relevance = [0, 3, 1, 2];
      const ideal = [0.1, 0.9, 0.3, 0.5];
      close(metric(impl, "ndcgAtK", relevance, ideal, 3), 1, { what: "scores in the same order as relevance should give ndcg 1", input: show(relevance, ideal, 3), tol: 1e-12 });
      close(metric(impl, "ndcgAtK", [0, 0, 0], [0.3, 0.2, 0.1], 2), 0, { what: "no relevant item should give ndcg 0, not NaN", input: show([0, 0, 0], [0.3, 0.2, 0.1], 2), tol: 0 });
    },
  },
  {
    name: "average precision matches scikit-learn's average_precision_score (fixture, with ties)",
    hint: "AP = Σ (recall step) × precision, one step per distinct score: a tied group is crossed in one step, all its items at once.",
    run(impl) {
      for (const c of loadFixture<RankingFixture>("08-metrics-design").ranking) {
        if (c.averagePrecision === undefined) continue;
        close(metric(impl, "averagePrecision", c.relevance, c.scores), c.averagePrecision, { what: `averagePrecision should equal sklearn's average_precision_score (${c.name})`, input: show(c.relevance, c.scores), tol: 1e-9 });
      }
    },
  },
  {
    name: "property: all four metrics match the reference and stay in [0, 1]",
    hint: "try the shrunk input by hand: sort by score, handle ties, then apply each definition.",
    run(impl) {
      const arb = fc.integer({ min: 2, max: 12 }).chain((n) =>
        fc.record({
          relevance: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }).filter((r) => r.some((x) => x > 0)),
          scores: fc.array(fc.integer({ min: 0, max: 5 }).map((s) => s / 5), { minLength: n, maxLength: n }),
          k: fc.integer({ min: 1, max: n }),
        }),
      );
      property(arb, ({ relevance, scores, k }) => {
        const got = (["precisionAtK", "recallAtK", "ndcgAtK"] as const).map((m) => metric(impl, m, relevance, scores, k));
        got.push(metric(impl, "averagePrecision", relevance, scores));
        ok(got.every((v) => typeof v === "number" && v >= 0 && v <= 1 + 1e-12), { what: "every metric should be a number in [0, 1]", expected: "[precision, recall, ndcg, AP] in [0, 1]", actual: fmt(got) });
        const want = [oraclePrecisionAtK(relevance, scores, k), oracleRecallAtK(relevance, scores, k), oracleNdcgAtK(relevance, scores, k), oracleAveragePrecision(relevance, scores)];
        allClose(got as number[], want, { what: "[precision@k, recall@k, ndcg@k, AP] should match the reference", tol: 1e-9 });
      }, { what: "ranking metrics on random rankings with ties", numRuns: 80 });
    },
  },
  {
    name: "inputs are left unchanged",
    hint: "sorting relevance or scores in place reorders the caller's arrays: sort a copy of the indices instead.",
    run(impl) {
      const relevance = [0, 2, 1, 3];
      const scores = [0.4, 0.1, 0.9, 0.3];
      for (const m of ["precisionAtK", "recallAtK", "ndcgAtK", "averagePrecision"] as const) {
        const r = [...relevance];
        const s = [...scores];
        call(`${m}(relevance, scores${m === "averagePrecision" ? "" : ", 2"})`, () => (m === "averagePrecision" ? impl[m](r, s) : impl[m](r, s, 2)));
        equal({ relevance: r, scores: s }, { relevance, scores }, { what: `${m} should not modify its inputs`, input: show(relevance, scores) });
      }
    },
  },
  {
    name: "invalid input throws ValueError naming the argument",
    hint: "validate before computing: equal non-zero lengths, finite scores, relevance ≥ 0, k an integer in [1, n], at least one relevant item for recall and AP.",
    run(impl) {
      const bad: [string, () => unknown, string, string][] = [
        ["precisionAtK([1, 0], [0.5], 1)", () => impl.precisionAtK([1, 0], [0.5], 1), "lengths differ", "scores"],
        ["precisionAtK([1, 0], [0.5, 0.2], 3)", () => impl.precisionAtK([1, 0], [0.5, 0.2], 3), "k > n", "k"],
        ["ndcgAtK([1, 0], [0.5, 0.2], 1.5)", () => impl.ndcgAtK([1, 0], [0.5, 0.2], 1.5), "k not an integer", "k"],
        ["ndcgAtK([1, -1], [0.5, 0.2], 1)", () => impl.ndcgAtK([1, -1], [0.5, 0.2], 1), "negative relevance", "relevance"],
        ["averagePrecision([1, 0], [NaN, 0.2])", () => impl.averagePrecision([1, 0], [NaN, 0.2]), "a NaN score", "scores"],
        ["recallAtK([0, 0], [0.5, 0.2], 1)", () => impl.recallAtK([0, 0], [0.5, 0.2], 1), "no relevant item", "relevance"],
        ["averagePrecision([], [])", () => impl.averagePrecision([], []), "empty input", "relevance"],
      ];
      for (const [label, fn, why, arg] of bad) throwsValueError(label, fn, { what: `${why} should be rejected`, input: label, mentions: [arg] });
    },
  },
];
