/**
 * Drill 08, stretch part: ranking metrics for one query. relevance[i] ≥ 0 is item i's graded relevance (relevant =
 * relevance > 0), scores[i] the model's score; ties in scores count as their expected value over random tie orders
 * (oracle.ts), which for ndcg is scikit-learn's `ndcg_score(ignore_ties=False)`.
 */
import { allClose, close, ok, rejected } from "../../assert";
import type { Case } from "../../drill";
import { fmt, fmtExact } from "../../format";
import { loadFixture } from "../../fixtures";
import { judgeSamples, samples } from "../../samples";
import { run, valueOf } from "../ran";
import type { Ran } from "../runs";
import type { RankingMetrics } from "./calls";
import { explained, NDCG_MISREADS, order } from "./misreads";
import { oracleAveragePrecision, oracleNdcgAtK, oraclePrecisionAtK, oracleRecallAtK } from "./oracle";

interface RankingFixture {
  ranking: {
    name: string;
    relevance: number[];
    scores: number[];
    ks: number[];
    ndcg: number[];
    averagePrecision?: number;
  }[];
}
const fixture = () => loadFixture<RankingFixture>("08-metrics-design").ranking;

const show = (relevance: number[], scores: number[], k?: number) =>
  `relevance = ${fmtExact(relevance)}, scores = ${fmtExact(scores)}${k === undefined ? "" : `, k = ${k}`}`;
const num = (r: Ran | undefined, label: string, input: string) => valueOf(r, label, { input });

const NO_TIES = { relevance: [1, 0, 1, 1, 0, 0], scores: [0.9, 0.8, 0.7, 0.2, 0.1, 0.05] };
const TIED_CUT = { relevance: [1, 0, 0, 1], scores: [0.9, 0.5, 0.5, 0.5] };

const ndcgFixtureInputs = (): [number[], number[], number][] =>
  fixture().flatMap((c) => c.ks.map((k) => [c.relevance, c.scores, k] as [number[], number[], number]));

const BAD: [string, string, unknown[], string, string][] = [
  ["precisionAtK([1, 0], [0.5], 1)", "precisionAtK", [[1, 0], [0.5], 1], "lengths differ", "scores"],
  ["precisionAtK([1, 0], [0.5, 0.2], 3)", "precisionAtK", [[1, 0], [0.5, 0.2], 3], "k > n", "k"],
  ["ndcgAtK([1, 0], [0.5, 0.2], 1.5)", "ndcgAtK", [[1, 0], [0.5, 0.2], 1.5], "k not an integer", "k"],
  ["ndcgAtK([1, -1], [0.5, 0.2], 1)", "ndcgAtK", [[1, -1], [0.5, 0.2], 1], "negative relevance", "relevance"],
  [
    "averagePrecision([1, 0], [NaN, 0.2])",
    "averagePrecision",
    [
      [1, 0],
      [NaN, 0.2],
    ],
    "a NaN score",
    "scores",
  ],
  ["recallAtK([0, 0], [0.5, 0.2], 1)", "recallAtK", [[0, 0], [0.5, 0.2], 1], "no relevant item", "relevance"],
  ["averagePrecision([], [])", "averagePrecision", [[], []], "empty input", "relevance"],
];

const METRICS = ["precisionAtK", "recallAtK", "ndcgAtK", "averagePrecision"] as const;

export const rankingCases: Case<RankingMetrics>[] = [
  {
    id: "precision-recall",
    name: "precision@k and recall@k on a ranking without ties",
    was: ["precision@k and recall@k on a ranking without ties"],
    hint: "precision@k asks 'how much of what I showed is relevant' (÷ k); recall@k 'how much of the relevant I showed' (÷ number of relevant items).",
    call: "ranking",
    input: () => ({
      runs: [1, 2, 3, 6].flatMap((k) => [
        run("precisionAtK", NO_TIES.relevance, NO_TIES.scores, k),
        run("recallAtK", NO_TIES.relevance, NO_TIES.scores, k),
      ]),
    }),
    judge(rs: Ran[]) {
      const { relevance, scores } = NO_TIES;
      [1, 2, 3, 6].forEach((k, j) => {
        const input = show(relevance, scores, k);
        const p = num(rs[2 * j], `precisionAtK(…, ${k})`, input);
        const expected = oraclePrecisionAtK(relevance, scores, k);
        const isRecall = p !== expected && p === oracleRecallAtK(relevance, scores, k);
        close(p, expected, {
          what: `precisionAtK(…, ${k}) should be relevant-in-top-k / k`,
          input,
          tol: 1e-12,
          ...(isRecall
            ? {
                note: "this divides by the number of relevant items: that is recall",
                hint: "precision@k divides by k, whatever the number of relevant items.",
              }
            : {}),
        });
        const r = num(rs[2 * j + 1], `recallAtK(…, ${k})`, input);
        const isPrecision = r !== oracleRecallAtK(relevance, scores, k) && r === expected;
        close(r, oracleRecallAtK(relevance, scores, k), {
          what: `recallAtK(…, ${k}) should be relevant-in-top-k / all relevant`,
          input,
          tol: 1e-12,
          ...(isPrecision
            ? {
                note: "this divides by k: that is precision",
                hint: "recall@k divides by the number of relevant items in the whole list.",
              }
            : {}),
        });
      });
    },
  },
  {
    id: "ties-at-cutoff",
    name: "tied scores at the cut-off count as their expected value",
    was: ["tied scores at the cut-off count as their expected value"],
    hint: "which of three items tied at 0.5 is 'in the top 2'? None in particular: a tied group shares its slots, each member counting the group's average.",
    call: "ranking",
    input: () => ({
      runs: [
        run("precisionAtK", TIED_CUT.relevance, TIED_CUT.scores, 2),
        run("recallAtK", TIED_CUT.relevance, TIED_CUT.scores, 2),
        run("precisionAtK", [...TIED_CUT.relevance].reverse(), [...TIED_CUT.scores].reverse(), 2),
      ],
    }),
    judge(rs: Ran[]) {
      const { relevance, scores } = TIED_CUT;
      const input = show(relevance, scores, 2);
      close(num(rs[0], "precisionAtK(…, 2)", input), oraclePrecisionAtK(relevance, scores, 2), {
        what: "precision@2 with a 3-way tie for slot 2",
        input,
        tol: 1e-12,
      });
      close(num(rs[1], "recallAtK(…, 2)", input), oracleRecallAtK(relevance, scores, 2), {
        what: "recall@2 with a 3-way tie for slot 2",
        input,
        tol: 1e-12,
      });
      const reversed = show([...relevance].reverse(), [...scores].reverse(), 2);
      close(num(rs[2], "precisionAtK(…, 2)", reversed), oraclePrecisionAtK(relevance, scores, 2), {
        what: "precision@2 should not depend on the input order",
        input: reversed,
        tol: 1e-12,
      });
    },
  },
  {
    id: "ndcg-sklearn",
    name: "ndcg@k matches scikit-learn's ndcg_score (fixture)",
    was: ["ndcg@k matches scikit-learn's ndcg_score (fixture)"],
    hint: "DCG@k = Σ gain / log2(position + 1) with the relevance itself as gain, divided by the DCG@k of the best possible order; tied scores share their positions.",
    call: "ranking",
    input: () => ({ runs: ndcgFixtureInputs().map(([r, s, k]) => run("ndcgAtK", r, s, k)) }),
    judge(rs: Ran[]) {
      const inputs = ndcgFixtureInputs();
      const values = rs.map((r) => (r && !r.threw ? r.value : undefined));
      const cause = NDCG_MISREADS.find((m) => explained(values, inputs, m.value));
      let i = 0;
      for (const c of fixture()) {
        for (const [j, k] of c.ks.entries()) {
          const input = show(c.relevance, c.scores, k);
          close(num(rs[i++], `ndcgAtK(…, ${k})`, input), c.ndcg[j], {
            what: `ndcgAtK should equal sklearn's ndcg_score (${c.name})`,
            input,
            how: "close, tol 1e-9 (float64 both sides)",
            tol: 1e-9,
            ...(cause ? { note: cause.note, hint: cause.hint } : {}),
          });
        }
      }
    },
  },
  {
    id: "ndcg-extremes",
    name: "ndcg is 1 for the ideal ranking and 0 when nothing is relevant",
    was: ["ndcg is 1 for the ideal ranking and 0 when nothing is relevant"],
    hint: "normalise by the ideal DCG (relevance sorted descending); with no relevant item there is nothing to rank (scikit-learn returns 0).",
    call: "ranking",
    input: () => ({
      runs: [run("ndcgAtK", [0, 3, 1, 2], [0.1, 0.9, 0.3, 0.5], 3), run("ndcgAtK", [0, 0, 0], [0.3, 0.2, 0.1], 2)],
    }),
    judge(rs: Ran[]) {
      const a = show([0, 3, 1, 2], [0.1, 0.9, 0.3, 0.5], 3);
      close(num(rs[0], "ndcgAtK(…, 3)", a), 1, {
        what: "scores in the same order as relevance should give ndcg 1",
        input: a,
        tol: 1e-12,
      });
      const b = show([0, 0, 0], [0.3, 0.2, 0.1], 2);
      const v = num(rs[1], "ndcgAtK(…, 2)", b);
      close(v, 0, {
        what: "no relevant item should give ndcg 0, not NaN",
        input: b,
        tol: 0,
        ...(Number.isNaN(v)
          ? {
              note: "0 / 0: the ideal DCG is 0",
              hint: "return 0 when the ideal DCG is 0 (scikit-learn's choice): there is nothing to rank.",
            }
          : {}),
      });
    },
  },
  {
    id: "ap-sklearn",
    name: "average precision matches scikit-learn's average_precision_score (fixture, with ties)",
    was: ["average precision matches scikit-learn's average_precision_score (fixture, with ties)"],
    hint: "AP = Σ (recall step) × precision, one step per distinct score: a tied group is crossed in one step, all its items at once.",
    call: "ranking",
    input: () => ({
      runs: fixture()
        .filter((c) => c.averagePrecision !== undefined)
        .map((c) => run("averagePrecision", c.relevance, c.scores)),
    }),
    judge(rs: Ran[]) {
      fixture()
        .filter((c) => c.averagePrecision !== undefined)
        .forEach((c, i) => {
          const input = show(c.relevance, c.scores);
          const v = num(rs[i], "averagePrecision(relevance, scores)", input);
          let hits = 0;
          const byRank =
            order(c.scores).reduce((a, j, p) => (c.relevance[j] > 0 ? a + ++hits / (p + 1) : a), 0) /
            c.relevance.filter((x) => x > 0).length;
          const tiesIgnored =
            typeof v === "number" && Math.abs(v - byRank) < 1e-12 && Math.abs(byRank - c.averagePrecision!) > 1e-9;
          close(v, c.averagePrecision!, {
            what: `averagePrecision should equal sklearn's average_precision_score (${c.name})`,
            input,
            tol: 1e-9,
            ...(tiesIgnored ? { note: "this steps item by item through tied scores" } : {}),
          });
        });
    },
  },
  {
    id: "property",
    name: "property: all four metrics match the reference and stay in [0, 1]",
    was: ["property: all four metrics match the reference and stay in [0, 1]"],
    hint: "try the shrunk input by hand: sort by score, handle ties, then apply each definition.",
    call: "ranking",
    input: () => {
      const xs = samples(
        (fc) =>
          fc.integer({ min: 2, max: 12 }).chain((n) =>
            fc.record({
              relevance: fc
                .array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n })
                .filter((r) => r.some((x) => x > 0)),
              scores: fc.array(
                fc.integer({ min: 0, max: 5 }).map((s) => s / 5),
                { minLength: n, maxLength: n },
              ),
              k: fc.integer({ min: 1, max: n }),
            }),
          ),
        { numRuns: 80 },
      );
      return {
        xs,
        runs: xs.flatMap(({ relevance: r, scores: s, k }) => [
          run("precisionAtK", r, s, k),
          run("recallAtK", r, s, k),
          run("ndcgAtK", r, s, k),
          run("averagePrecision", r, s),
        ]),
      };
    },
    judge(rs: Ran[], { xs }: { xs: { relevance: number[]; scores: number[]; k: number }[] }) {
      const outs = xs.map((_, i) => rs.slice(4 * i, 4 * i + 4));
      judgeSamples(
        xs,
        outs,
        ({ relevance, scores, k }, four) => {
          const got = METRICS.map((m, j) => valueOf(four[j], m));
          ok(
            got.every((v) => typeof v === "number" && v >= 0 && v <= 1 + 1e-12),
            {
              what: "every metric should be a number in [0, 1]",
              expected: "[precision, recall, ndcg, AP] in [0, 1]",
              actual: fmt(got),
            },
          );
          const want = [
            oraclePrecisionAtK(relevance, scores, k),
            oracleRecallAtK(relevance, scores, k),
            oracleNdcgAtK(relevance, scores, k),
            oracleAveragePrecision(relevance, scores),
          ];
          allClose(got as number[], want, {
            what: "[precision@k, recall@k, ndcg@k, AP] should match the reference",
            tol: 1e-9,
          });
        },
        { what: "ranking metrics on random rankings with ties" },
      );
    },
  },
  {
    id: "inputs-unchanged",
    name: "inputs are left unchanged",
    was: ["inputs are left unchanged"],
    hint: "sorting relevance or scores in place reorders the caller's arrays: sort a copy of the indices instead.",
    inKernel: true,
    call: "ranking",
    input: () => ({
      runs: METRICS.map((m) =>
        m === "averagePrecision"
          ? run(m, [0, 2, 1, 3], [0.4, 0.1, 0.9, 0.3])
          : run(m, [0, 2, 1, 3], [0.4, 0.1, 0.9, 0.3], 2),
      ),
    }),
    judge(rs: Ran[]) {
      METRICS.forEach((m, i) => {
        valueOf(rs[i], m, { input: show([0, 2, 1, 3], [0.4, 0.1, 0.9, 0.3]) });
        ok(!rs[i].mutated, {
          what: `${m} should not modify its inputs`,
          input: show([0, 2, 1, 3], [0.4, 0.1, 0.9, 0.3]),
          expected: "relevance and scores unchanged",
          actual: "an argument was changed in place",
        });
      });
    },
  },
  {
    id: "rejects",
    name: "invalid input throws ValueError naming the argument",
    was: ["invalid input throws ValueError naming the argument"],
    hint: "validate before computing: equal non-zero lengths, finite scores, relevance ≥ 0, k an integer in [1, n], at least one relevant item for recall and AP.",
    call: "ranking",
    input: () => ({ runs: BAD.map(([, fn, args]) => run(fn, ...args)) }),
    judge(rs: Ran[]) {
      BAD.forEach(([label, , , why, arg], i) =>
        rejected(rs[i]?.threw, label, { what: `${why} should be rejected`, input: label, mentions: [arg] }),
      );
    },
  },
];
