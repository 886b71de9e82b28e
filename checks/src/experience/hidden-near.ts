/**
 * Element-wise comparison for hidden cases that reports only sizes — how many elements are off and the largest
 * error — never an element's value, which for a hidden case could let the candidate rebuild the input.
 */
import { ok } from "../assert";
import { fmtNumber } from "../format";

export interface Near {
  what: string;
  tol: number;
  rtol?: number;
  note?: string;
  /** A nudge more specific than the case's, when the note names a known mistake. */
  hint?: string;
}

/** Passes when |a − e| ≤ tol + rtol·|e| everywhere and the lengths agree; NaN or a non-number is always off. */
export function expectNear(actual: ArrayLike<number>, expected: ArrayLike<number>, c: Near): void {
  const how = `|actual − expected| ≤ ${fmtNumber(c.tol)}${c.rtol ? ` + ${fmtNumber(c.rtol)}·|expected|` : ""}`;
  ok(actual.length === expected.length, {
    what: c.what,
    how,
    expected: `${expected.length} values`,
    actual: `${actual.length} values`,
  });
  let off = 0;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const err = typeof a === "number" && !Number.isNaN(a) ? Math.abs(a - expected[i]) : Infinity;
    if (!(err <= c.tol + (c.rtol ?? 0) * Math.abs(expected[i]))) off++;
    worst = Math.max(worst, err);
  }
  ok(off === 0, {
    what: c.what,
    how,
    expected: "every value within tolerance",
    actual: `${off} of ${expected.length} values off, max |error| ${fmtNumber(worst)}`,
    note: c.note,
    ...(c.hint ? { hint: c.hint } : {}),
  });
}
