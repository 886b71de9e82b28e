/**
 * Drill 04's property cases: inputs sampled outside the kernel (seeded, scores on a small integer grid so ties are
 * common), one call per case carrying every sample, and the smallest failing sample reported.
 */
import { ok } from "../../assert";
import type { Case } from "../../drill";
import { fmt } from "../../format";
import { judgeSamples, samples } from "../../samples";
import type { Auc, AucResult, Pair } from "./calls";
import { aucCause, judgeAuc, judgeCurve } from "./judge";

/** Random labelled samples with scores on a small integer grid (many ties), both classes present. */
const randomPairs = (numRuns: number, seed = 42): Pair[] =>
  samples(
    (fc) =>
      fc
        .array(fc.record({ y: fc.integer({ min: 0, max: 1 }), s: fc.integer({ min: -3, max: 3 }) }), {
          minLength: 2,
          maxLength: 25,
        })
        .map((rows) => ({ yTrue: rows.map((r) => r.y), yScore: rows.map((r) => r.s) }))
        .filter(({ yTrue }) => yTrue.includes(0) && yTrue.includes(1)),
    { numRuns, seed },
  );

const mapped = (ps: Pair[], f: (v: number) => number): Pair[] =>
  ps.map((p) => ({ yTrue: p.yTrue, yScore: p.yScore.map(f) }));

export const propertyCases: Case<Auc>[] = [
  {
    id: "property-oracle",
    name: "property: matches the pair-count oracle, curve and area, with ties",
    was: ["property: matches the pair-count oracle, curve and area, with ties"],
    hint: "compare with counting, for every positive/negative pair, 1 if the positive scores higher and 1/2 on a tie.",
    points: 2,
    call: "aucs",
    input: () => ({ cases: randomPairs(80) }),
    judge: (rs: AucResult[], { cases: ps }: { cases: Pair[] }) =>
      judgeSamples(
        ps,
        rs,
        (p, r) => {
          ok(r.auc >= 0 && r.auc <= 1, {
            what: "AUC should lie in [0, 1]",
            expected: "0 ≤ AUC ≤ 1",
            actual: fmt(r.auc),
          });
          judgeAuc(r, p.yTrue, p.yScore);
          ok(r.curve !== null, {
            what: "rocCurve should return a curve",
            expected: "{ fpr, tpr, thresholds }",
            actual: r.curveError ?? "",
          });
          judgeCurve(r.curve, p.yTrue, p.yScore);
        },
        { what: "random labels, integer scores in [−3, 3]" },
      ),
  },
  {
    id: "property-negate",
    name: "property: negating the scores gives 1 − AUC",
    was: ["property: negating the scores gives 1 − AUC"],
    hint: "reversing the ranking swaps wins and losses; ties stay 1/2 — check how your sweep handles equal scores.",
    call: "aucs",
    input: () => {
      const ps = randomPairs(60, 43);
      return { cases: [...ps, ...mapped(ps, (v) => -v)] };
    },
    judge(rs: AucResult[], { cases: ps }: { cases: Pair[] }) {
      const n = ps.length / 2;
      judgeSamples(
        ps.slice(0, n),
        rs.slice(0, n).map((r, i) => [r, rs[n + i]] as const),
        (p, [a, b]) => {
          const cause = aucCause(p.yTrue, p.yScore, a);
          ok(Math.abs(a.auc + b.auc - 1) <= 1e-9, {
            what: "AUC(y, s) + AUC(y, −s) should be 1",
            expected: "1",
            actual: `${fmt(a.auc)} + ${fmt(b.auc)} = ${fmt(a.auc + b.auc)}`,
            note: cause?.note,
            hint: cause?.hint,
          });
        },
        { what: "random labels, integer scores in [−3, 3]", seed: 43 },
      );
    },
  },
  {
    id: "property-monotone",
    name: "property: unchanged by a strictly increasing transform of the scores",
    was: ["property: unchanged by a strictly increasing transform of the scores"],
    hint: "AUC depends only on the order of the scores: use comparisons, not the score values themselves.",
    call: "aucs",
    input: () => {
      const ps = randomPairs(60, 44);
      return { cases: [...ps, ...mapped(ps, (v) => 10 * Math.exp(v) - 3)] };
    },
    judge(rs: AucResult[], { cases: ps }: { cases: Pair[] }) {
      const n = ps.length / 2;
      judgeSamples(
        ps.slice(0, n),
        rs.slice(0, n).map((r, i) => [r, rs[n + i]] as const),
        (_p, [a, b]) => {
          ok(a.auc >= 0 && a.auc <= 1, {
            what: "AUC should lie in [0, 1]",
            expected: "0 ≤ AUC ≤ 1",
            actual: fmt(a.auc),
          });
          ok(Math.abs(b.auc - a.auc) <= 1e-9, {
            what: "AUC(y, 10·exp(s) − 3) should equal AUC(y, s)",
            expected: fmt(a.auc),
            actual: fmt(b.auc),
          });
        },
        { what: "random labels, integer scores in [−3, 3]", seed: 44 },
      );
    },
  },
];
