/**
 * Drill 04 — ROC curve and AUC. One point per distinct threshold (sklearn's `drop_intermediate=False`), the first
 * at +Infinity (sklearn ≥ 1.3; 1.2 used max(score) + 1), and the trapezoid rule over those points. Grouping equal
 * scores is what makes ties exact: a tied group moves the curve along one diagonal segment, whose trapezoid area
 * counts each tied positive/negative pair as 1/2 — the Mann–Whitney definition the oracle uses.
 *
 * Points (public cases): 15, of which 1 measured in the kernel (the caller's arrays left unchanged); the rest are
 * judged outside it from the returned numbers. checks.spec asserts the share.
 */
import { allClose, ok } from "../../assert";
import type { Case, Check } from "../../drill";
import { fmt } from "../../format";
import { loadFixture } from "../../fixtures";
import { judgeSamples, samples } from "../../samples";
import { calls, type Auc, type AucResult, type Pair, type Roc } from "./calls";
import { validationCases } from "./cases-validation";
import { hidden } from "./hidden";
import { aucCause, CAUSES, describeInput, expectReply, isAucResult, isRoc, judgeAuc, perSample } from "./judge";
import { bruteForceRoc, pairCountAuc } from "./oracle";

export type { Auc, RocCurve, BinaryAuc, Roc } from "./calls";

interface FixtureCase {
  name: string;
  yTrue: number[];
  yScore: number[];
  fpr: number[];
  tpr: number[];
  thresholds: (number | null)[];
  auc: number;
}
const fixtureCases = () => loadFixture<{ cases: FixtureCase[] }>("04-binary-auc").cases;

// One tie between a positive and a negative (0.4): the pair count is 6/9; 5/9 or 7/9 means the tie was not 1/2.
const TIED = { yTrue: [0, 0, 1, 1, 0, 1], yScore: [0.1, 0.4, 0.35, 0.8, 0.4, 0.4] };
const TIED_REV = { yTrue: [...TIED.yTrue].reverse(), yScore: [...TIED.yScore].reverse() };
// Three tied groups (0.9, 0.5, 0.1) among 8 samples: 4 distinct scores, so 5 points.
const GROUPS = { yTrue: [1, 0, 1, 0, 1, 0, 0, 1], yScore: [0.9, 0.9, 0.5, 0.5, 0.5, 0.2, 0.1, 0.1] };
const TYPED = { yTrue: [1, 0, 0, 1, 0, 1, 1, 0], yScore: [0.3, 0.9, 0.2, 0.8, 0.5, 0.5, 0.1, 0.4] };

/** Random labelled samples with scores on a small integer grid (many ties), both classes present. */
const randomPairs = (numRuns: number, seed = 42): Pair[] =>
  samples(
    (fc) =>
      fc
        .array(fc.record({ y: fc.integer({ min: 0, max: 1 }), s: fc.integer({ min: -3, max: 3 }) }), { minLength: 2, maxLength: 25 })
        .map((rows) => ({ yTrue: rows.map((r) => r.y), yScore: rows.map((r) => r.s) }))
        .filter(({ yTrue }) => yTrue.includes(0) && yTrue.includes(1)),
    { numRuns, seed },
  );

const mapped = (ps: Pair[], f: (v: number) => number): Pair[] => ps.map((p) => ({ yTrue: p.yTrue, yScore: p.yScore.map(f) }));

/** fpr and tpr against the brute-force curve; thresholds after the first, which the endpoints case judges. */
function judgeCurve(roc: Roc, y: number[], s: number[], input?: string): void {
  expectReply(isRoc(roc), "rocCurve");
  const ref = bruteForceRoc(y, s);
  ok(roc.fpr.length === ref.fpr.length, {
    what: "the curve should have one point per distinct score plus the (0, 0) start",
    input,
    expected: `${ref.fpr.length} points`,
    actual: `${roc.fpr.length} points`,
    note: perSample(roc, s) ? CAUSES.ungrouped.note : undefined,
    hint: perSample(roc, s) ? CAUSES.ungrouped.hint : undefined,
  });
  const swapped = roc.fpr.every((v, i) => Math.abs(v - ref.tpr[i]) < 1e-12) && roc.tpr.every((v, i) => Math.abs(v - ref.fpr[i]) < 1e-12);
  allClose(roc.fpr, ref.fpr, { what: "fpr should be the share of negatives scored ≥ each threshold", input, tol: 1e-12, note: swapped ? "fpr and tpr are swapped" : undefined });
  allClose(roc.tpr, ref.tpr, { what: "tpr should be the share of positives scored ≥ each threshold", input, tol: 1e-12 });
}

const cases: Case<Auc>[] = [
  {
    id: "ties-half",
    name: "ties count 1/2, in either input order",
    was: ["ties count 1/2, in either input order"],
    hint: "a tied positive/negative pair is half right: group equal scores into one step, then the trapezoid counts it 1/2.",
    call: "aucs",
    input: () => ({ cases: [TIED, TIED_REV] }),
    judge(rs: AucResult[]) {
      expectReply(Array.isArray(rs) && rs.length === 2 && rs.every(isAucResult), "aucs");
      const [a, b] = rs;
      judgeAuc(a, TIED.yTrue, TIED.yScore, { input: describeInput(TIED.yTrue, TIED.yScore), other: b?.auc });
      judgeAuc(b, TIED_REV.yTrue, TIED_REV.yScore, { input: `${describeInput(TIED_REV.yTrue, TIED_REV.yScore)} (the same samples reversed)`, other: a?.auc });
    },
  },
  {
    id: "distinct-points",
    name: "one point per distinct score, thresholds strictly decreasing",
    was: ["one point per distinct score, thresholds strictly decreasing"],
    hint: "emit a point only after the last sample of a run of equal scores, walking from the highest score down.",
    call: "curve",
    input: () => GROUPS,
    judge(roc: Roc) {
      expectReply(isRoc(roc), "rocCurve");
      const input = describeInput(GROUPS.yTrue, GROUPS.yScore);
      const ungrouped = perSample(roc, GROUPS.yScore);
      ok(roc.thresholds.length === 5, {
        what: "the curve should have one point per distinct score plus the (0, 0) start",
        input,
        expected: "5 points (4 distinct scores + start)",
        actual: `${roc.thresholds.length} points, thresholds ${fmt(roc.thresholds)}`,
        note: ungrouped ? CAUSES.ungrouped.note : undefined,
        hint: ungrouped ? CAUSES.ungrouped.hint : undefined,
      });
      const bad = roc.thresholds.findIndex((t, i) => i > 0 && !(t < roc.thresholds[i - 1]));
      const ascending = roc.thresholds.slice(1).every((t, i, a) => i === 0 || t > a[i - 1]);
      ok(bad < 0, {
        what: "thresholds should be strictly decreasing",
        input,
        expected: "thresholds[i] < thresholds[i − 1]",
        actual: `thresholds = ${fmt(roc.thresholds)}`,
        note: ascending ? "the sweep runs from the lowest score up" : undefined,
        hint: ascending ? "sort by score descending: the first threshold predicts only the highest scores positive." : undefined,
      });
    },
  },
  {
    id: "endpoints",
    name: "curve runs from (0, 0) at threshold +Infinity to (1, 1)",
    was: ["curve runs from (0, 0) at threshold +Infinity to (1, 1)"],
    hint: "before any sample is predicted positive, fpr = tpr = 0; that point's threshold is +Infinity.",
    call: "curve",
    input: () => GROUPS,
    judge(roc: Roc) {
      expectReply(isRoc(roc), "rocCurve");
      const { fpr, tpr, thresholds } = roc;
      const input = describeInput(GROUPS.yTrue, GROUPS.yScore);
      const max = Math.max(...GROUPS.yScore);
      ok(fpr[0] === 0 && tpr[0] === 0, { what: "the first point should be (fpr, tpr) = (0, 0)", input, expected: "(0, 0)", actual: `(${fmt(fpr[0])}, ${fmt(tpr[0])})` });
      ok(thresholds[0] === Infinity, {
        what: "the first threshold should be +Infinity",
        input,
        expected: "Infinity",
        actual: fmt(thresholds[0]),
        note: thresholds[0] === max + 1 ? "max(score) + 1 is sklearn < 1.3's convention; this drill uses +Infinity like sklearn ≥ 1.3" : undefined,
      });
      const n = fpr.length - 1;
      ok(fpr[n] === 1 && tpr[n] === 1, { what: "the last point should be (1, 1)", input, expected: "(1, 1)", actual: `(${fmt(fpr[n])}, ${fmt(tpr[n])})` });
      const down = fpr.findIndex((f, i) => i > 0 && (f < fpr[i - 1] || tpr[i] < tpr[i - 1]));
      ok(down < 0, { what: "fpr and tpr should never decrease along the curve", input, expected: "non-decreasing fpr and tpr", actual: `fpr = ${fmt(fpr)}, tpr = ${fmt(tpr)}` });
    },
  },
  {
    id: "sklearn-curve",
    name: "rocCurve matches sklearn's roc_curve(drop_intermediate=False)",
    was: ["rocCurve matches sklearn's roc_curve(drop_intermediate=False)"],
    hint: "fpr is the share of negatives scored ≥ the threshold, tpr the share of positives.",
    call: "curves",
    input: () => ({ cases: fixtureCases().map((c) => ({ yTrue: c.yTrue, yScore: c.yScore })) }),
    judge(rocs: Roc[]) {
      expectReply(Array.isArray(rocs), "curves");
      fixtureCases().forEach((c, i) => {
        const input = `${c.name}: ${describeInput(c.yTrue, c.yScore)}`;
        const roc = rocs[i];
        judgeCurve(roc, c.yTrue, c.yScore, input);
        allClose(roc.thresholds.slice(1), c.thresholds.slice(1) as number[], { what: "thresholds after the first should be the distinct scores, descending", input, tol: 1e-12 });
      });
    },
  },
  {
    id: "sklearn-auc",
    name: "binaryAuc matches sklearn's roc_auc_score",
    was: ["binaryAuc matches sklearn's roc_auc_score"],
    hint: "the trapezoid rule over your curve's points: sum of (Δfpr) · (tpr[i] + tpr[i − 1]) / 2.",
    call: "aucs",
    input: () => ({ cases: fixtureCases().map((c) => ({ yTrue: c.yTrue, yScore: c.yScore })) }),
    judge(rs: AucResult[]) {
      expectReply(Array.isArray(rs) && rs.length === fixtureCases().length && rs.every(isAucResult), "aucs");
      fixtureCases().forEach((c, i) => {
        // sklearn's value, and the pair count agrees with it to 1e-12 on every fixture (generate/04-binary-auc.py).
        const cause = aucCause(c.yTrue, c.yScore, rs[i]);
        ok(Math.abs(rs[i].auc - c.auc) <= 1e-9, { what: "AUC should match sklearn", input: `${c.name}: ${describeInput(c.yTrue, c.yScore)}`, how: "tol 1e-9", expected: fmt(c.auc), actual: fmt(rs[i].auc), note: cause?.note, hint: cause?.hint });
      });
    },
  },
  ...validationCases,
  {
    id: "typed-arrays",
    name: "accepts typed arrays",
    was: ["accepts typed arrays and leaves its inputs unchanged"],
    hint: "yTrue and yScore are ArrayLike (here Int32Array / Float64Array): index them or Array.from them; don't rely on array-only methods.",
    call: "typed",
    input: () => TYPED,
    judge(r: AucResult & { typed: number | null; typedError?: string; typedCurveError?: string }) {
      expectReply(isAucResult(r) && (r.typed === null || typeof r.typed === "number"), "typed");
      const input = `${describeInput(TYPED.yTrue, TYPED.yScore)} as Int32Array / Float64Array`;
      ok(r.typedError === undefined, { what: "binaryAuc should accept typed arrays", input, expected: "a number", actual: r.typedError ?? "" });
      ok(r.typedCurveError === undefined, { what: "rocCurve should accept typed arrays", input, expected: "a curve", actual: r.typedCurveError ?? "" });
      // Same answer as on plain arrays: typed arrays are handled; a wrong value is then some other cause, named.
      if (r.typed === r.auc) return judgeAuc(r, TYPED.yTrue, TYPED.yScore, { input, what: "AUC on typed arrays (and on the same values as plain arrays) should equal the pair count" });
      ok(Math.abs((r.typed ?? NaN) - pairCountAuc(TYPED.yTrue, TYPED.yScore)) <= 1e-9, {
        what: "AUC on typed arrays should equal the pair count",
        input,
        expected: fmt(pairCountAuc(TYPED.yTrue, TYPED.yScore)),
        actual: `${fmt(r.typed)} (on plain arrays: ${fmt(r.auc)})`,
        note: "typed arrays give a different answer from plain arrays with the same values",
      });
    },
  },
  {
    id: "inputs-unchanged",
    name: "leaves the caller's arrays unchanged",
    hint: "sort a copy (or an index array), never yTrue or yScore themselves.",
    inKernel: true,
    call: "unchanged",
    input: () => TYPED,
    judge(after: Record<"binaryAuc" | "rocCurve", [number[], number[]]>) {
      expectReply(!!after && ["binaryAuc", "rocCurve"].every((fn) => Array.isArray(after[fn as "binaryAuc"]) && after[fn as "binaryAuc"].every(Array.isArray)), "unchanged");
      const input = `${describeInput(TYPED.yTrue, TYPED.yScore)} (yTrue as Int32Array)`;
      for (const fn of ["binaryAuc", "rocCurve"] as const) {
        allClose(after[fn][0], TYPED.yTrue, { what: `${fn} should not modify yTrue`, input, tol: 0 });
        allClose(after[fn][1], TYPED.yScore, { what: `${fn} should not modify yScore`, input, tol: 0 });
      }
    },
  },
  {
    id: "property-oracle",
    name: "property: matches the pair-count oracle, curve and area, with ties",
    was: ["property: matches the pair-count oracle, curve and area, with ties"],
    hint: "compare with counting, for every positive/negative pair, 1 if the positive scores higher and 1/2 on a tie.",
    points: 2,
    call: "aucs",
    input: () => ({ cases: randomPairs(80) }),
    judge: (rs: AucResult[], { cases: ps }: { cases: Pair[] }) =>
      (expectReply(Array.isArray(rs) && rs.length === ps.length && rs.every(isAucResult), "aucs"), judgeSamples(ps, rs, (p, r) => {
        ok(r.auc >= 0 && r.auc <= 1, { what: "AUC should lie in [0, 1]", expected: "0 ≤ AUC ≤ 1", actual: fmt(r.auc) });
        judgeAuc(r, p.yTrue, p.yScore);
        ok(r.curve !== null, { what: "rocCurve should return a curve", expected: "{ fpr, tpr, thresholds }", actual: r.curveError ?? "" });
        judgeCurve(r.curve, p.yTrue, p.yScore);
      }, { what: "random labels, integer scores in [−3, 3]" })),
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
      expectReply(Array.isArray(rs) && rs.length === ps.length && rs.every(isAucResult), "aucs");
      const n = ps.length / 2;
      judgeSamples(ps.slice(0, n), rs.slice(0, n).map((r, i) => [r, rs[n + i]] as const), (p, [a, b]) => {
        const cause = aucCause(p.yTrue, p.yScore, a);
        ok(Math.abs(a.auc + b.auc - 1) <= 1e-9, { what: "AUC(y, s) + AUC(y, −s) should be 1", expected: "1", actual: `${fmt(a.auc)} + ${fmt(b.auc)} = ${fmt(a.auc + b.auc)}`, note: cause?.note, hint: cause?.hint });
      }, { what: "random labels, integer scores in [−3, 3]", seed: 43 });
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
      expectReply(Array.isArray(rs) && rs.length === ps.length && rs.every(isAucResult), "aucs");
      const n = ps.length / 2;
      judgeSamples(ps.slice(0, n), rs.slice(0, n).map((r, i) => [r, rs[n + i]] as const), (_p, [a, b]) => {
        ok(a.auc >= 0 && a.auc <= 1, { what: "AUC should lie in [0, 1]", expected: "0 ≤ AUC ≤ 1", actual: fmt(a.auc) });
        ok(Math.abs(b.auc - a.auc) <= 1e-9, { what: "AUC(y, 10·exp(s) − 3) should equal AUC(y, s)", expected: fmt(a.auc), actual: fmt(b.auc) });
      }, { what: "random labels, integer scores in [−3, 3]", seed: 44 });
    },
  },
];

export const aucCheck: Check<Auc> = { id: "04-binary-auc", part: "auc", title: "ROC curve and AUC", calls, cases };
export const checks = { auc: aucCheck };
export { hidden };
