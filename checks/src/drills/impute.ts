/**
 * Drill 02 — median imputation, shared by its danfojs and nodejs-polars checks: the library-free oracle, the
 * pandas fixture, and the column comparison with its diagnoses of the usual wrong fills.
 *
 * The rules the prompt states: missing = null, undefined or NaN (pandas treats NaN as missing; polars's `median`
 * would rank NaN as the largest value instead); the median skips missing values; an integer column stays integer
 * and a fractional median is rounded half to even (numpy's and polars's `round`), never truncated.
 */
import { fail } from "../failure";
import { fmt, fmtNumber } from "../format";
import { loadFixture } from "../fixtures";

export type Kind = "float" | "int" | "string";
export type Cell = number | string | null;

/** A frame in library-neutral form: column values (null = missing) and each column's kind. */
export interface Table {
  columns: Record<string, Cell[]>;
  dtypes: Record<string, Kind>;
}

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

export const isMissing = (v: unknown): boolean => v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

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

/** Why a fill value is wrong, when it matches a known mistake. */
export function diagnoseFill(actual: unknown, original: readonly Cell[], kind: Kind): string | undefined {
  if (Number.isNaN(actual)) return "still NaN: NaN counts as missing too (polars's fillNull leaves NaN alone)";
  if (isMissing(actual)) return `still missing (${actual}): this value was not filled`;
  if (typeof actual !== "number") return undefined;
  const m = medianOf(original);
  const withNaNLast = medianOf(original.filter((v) => v !== null && v !== undefined).map((v) => (Number.isNaN(v) ? Infinity : v)));
  if (kind === "int" && m % 1 !== 0) {
    if (actual === m) return `the fractional median ${fmtNumber(m)} was written into an integer column`;
    if (actual === Math.trunc(m)) return `the median ${fmtNumber(m)} was truncated; the rule is round half to even`;
    if (actual === Math.round(m)) return `the median ${fmtNumber(m)} was rounded half up (Math.round); the rule is half to even`;
  }
  if (actual === mean(original) && actual !== m) return "that is the mean, not the median";
  if (withNaNLast !== m && actual === withNaNLast) return "NaN was counted as a value (the largest) in the median";
  return undefined;
}

export interface ColumnContext {
  what: string;
  input: string;
  kind: Kind;
  /** The values the fill should come from: the column, or (grouped) the failing row's group. */
  original: readonly Cell[] | ((row: number) => readonly Cell[]);
  inCols: boolean;
}

/** Compares one column element by element: missing ↔ missing, numbers to 1e-9 relative, strings exactly. */
export function expectColumn(name: string, actual: readonly unknown[] | undefined, expected: readonly Cell[], ctx: ColumnContext): void {
  if (!actual) fail({ what: `${ctx.what}: the result should keep column "${name}"`, input: ctx.input, expected: `column "${name}"`, actual: "no such column" });
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    const same = isMissing(e) ? isMissing(a) : typeof e === "number" ? typeof a === "number" && Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e)) : a === e;
    if (same) continue;
    const original = typeof ctx.original === "function" ? ctx.original(i) : ctx.original;
    const note = !ctx.inCols && isMissing(e) ? `"${name}" is not in cols: its missing values must stay missing` : ctx.inCols ? diagnoseFill(a, original, ctx.kind) : undefined;
    fail({ what: `${ctx.what}: column "${name}" row ${i}`, input: ctx.input, how: "missing ↔ missing, numbers to 1e-9", expected: `${fmt(e)}   (column: ${fmt(expected)})`, actual: `${fmt(a)}   (column: ${fmt(actual)})`, note });
  }
  if (actual.length !== expected.length) fail({ what: `${ctx.what}: column "${name}" length`, input: ctx.input, expected: `${expected.length} rows`, actual: `${actual.length} rows` });
}

/** One line describing a table for a failure's Input. */
export function describeTable(t: Table, cols?: string[], by?: string): string {
  const parts = Object.entries(t.columns).map(([c, v]) => `${c} (${t.dtypes[c]}) = ${fmt(v)}`);
  return `${parts.join("; ")}${cols ? `; cols = ${JSON.stringify(cols)}` : ""}${by ? `, by = ${JSON.stringify(by)}` : ""}`;
}

/** Deep snapshot of JS values that keeps NaN and undefined apart from null (JSON would not). */
export function sameDeep(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameDeep(x, b[i]));
  return false;
}

export const cloneDeep = <T>(v: T): T => (Array.isArray(v) ? (v.map(cloneDeep) as T) : v);
