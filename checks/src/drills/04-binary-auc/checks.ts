/**
 * Drill 04 — ROC curve and AUC. One point per distinct threshold (sklearn's `drop_intermediate=False`), the first
 * at +Infinity (sklearn ≥ 1.3; 1.2 used max(score) + 1), and the trapezoid rule over those points. Grouping equal
 * scores is what makes ties exact: a tied group moves the curve along one diagonal segment, whose trapezoid area
 * counts each tied positive/negative pair as 1/2 — the Mann–Whitney definition the oracle uses.
 *
 * Points (public cases): 15, of which 1 measured in the kernel (the caller's arrays left unchanged); the rest are
 * judged outside it from the returned numbers. checks.spec asserts the share. Every judge runs behind replies.ts,
 * so a reply of another shape fails by itself rather than crash it.
 */
import { allClose, ok } from "../../assert";
import type { Case, Check } from "../../drill";
import { fmt } from "../../format";
import { calls, type Auc, type AucResult } from "./calls";
import { curveCases } from "./cases-curve";
import { propertyCases } from "./cases-property";
import { validationCases } from "./cases-validation";
import { hidden as properties } from "./hidden";
import { fixtureCases, TIED, TIED_REV, TYPED } from "./inputs";
import { aucCause, describeInput, judgeAuc } from "./judge";
import { pairCountAuc } from "./oracle";
import { guard, guardHidden } from "./replies";

const cases: Case<Auc>[] = [
  {
    id: "ties-half",
    name: "ties count 1/2, in either input order",
    was: ["ties count 1/2, in either input order"],
    hint: "a tied positive/negative pair is half right: group equal scores into one step, then the trapezoid counts it 1/2.",
    call: "aucs",
    input: () => ({ cases: [TIED, TIED_REV] }),
    judge(rs: AucResult[]) {
      const [a, b] = rs;
      judgeAuc(a, TIED.yTrue, TIED.yScore, { input: describeInput(TIED.yTrue, TIED.yScore), other: b?.auc });
      judgeAuc(b, TIED_REV.yTrue, TIED_REV.yScore, {
        input: `${describeInput(TIED_REV.yTrue, TIED_REV.yScore)} (the same samples reversed)`,
        other: a?.auc,
      });
    },
  },
  ...curveCases,
  {
    id: "sklearn-auc",
    name: "binaryAuc matches sklearn's roc_auc_score",
    was: ["binaryAuc matches sklearn's roc_auc_score"],
    hint: "the trapezoid rule over your curve's points: sum of (Δfpr) · (tpr[i] + tpr[i − 1]) / 2.",
    call: "aucs",
    input: () => ({ cases: fixtureCases().map((c) => ({ yTrue: c.yTrue, yScore: c.yScore })) }),
    judge(rs: AucResult[]) {
      fixtureCases().forEach((c, i) => {
        // sklearn's value, and the pair count agrees with it to 1e-12 on every fixture (generate/04-binary-auc.py).
        const cause = aucCause(c.yTrue, c.yScore, rs[i]);
        ok(Math.abs(rs[i].auc - c.auc) <= 1e-9, {
          what: "AUC should match sklearn",
          input: `${c.name}: ${describeInput(c.yTrue, c.yScore)}`,
          how: "tol 1e-9",
          expected: fmt(c.auc),
          actual: fmt(rs[i].auc),
          note: cause?.note,
          hint: cause?.hint,
        });
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
      const input = `${describeInput(TYPED.yTrue, TYPED.yScore)} as Int32Array / Float64Array`;
      ok(r.typedError === undefined, {
        what: "binaryAuc should accept typed arrays",
        input,
        expected: "a number",
        actual: r.typedError ?? "",
      });
      ok(r.typedCurveError === undefined, {
        what: "rocCurve should accept typed arrays",
        input,
        expected: "a curve",
        actual: r.typedCurveError ?? "",
      });
      // Same answer as on plain arrays: typed arrays are handled; a wrong value is then some other cause, named.
      if (r.typed === r.auc)
        return judgeAuc(r, TYPED.yTrue, TYPED.yScore, {
          input,
          what: "AUC on typed arrays (and on the same values as plain arrays) should equal the pair count",
        });
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
      const input = `${describeInput(TYPED.yTrue, TYPED.yScore)} (yTrue as Int32Array)`;
      for (const fn of ["binaryAuc", "rocCurve"] as const) {
        allClose(after[fn][0], TYPED.yTrue, { what: `${fn} should not modify yTrue`, input, tol: 0 });
        allClose(after[fn][1], TYPED.yScore, { what: `${fn} should not modify yScore`, input, tol: 0 });
      }
    },
  },
  ...propertyCases,
];

export const aucCheck: Check<Auc> = {
  id: "04-binary-auc",
  part: "auc",
  title: "ROC curve and AUC",
  calls,
  cases: cases.map(guard),
};
export const checks = { auc: aucCheck };
/** The hidden properties, each judging only replies of the declared shape. */
export const hidden = Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, guardHidden(p)]));
