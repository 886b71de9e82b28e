/**
 * Drill 02's oracle (judge side only): the library-free median fill, plain and per group, the pandas fixture, and
 * the diagnoses of the usual wrong fills — each with the hint for that cause.
 *
 * The rules the prompt states: missing = null, undefined or NaN (pandas treats NaN as missing; polars's `median`
 * would rank NaN as the largest value instead); the median skips missing values; an integer column stays integer
 * and a fractional median is rounded half to even (numpy's and polars's `round`), never truncated.
 */
import { fmtExact } from "../../format";
import { loadFixture } from "../../fixtures";
import { isMissing, type Cell, type Kind, type Table } from "./table";

export { isMissing } from "./table";

export interface PlainCase extends Table {
  name: string;
  cols: string[];
  median: Record<string, number>;
  fill: Record<string, number>;
  expected: Record<string, Cell[]>;
}

export interface GroupCase extends Table {
  name: string;
  cols: string[];
  by: string;
  expected: Record<string, Cell[]>;
}

export interface ImputeFixture {
  meta: Record<string, string>;
  frames: PlainCase[];
  groups: GroupCase[];
}

export const fixture = (): ImputeFixture => loadFixture<ImputeFixture>("02-impute-median");

/** The median of the present values (NaN when there are none): the middle one, or the mean of the middle two. */
export function medianOf(values: readonly unknown[]): number {
  const xs = values.filter((v): v is number => typeof v === "number" && !Number.isNaN(v)).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return NaN;
  return n % 2 ? xs[(n - 1) / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

/** Round half to even: medians of integers are k or k + 0.5, so only the .5 tie needs care. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d !== 0.5) return Math.round(x);
  return f % 2 === 0 ? f : f + 1;
}

export const fillFor = (median: number, kind: Kind): number => (kind === "int" ? roundHalfEven(median) : median);

/** The oracle: each column in `cols` with its missing values replaced by its (rounded, for ints) median. */
export function imputeOracle(t: Table, cols: string[]): Record<string, Cell[]> {
  const out = { ...t.columns };
  for (const c of cols) {
    const fill = fillFor(medianOf(t.columns[c]), t.dtypes[c]);
    out[c] = t.columns[c].map((v) => (isMissing(v) ? fill : v));
  }
  return out;
}

/** Per-group medians; a group with no values falls back to the column's median (the drill's stated rule). */
export function groupOracle(t: Table, cols: string[], by: string): Record<string, Cell[]> {
  const out = { ...t.columns };
  const keys = t.columns[by].map(String);
  for (const c of cols) {
    const global = medianOf(t.columns[c]);
    const byKey = new Map<string, number>();
    for (const k of new Set(keys)) byKey.set(k, medianOf(t.columns[c].filter((_, i) => keys[i] === k)));
    out[c] = t.columns[c].map((v, i) => {
      const m = byKey.get(keys[i])!;
      return isMissing(v) ? fillFor(Number.isNaN(m) ? global : m, t.dtypes[c]) : v;
    });
  }
  return out;
}

const mean = (values: readonly Cell[]) => {
  const xs = values.filter((v): v is number => typeof v === "number" && !Number.isNaN(v));
  return xs.reduce((a, b) => a + b, 0) / xs.length;
};

export interface Cause {
  note: string;
  hint: string;
}

const HALF_EVEN =
  "round the median half to even before filling an integer column (2.5 → 2, 3.5 → 4, −3.5 → −4): polars's round(0) does it; in JS, Math.round except on an exact .5, where you take the even neighbour.";

/** Why a fill value is wrong, when it matches a known mistake: the note names the cause, the hint its fix. */
export function diagnoseFill(actual: unknown, original: readonly Cell[], kind: Kind): Cause | undefined {
  if (Number.isNaN(actual))
    return {
      note: "still NaN: NaN counts as missing too (polars's fillNull leaves NaN alone)",
      hint: "turn NaN into a missing value first (polars: fillNan(null)), so median skips it and fillNull fills it.",
    };
  if (isMissing(actual))
    return {
      note: `still missing (${actual}): this value was not filled`,
      hint: "null, undefined and NaN are all missing: test each cell with one isMissing rule, and fill every one of them.",
    };
  if (typeof actual !== "number") return undefined;
  const m = medianOf(original);
  const withNaNLast = medianOf(
    original.filter((v) => v !== null && v !== undefined).map((v) => (Number.isNaN(v) ? Infinity : v)),
  );
  if (kind === "int" && m % 1 !== 0) {
    if (actual === m)
      return {
        note: `the fractional median ${fmtExact(m)} was written into an integer column (pandas would do this and turn the column float; here an int column stays int)`,
        hint: HALF_EVEN,
      };
    if (actual === Math.trunc(m))
      return {
        note: `the median ${fmtExact(m)} was truncated; the rule is round half to even`,
        hint: `${HALF_EVEN} A bare cast truncates.`,
      };
    if (actual === Math.round(m))
      return {
        note: `the median ${fmtExact(m)} was rounded half up (Math.round); the rule is half to even`,
        hint: HALF_EVEN,
      };
  }
  if (actual === mean(original) && actual !== m)
    return {
      note: "that is the mean, not the median",
      hint: "sort the present values and take the middle one (or the mean of the two middle ones): the median, not the mean.",
    };
  if (withNaNLast !== m && actual === withNaNLast)
    return {
      note: "NaN was counted as a value (the largest) in the median",
      hint: "polars's median ranks NaN as the largest value: turn NaN into null (fillNan(null)) before taking the median.",
    };
  return undefined;
}
