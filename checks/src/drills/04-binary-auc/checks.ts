/**
 * Drill 04 — ROC curve and AUC. One point per distinct threshold (sklearn's `drop_intermediate=False`), the first
 * at +Infinity (sklearn ≥ 1.3; 1.2 used max(score) + 1), and the trapezoid rule over those points. Grouping equal
 * scores is what makes ties exact: a tied group moves the curve along one diagonal segment, whose trapezoid area
 * counts each tied positive/negative pair as 1/2 — the Mann–Whitney definition the oracle uses.
 */
import * as fc from "fast-check";
import { allClose, close, ok, property } from "../../assert";
import type { Drill } from "../../drill";
import { fmt } from "../../format";
import { loadFixture } from "../../fixtures";
import { bruteForceRoc, pairCountAuc, pairCountWithTies } from "./oracle";
import { aucOf, curveOf, describeInput, type Auc } from "./calls";
import { validationCases } from "./cases-validation";

export type { Auc, RocCurve, BinaryAuc } from "./calls";

interface FixtureCase {
  name: string;
  yTrue: number[];
  yScore: number[];
  fpr: number[];
  tpr: number[];
  thresholds: (number | null)[];
  auc: number;
}
let fixture: FixtureCase[] | undefined;
const fixtureCases = () => (fixture ??= loadFixture<{ cases: FixtureCase[] }>("04-binary-auc").cases);

// One tie between a positive and a negative (0.4): the pair count is 6/9; 5/9 or 7/9 means the tie was not 1/2.
const TIED = { y: [0, 0, 1, 1, 0, 1], s: [0.1, 0.4, 0.35, 0.8, 0.4, 0.4] };
// Three tied groups (0.9, 0.5, 0.1) among 8 samples: 4 distinct scores, so 5 points.
const GROUPS = { y: [1, 0, 1, 0, 1, 0, 0, 1], s: [0.9, 0.9, 0.5, 0.5, 0.5, 0.2, 0.1, 0.1] };

/** Random labelled samples with scores on a small integer grid (many ties), both classes present. */
const samples = fc
  .array(fc.record({ y: fc.integer({ min: 0, max: 1 }), s: fc.integer({ min: -3, max: 3 }) }), { minLength: 2, maxLength: 25 })
  .map((rows) => ({ yTrue: rows.map((r) => r.y), yScore: rows.map((r) => r.s) }))
  .filter(({ yTrue }) => yTrue.includes(0) && yTrue.includes(1));

function tieNote(y: number[], s: number[], actual: number): string | undefined {
  if (Math.abs(actual - pairCountWithTies(y, s, 0)) < 1e-9) return "a tied positive/negative pair counted 0, not 1/2";
  if (Math.abs(actual - pairCountWithTies(y, s, 1)) < 1e-9) return "a tied positive/negative pair counted 1, not 1/2";
  return undefined;
}

export const aucDrill: Drill<Auc> = {
  id: "04-binary-auc",
  title: "ROC curve and AUC",
  cases: [
    {
      name: "ties count 1/2, in either input order",
      hint: "group equal scores into one step of the curve before taking the area; the order of tied samples must not matter.",
      run(impl) {
        for (const [y, s] of [[TIED.y, TIED.s], [[...TIED.y].reverse(), [...TIED.s].reverse()]]) {
          const input = describeInput(y, s);
          const a = aucOf(impl, y, s, input);
          close(a, pairCountAuc(y, s), { what: "AUC should equal the pair count with ties as 1/2", input, tol: 1e-9, note: tieNote(y, s, a) });
        }
      },
    },
    {
      name: "one point per distinct score, thresholds strictly decreasing",
      hint: "emit a point only after the last sample of a run of equal scores, walking from the highest score down.",
      run(impl) {
        const input = describeInput(GROUPS.y, GROUPS.s);
        const roc = curveOf(impl, GROUPS.y, GROUPS.s, input);
        const perSample = roc.thresholds.length === GROUPS.y.length + 1;
        ok(roc.thresholds.length === 5, {
          what: "the curve should have one point per distinct score plus the (0, 0) start",
          input,
          expected: "5 points (4 distinct scores + start)",
          actual: `${roc.thresholds.length} points, thresholds ${fmt(roc.thresholds)}`,
          note: perSample ? "one point per sample: equal scores were not grouped" : undefined,
        });
        const bad = roc.thresholds.findIndex((t, i) => i > 0 && !(t < roc.thresholds[i - 1]));
        ok(bad < 0, { what: "thresholds should be strictly decreasing", input, expected: "thresholds[i] < thresholds[i − 1]", actual: `thresholds = ${fmt(roc.thresholds)}` });
      },
    },
    {
      name: "curve runs from (0, 0) at threshold +Infinity to (1, 1)",
      hint: "before any sample is predicted positive, fpr = tpr = 0; that point's threshold is +Infinity.",
      run(impl) {
        const input = describeInput(GROUPS.y, GROUPS.s);
        const { fpr, tpr, thresholds } = curveOf(impl, GROUPS.y, GROUPS.s, input);
        const max = Math.max(...GROUPS.s);
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
      name: "rocCurve matches sklearn's roc_curve(drop_intermediate=False)",
      hint: "fpr is the share of negatives scored ≥ the threshold, tpr the share of positives.",
      run(impl) {
        for (const c of fixtureCases()) {
          const input = `${c.name}: ${describeInput(c.yTrue, c.yScore)}`;
          const roc = curveOf(impl, c.yTrue, c.yScore, input);
          const ctx = { input, tol: 1e-12, how: `sklearn ${c.fpr.length} points` };
          ok(roc.fpr.length === c.fpr.length, {
            what: "number of points should match sklearn",
            input,
            expected: String(c.fpr.length),
            actual: String(roc.fpr.length),
            note: roc.fpr.length === c.yTrue.length + 1 ? "one point per sample: equal scores were not grouped" : undefined,
          });
          allClose(roc.thresholds.slice(1), c.thresholds.slice(1) as number[], { ...ctx, what: "thresholds after the first should be the distinct scores, descending" });
          const swapped = roc.fpr.every((v, i) => Math.abs(v - c.tpr[i]) < 1e-12) && roc.tpr.every((v, i) => Math.abs(v - c.fpr[i]) < 1e-12);
          allClose(roc.fpr, c.fpr, { ...ctx, what: "fpr should match sklearn", note: swapped ? "fpr and tpr are swapped" : undefined });
          allClose(roc.tpr, c.tpr, { ...ctx, what: "tpr should match sklearn" });
        }
      },
    },
    {
      name: "binaryAuc matches sklearn's roc_auc_score",
      hint: "the trapezoid rule over your curve's points: sum of (Δfpr) · (tpr[i] + tpr[i − 1]) / 2.",
      run(impl) {
        for (const c of fixtureCases()) {
          const input = `${c.name}: ${describeInput(c.yTrue, c.yScore)}`;
          close(aucOf(impl, c.yTrue, c.yScore, input), c.auc, { what: "AUC should match sklearn", input, tol: 1e-9 });
        }
      },
    },
    ...validationCases,
    {
      name: "property: matches the pair-count oracle, curve and area, with ties",
      hint: "compare with counting, for every positive/negative pair, 1 if the positive scores higher and 1/2 on a tie.",
      run(impl) {
        property(samples, ({ yTrue, yScore }) => {
          const a = aucOf(impl, yTrue, yScore);
          ok(a >= 0 && a <= 1, { what: "AUC should lie in [0, 1]", expected: "0 ≤ AUC ≤ 1", actual: fmt(a) });
          close(a, pairCountAuc(yTrue, yScore), { what: "AUC should equal the pair count", tol: 1e-9, note: tieNote(yTrue, yScore, a) });
          const roc = curveOf(impl, yTrue, yScore);
          const ref = bruteForceRoc(yTrue, yScore);
          allClose(roc.fpr, ref.fpr, { what: "fpr should match the brute-force curve", tol: 1e-12 });
          allClose(roc.tpr, ref.tpr, { what: "tpr should match the brute-force curve", tol: 1e-12 });
        }, { what: "random labels, integer scores in [−3, 3]", numRuns: 80 });
      },
    },
    {
      name: "property: negating the scores gives 1 − AUC",
      hint: "reversing the ranking swaps wins and losses; ties stay 1/2 — check how your sweep handles equal scores.",
      run(impl) {
        property(samples, ({ yTrue, yScore }) => {
          const a = aucOf(impl, yTrue, yScore);
          const b = aucOf(impl, yTrue, yScore.map((v) => -v));
          close(a + b, 1, { what: "AUC(y, s) + AUC(y, −s) should be 1", tol: 1e-9 });
        }, { what: "random labels, integer scores in [−3, 3]", numRuns: 60 });
      },
    },
    {
      name: "property: unchanged by a strictly increasing transform of the scores",
      hint: "AUC depends only on the order of the scores: use comparisons, not the score values themselves.",
      run(impl) {
        property(samples, ({ yTrue, yScore }) => {
          const a = aucOf(impl, yTrue, yScore);
          const b = aucOf(impl, yTrue, yScore.map((v) => 10 * Math.exp(v) - 3));
          ok(a >= 0 && a <= 1, { what: "AUC should lie in [0, 1]", expected: "0 ≤ AUC ≤ 1", actual: fmt(a) });
          close(b, a, { what: "AUC(y, 10·exp(s) − 3) should equal AUC(y, s)", tol: 1e-9 });
        }, { what: "random labels, integer scores in [−3, 3]", numRuns: 60 });
      },
    },
  ],
};
