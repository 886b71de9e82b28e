/** Known-wrong answers to drill 04, each with the case it must fail and the message (cause) it must get. */
import { ValueError } from "@drills/lib";
import type { Auc, Roc } from "../calls";
import { answer, referenceAnswer as reference, sweep, validate } from "./answers";

const noLabelCheck = (y: ArrayLike<number>, s: ArrayLike<number>) => {
  if (y.length === 0 || y.length !== s.length) throw new ValueError("yTrue, yScore: expected equal non-empty lengths");
};
const RECTANGLE = /rectangle \(step\) rule[\s\S]*Hint: keep your curve; take the trapezoid rule/;

export const wrong: Record<string, [Auc, string, RegExp]> = {
  "ignoring ties (no grouping of equal scores)": [
    answer((y, s) => sweep(y, s, { group: false })),
    "ties-half",
    /equal scores were not grouped[\s\S]*Hint: emit a point only after the last sample/,
  ],
  "thresholds not distinct (a point per sample)": [
    answer((y, s) => sweep(y, s, { group: false })),
    "distinct-points",
    /equal scores were not grouped/,
  ],
  "rectangle rule instead of trapezoid: ties": [answer((y, s) => sweep(y, s), "lower"), "ties-half", RECTANGLE],
  "rectangle rule instead of trapezoid: sklearn fixtures": [
    answer((y, s) => sweep(y, s), "lower"),
    "sklearn-auc",
    RECTANGLE,
  ],
  "rectangle rule instead of trapezoid: typed arrays get the area hint, not a typed-array hint": [
    answer((y, s) => sweep(y, s), "lower"),
    "typed-arrays",
    RECTANGLE,
  ],
  "upper rectangle rule": [answer((y, s) => sweep(y, s), "upper"), "ties-half", /counts the whole box/],
  "sorting ascending": [
    answer((y, s) => sweep(y, s, { ascending: true })),
    "distinct-points",
    /strictly decreasing[\s\S]*Actual: +thresholds = \[Infinity, 0\.1, 0\.2[\s\S]*lowest score up/,
  ],
  "sorting ascending: the AUC is 1 − AUC": [
    answer((y, s) => sweep(y, s, { ascending: true })),
    "sklearn-auc",
    /1 − AUC/,
  ],
  "missing the (0, 0) point": [
    answer((y, s) => sweep(y, s, { start: false })),
    "endpoints",
    /\(0, 0\)[\s\S]*Actual: +\(0\.25, 0\.25\)/,
  ],
  "sklearn < 1.3 first threshold max + 1": [
    answer((y, s) => {
      const r = sweep(y, s);
      r.thresholds[0] = r.thresholds[1] + 1;
      return r;
    }),
    "endpoints",
    /sklearn < 1\.3's convention/,
  ],
  "swapped fpr and tpr": [
    answer((y, s) => (({ fpr, tpr, thresholds }: Roc) => ({ fpr: tpr, tpr: fpr, thresholds }))(sweep(y, s))),
    "sklearn-curve",
    /fpr and tpr are swapped/,
  ],
  "not validating labels": [
    answer((y, s) => sweep(y, s), "trapezoid", noLabelCheck),
    "rejects-labels",
    /throws ValueError[\s\S]*returned normally/,
  ],
  "accepting a single class (NaN)": [
    answer(
      (y, s) => sweep(y, s),
      "trapezoid",
      (y, s) => {
        noLabelCheck(y, s);
        if (Array.from(y).some((v) => v !== 0 && v !== 1)) throw new ValueError("yTrue: expected 0/1 labels");
      },
    ),
    "rejects-one-class",
    /a single class has no AUC/,
  ],
  "no length check": [
    answer(
      (y, s) => sweep(y, s),
      "trapezoid",
      () => undefined,
    ),
    "rejects-length",
    /returned normally/,
  ],
  "NaN scores accepted": [
    answer(
      (y, s) => sweep(y, s),
      "trapezoid",
      (y, s) =>
        validate(
          y,
          Array.from(s, (v) => (Number.isFinite(v) ? v : 0)),
        ),
    ),
    "rejects-non-finite",
    /non-finite scores should be rejected/,
  ],
  "error message does not name the argument": [
    answer(
      (y, s) => sweep(y, s),
      "trapezoid",
      (y, s) => {
        try {
          validate(y, s);
        } catch {
          throw new ValueError("bad input");
        }
      },
    ),
    "rejects-labels",
    /message naming "yTrue"/,
  ],
  "sorts the caller's scores in place": [
    {
      rocCurve: reference.rocCurve,
      binaryAuc(y, s) {
        validate(y, s);
        const r = reference.binaryAuc(y, s);
        if (Array.isArray(s) || s instanceof Float64Array) (s as number[]).sort((a, b) => a - b);
        return r;
      },
    },
    "inputs-unchanged",
    /should not modify yScore/,
  ],
  "array-only methods (fails on typed arrays)": [
    {
      rocCurve: reference.rocCurve,
      binaryAuc(y, s) {
        if (!Array.isArray(y)) throw new TypeError("yTrue.filter(...).concat is not a function");
        return reference.binaryAuc(y, s);
      },
    },
    "typed-arrays",
    /binaryAuc should accept typed arrays[\s\S]*concat is not a function[\s\S]*Hint: yTrue and yScore are ArrayLike/,
  ],
  "returns a string": [
    { ...reference, binaryAuc: (y, s) => reference.binaryAuc(y, s).toFixed(3) as unknown as number },
    "sklearn-auc",
    /should return a number/,
  ],
  "returns the curve as a tuple": [
    { ...reference, rocCurve: (y, s) => Object.values(reference.rocCurve(y, s)) as unknown as Roc },
    "sklearn-curve",
    /fpr should be an array of numbers/,
  ],
};
