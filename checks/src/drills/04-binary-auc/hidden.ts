/**
 * Hidden-case properties for drill 04 (ROC / AUC), split: the grader builds each input from the interviewer's spec
 * and judges with the pair count and the brute-force ROC; the kernel only runs the call. Failures report AUC values,
 * point counts and the named cause, never the labels or scores.
 */
import { ok, rejected } from "../../assert";
import { fmtNumber } from "../../format";
import type { HiddenProperty } from "../../hidden-property";
import { numbers } from "../../experience/hidden";
import type { AucResult, Roc } from "./calls";
import { aucCause } from "./judge";
import { bruteForceRoc, pairCountAuc } from "./oracle";

const pair = (spec: { input: Record<string, unknown> }) => ({
  yTrue: numbers(spec.input.yTrue, "yTrue"),
  yScore: numbers(spec.input.yScore, "yScore"),
});

export const hidden: Record<string, HiddenProperty> = {
  auc: {
    part: "auc",
    what: "binaryAuc equals the pair-count AUC (ties count 1/2)",
    hint: "compare with the share of (positive, negative) pairs ranked correctly, a tie counting one half.",
    call: "auc",
    input: pair,
    judge(r: AucResult, { yTrue, yScore }: { yTrue: number[]; yScore: number[] }, spec) {
      const want = pairCountAuc(yTrue, yScore);
      const tol = spec.tol ?? 1e-9;
      const cause = Math.abs(r.auc - want) <= tol ? undefined : aucCause(yTrue, yScore, r);
      ok(Math.abs(r.auc - want) <= tol, {
        what: "binaryAuc should equal the pair-count AUC",
        how: `tol ${fmtNumber(tol)}`,
        expected: fmtNumber(want),
        actual: fmtNumber(r.auc),
        note: cause?.note,
        hint: cause?.hint,
      });
    },
  },
  curve: {
    part: "auc",
    what: "rocCurve has one point per distinct score, as the brute-force ROC",
    hint: "one point per distinct score, highest first, starting at (0, 0) with threshold +Infinity.",
    call: "curve",
    input: pair,
    judge(got: Roc, { yTrue, yScore }: { yTrue: number[]; yScore: number[] }, spec) {
      const want = bruteForceRoc(yTrue, yScore);
      ok(got.fpr.length === want.fpr.length, {
        what: "rocCurve should have one point per distinct score plus (0, 0)",
        expected: `${want.fpr.length} points`,
        actual: `${got.fpr.length} points`,
      });
      const tol = spec.tol ?? 1e-12;
      const bad = want.fpr.findIndex(
        (f, i) =>
          Math.abs(got.fpr[i] - f) > tol ||
          Math.abs(got.tpr[i] - want.tpr[i]) > tol ||
          got.thresholds[i] !== want.thresholds[i],
      );
      ok(bad < 0, {
        what: "rocCurve's points should match the brute-force ROC",
        how: `tol ${fmtNumber(tol)}`,
        expected: "the same fpr, tpr and thresholds at every point",
        actual: `point ${bad} of ${want.fpr.length} differs`,
      });
    },
  },
  rejects: {
    part: "auc",
    what: "invalid labels or scores throw ValueError naming the argument",
    hint: "validate lengths, emptiness, labels in {0, 1}, both classes and finite scores before sorting.",
    call: "rejects",
    input(spec) {
      // JSON has no NaN or Infinity: the strings "NaN", "Infinity" and "-Infinity" stand for them.
      const parse = (v: unknown, name: string) => {
        if (!Array.isArray(v))
          throw new Error(`input.${name}: expected a list, got ${JSON.stringify(v)?.slice(0, 60)}`);
        return v.map((e) => (typeof e === "string" ? Number(e) : e)) as number[];
      };
      return { cases: [{ yTrue: parse(spec.input.yTrue, "yTrue"), yScore: parse(spec.input.yScore, "yScore") }] };
    },
    judge(outs: { binaryAuc: { name: string; message: string } | null }[], _input, spec) {
      const mentions = Array.isArray(spec.input.mentions) ? (spec.input.mentions as string[]) : [];
      rejected(outs[0].binaryAuc, "binaryAuc(yTrue, yScore)", {
        what: "invalid input should be rejected",
        mentions,
      });
    },
  },
};
