/** The AUC checks pass the reference and reject each known-wrong answer with the expected message. */
import { test } from "uvu";
import { ValueError, todo } from "@drills/lib";
import { aucDrill, type Auc } from "./checks";
import type { Roc } from "./oracle";
import { expectPass, expectRejects, expectTodo } from "../../testing";
import { evaluate } from "../../drill";
import { reportText } from "../../render";
import * as assert from "uvu/assert";

function validate(y: ArrayLike<number>, s: ArrayLike<number>): void {
  if (y.length === 0) throw new ValueError("yTrue: expected a non-empty array");
  if (y.length !== s.length) throw new ValueError(`yScore: expected length ${y.length} (as yTrue), got ${s.length}`);
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new ValueError(`yTrue: expected labels 0 or 1, got ${y[i]} at index ${i}`);
    if (!Number.isFinite(s[i])) throw new ValueError(`yScore: expected finite scores, got ${s[i]} at index ${i}`);
  }
  const pos = Array.from(y).filter((v) => v === 1).length;
  if (pos === 0 || pos === y.length) throw new ValueError("yTrue: expected both classes (0 and 1)");
}

/** Sort indices by score, descending; a point after each run of equal scores. Options turn on known bugs. */
function sweep(y: ArrayLike<number>, s: ArrayLike<number>, o: { group?: boolean; ascending?: boolean; start?: boolean } = {}): Roc {
  const { group = true, ascending = false, start = true } = o;
  const idx = Array.from(y, (_, i) => i).sort((a, b) => (ascending ? s[a] - s[b] : s[b] - s[a]));
  const pos = Array.from(y).filter((v) => v === 1).length;
  const neg = y.length - pos;
  const roc: Roc = start ? { fpr: [0], tpr: [0], thresholds: [Infinity] } : { fpr: [], tpr: [], thresholds: [] };
  let tp = 0;
  let fp = 0;
  idx.forEach((i, k) => {
    if (y[i] === 1) tp++;
    else fp++;
    if (!group || k === idx.length - 1 || s[idx[k + 1]] !== s[i]) {
      roc.fpr.push(fp / neg);
      roc.tpr.push(tp / pos);
      roc.thresholds.push(s[i]);
    }
  });
  return roc;
}

const area = (r: Roc, rule: "trapezoid" | "step" = "trapezoid") =>
  r.fpr.reduce((acc, f, i) => (i === 0 ? 0 : acc + (f - r.fpr[i - 1]) * (rule === "step" ? r.tpr[i - 1] : (r.tpr[i] + r.tpr[i - 1]) / 2)), 0);

const reference: Auc = {
  rocCurve(y, s) {
    validate(y, s);
    return sweep(y, s);
  },
  binaryAuc(y, s) {
    validate(y, s);
    return area(sweep(y, s));
  },
};

/** An answer whose curve is `curve` (validated) and whose AUC is its area by `rule`. */
const answer = (curve: (y: ArrayLike<number>, s: ArrayLike<number>) => Roc, rule: "trapezoid" | "step" = "trapezoid", check = validate): Auc => ({
  rocCurve(y, s) {
    check(y, s);
    return curve(y, s);
  },
  binaryAuc(y, s) {
    check(y, s);
    return area(curve(y, s), rule);
  },
});

test("reference passes every case", async () => {
  await expectPass(aucDrill, reference);
});

test("a stub is todo, not a failure", async () => {
  const stub = () => {
    throw todo();
  };
  await expectTodo(aucDrill, { rocCurve: stub, binaryAuc: stub });
});

const noLabelCheck = (y: ArrayLike<number>, s: ArrayLike<number>) => {
  if (y.length === 0 || y.length !== s.length) throw new ValueError("yTrue, yScore: expected equal non-empty lengths");
};

const wrong: Record<string, [Auc, string, RegExp]> = {
  "ignoring ties (no grouping of equal scores)": [answer((y, s) => sweep(y, s, { group: false })), "ties count 1/2, in either input order", /counted (0|1), not 1\/2/],
  "thresholds not distinct (a point per sample)": [answer((y, s) => sweep(y, s, { group: false })), "one point per distinct score, thresholds strictly decreasing", /one point per sample/],
  "step rule instead of trapezoid": [answer((y, s) => sweep(y, s), "step"), "ties count 1/2, in either input order", /counted 0, not 1\/2/],
  "sorting ascending": [answer((y, s) => sweep(y, s, { ascending: true })), "one point per distinct score, thresholds strictly decreasing", /strictly decreasing[\s\S]*Actual: +thresholds = \[Infinity, 0\.1, 0\.2/],
  "missing the (0, 0) point": [answer((y, s) => sweep(y, s, { start: false })), "curve runs from (0, 0) at threshold +Infinity to (1, 1)", /\(0, 0\)[\s\S]*Actual: +\(0\.25, 0\.25\)/],
  "sklearn < 1.3 first threshold max + 1": [
    answer((y, s) => {
      const r = sweep(y, s);
      r.thresholds[0] = r.thresholds[1] + 1;
      return r;
    }),
    "curve runs from (0, 0) at threshold +Infinity to (1, 1)",
    /sklearn < 1\.3's convention/,
  ],
  "swapped fpr and tpr": [answer((y, s) => (({ fpr, tpr, thresholds }) => ({ fpr: tpr, tpr: fpr, thresholds }))(sweep(y, s))), "rocCurve matches sklearn's roc_curve(drop_intermediate=False)", /fpr and tpr are swapped/],
  "not validating labels": [answer((y, s) => sweep(y, s), "trapezoid", noLabelCheck), "rejects labels outside {0, 1}", /throws ValueError[\s\S]*returned normally/],
  "accepting a single class (NaN)": [
    answer((y, s) => sweep(y, s), "trapezoid", (y, s) => {
      noLabelCheck(y, s);
      if (Array.from(y).some((v) => v !== 0 && v !== 1)) throw new ValueError("yTrue: expected 0/1 labels");
    }),
    "rejects a single class",
    /a single class has no AUC/,
  ],
  "no length check": [answer((y, s) => sweep(y, s), "trapezoid", () => undefined), "rejects mismatched lengths and empty input", /returned normally/],
  "NaN scores accepted": [
    answer((y, s) => sweep(y, s), "trapezoid", (y, s) => validate(y, Array.from(s, (v) => (Number.isFinite(v) ? v : 0)))),
    "rejects non-finite scores",
    /non-finite scores should be rejected/,
  ],
  "error message does not name the argument": [
    answer((y, s) => sweep(y, s), "trapezoid", (y, s) => {
      try {
        validate(y, s);
      } catch {
        throw new ValueError("bad input");
      }
    }),
    "rejects labels outside {0, 1}",
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
    "accepts typed arrays and leaves its inputs unchanged",
    /should not modify yScore/,
  ],
  "returns a string": [{ ...reference, binaryAuc: (y, s) => reference.binaryAuc(y, s).toFixed(3) as unknown as number }, "binaryAuc matches sklearn's roc_auc_score", /should return a number/],
  "returns the curve as a tuple": [{ ...reference, rocCurve: (y, s) => Object.values(reference.rocCurve(y, s)) as unknown as Roc }, "rocCurve matches sklearn's roc_curve(drop_intermediate=False)", /fpr should be an array of numbers/],
};

for (const [name, [impl, caseName, message]] of Object.entries(wrong)) {
  test(`rejects: ${name}`, async () => {
    await expectRejects(aucDrill, impl, caseName, message);
  });
}

test("hostile answers are reported, never crash a check", async () => {
  const hostile: Auc[] = [
    { rocCurve: () => null as unknown as Roc, binaryAuc: () => undefined as unknown as number },
    { rocCurve: () => ({ fpr: "0,1", tpr: [0, 1], thresholds: [] }) as unknown as Roc, binaryAuc: () => NaN },
    { rocCurve: () => ({ fpr: [NaN], tpr: [NaN], thresholds: [NaN] }), binaryAuc: () => Infinity },
    {
      rocCurve: () => {
        throw new TypeError("boom");
      },
      binaryAuc: () => {
        throw "a string";
      },
    },
  ];
  for (const impl of hostile) {
    const report = await evaluate(aucDrill, impl);
    const crashed = report.results.filter((r) => r.status === "error");
    assert.equal(crashed.map((r) => r.name), [], reportText(report));
    assert.is(report.status, "fail");
  }
});

test.run();
