/**
 * Hidden-case properties for drill 04 (ROC / AUC): the area against the Mann–Whitney pair count, the curve against
 * the brute-force ROC, and validation. Failures report the AUC values and point counts, never the labels or scores.
 */
import { ok, throwsValueError } from "../../assert";
import { aucDrill, type Auc } from "./checks";
import { aucOf, curveOf } from "./calls";
import { bruteForceRoc, pairCountAuc } from "./oracle";
import { fmtNumber } from "../../format";
import { numbers, registerHidden } from "../../experience/hidden";
import { HIDDEN_INPUT } from "../../drill";

const HIDDEN = HIDDEN_INPUT;

registerHidden<Auc>(aucDrill, {
  auc: {
    what: "binaryAuc equals the pair-count AUC (ties count 1/2)",
    hint: "compare with the share of (positive, negative) pairs ranked correctly, a tie counting one half.",
    run(impl, spec) {
      const y = numbers(spec.input.yTrue, "yTrue");
      const s = numbers(spec.input.yScore, "yScore");
      const want = pairCountAuc(y, s);
      const got = aucOf(impl, y, s, HIDDEN);
      const tol = spec.tol ?? 1e-9;
      ok(Math.abs(got - want) <= tol, { what: "binaryAuc should equal the pair-count AUC", how: `tol ${fmtNumber(tol)}`, expected: fmtNumber(want), actual: fmtNumber(got) });
    },
  },
  curve: {
    what: "rocCurve has one point per distinct score, as the brute-force ROC",
    hint: "one point per distinct score, highest first, starting at (0, 0) with threshold +Infinity.",
    run(impl, spec) {
      const y = numbers(spec.input.yTrue, "yTrue");
      const s = numbers(spec.input.yScore, "yScore");
      const want = bruteForceRoc(y, s);
      const got = curveOf(impl, y, s, HIDDEN);
      ok(got.fpr.length === want.fpr.length, { what: "rocCurve should have one point per distinct score plus (0, 0)", expected: `${want.fpr.length} points`, actual: `${got.fpr.length} points` });
      const tol = spec.tol ?? 1e-12;
      const bad = want.fpr.findIndex((f, i) => Math.abs(got.fpr[i] - f) > tol || Math.abs(got.tpr[i] - want.tpr[i]) > tol || got.thresholds[i] !== want.thresholds[i]);
      ok(bad < 0, { what: "rocCurve's points should match the brute-force ROC", how: `tol ${fmtNumber(tol)}`, expected: "the same fpr, tpr and thresholds at every point", actual: `point ${bad} of ${want.fpr.length} differs` });
    },
  },
  rejects: {
    what: "invalid labels or scores throw ValueError naming the argument",
    hint: "validate lengths, emptiness, labels in {0, 1}, both classes and finite scores before sorting.",
    run(impl, spec) {
      // JSON has no NaN or Infinity: the strings "NaN", "Infinity" and "-Infinity" stand for them.
      const parse = (v: unknown) => (Array.isArray(v) ? v.map((e) => (typeof e === "string" ? Number(e) : e)) : v) as number[];
      const y = parse(spec.input.yTrue);
      const s = parse(spec.input.yScore);
      const mentions = Array.isArray(spec.input.mentions) ? (spec.input.mentions as string[]) : [];
      throwsValueError("binaryAuc(yTrue, yScore)", () => impl.binaryAuc(y, s), { what: "invalid input should be rejected", mentions });
    },
  },
});
