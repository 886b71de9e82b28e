/**
 * Drill 02's judges over what a call returned (judge side): a run that threw, a column compared cell by cell with
 * the cause of a wrong fill named, the dtypes, and the input left intact. Every cell is shown at full precision.
 */
import { fail } from "../../failure";
import { diagnoseFill, isMissing } from "./oracle";
import { describeThrown, show, type Cell, type Kind, type Ran } from "./table";

export type Lib = "danfo" | "polars";

/** The candidate's function in each part, for messages. */
export const FN = { danfo: "imputeWithMedian", polars: "imputeWithMedianPl", group: "imputeWithGroupMedian" } as const;

/** Why a dtype changed, when the library explains it, and what to do about it. */
export function dtypeCause(lib: Lib, kind: Kind, actual: string): { note: string; hint: string } | undefined {
  if (lib === "danfo" && kind === "float" && actual === "int32")
    return {
      note: "danfo re-infers the label after fillNa: all-integral values turn float32 into int32",
      hint: "build the output frame yourself with the input's dtypes (new DataFrame(rows, { columns, index, dtypes })) instead of relying on fillNa's labels.",
    };
  if (lib === "danfo" && kind === "int" && actual === "float32")
    return {
      note: "danfo labels a column float32 when it holds a fraction or a missing value, unless dtypes are given",
      hint: "an integer column needs an integer fill (round half to even), and pass the input's dtypes when you build the output.",
    };
  if (lib === "polars" && kind === "int" && actual.startsWith("Float"))
    return {
      note: "fillNull with the median (a Float64) promotes the integer column to Float64",
      hint: "round the fill half to even and cast it to the column's dtype before fillNull: fill.round(0).cast(dtype).",
    };
  return undefined;
}

/** The run returned a frame: a throw is reported as such, polars's query plan cut off. */
export function returned(
  r: Ran,
  call: string,
  what: string,
  input: string,
): asserts r is Ran & { columns: Record<string, unknown[]>; dtypes: Record<string, string> } {
  if (r.threw) {
    const polarsError =
      r.threw.name === "Error" && /not found|not supported for dtype|ColumnNotFound/.test(r.threw.message);
    fail({
      what: `${what}: ${call} should run without throwing`,
      input,
      expected: "a frame",
      actual: `threw ${describeThrown(r.threw)}`,
      note: polarsError ? "that is the library's own error" : undefined,
    });
  }
}

export interface ColumnContext {
  what: string;
  input: string;
  kind: Kind;
  /** The values the fill should come from: the column, or (grouped) the failing row's group. */
  original: readonly Cell[] | ((row: number) => readonly Cell[]);
  inCols: boolean;
}

export const sameCell = (a: unknown, e: Cell): boolean =>
  isMissing(e)
    ? isMissing(a)
    : typeof e === "number"
      ? typeof a === "number" && Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e))
      : a === e;

/** Compares one column element by element: missing ↔ missing, numbers to 1e-9 relative, strings exactly. */
export function expectColumn(
  name: string,
  actual: readonly unknown[] | undefined,
  expected: readonly Cell[],
  ctx: ColumnContext,
): void {
  if (!actual)
    fail({
      what: `${ctx.what}: the result should keep column "${name}"`,
      input: ctx.input,
      expected: `column "${name}"`,
      actual: "no such column",
    });
  for (let i = 0; i < expected.length; i++) {
    if (sameCell(actual[i], expected[i])) continue;
    const original = typeof ctx.original === "function" ? ctx.original(i) : ctx.original;
    const kept = !ctx.inCols && isMissing(expected[i]);
    const cause = ctx.inCols ? diagnoseFill(actual[i], original, ctx.kind) : undefined;
    fail({
      what: `${ctx.what}: column "${name}" row ${i}`,
      input: ctx.input,
      how: "missing ↔ missing, numbers to 1e-9",
      expected: `${show(expected[i])}   (column: ${show(expected)})`,
      actual: `${show(actual[i])}   (column: ${show(actual)})`,
      note: kept ? `"${name}" is not in cols: its missing values must stay missing` : cause?.note,
      hint: kept ? "fill only the columns named in cols, not every column with gaps." : cause?.hint,
    });
  }
  if (actual.length !== expected.length)
    fail({
      what: `${ctx.what}: column "${name}" length`,
      input: ctx.input,
      expected: `${expected.length} rows`,
      actual: `${actual.length} rows`,
    });
}

/** Every column keeps its dtype (danfo's label, polars's DataType name). */
export function expectDtypes(
  lib: Lib,
  got: Record<string, string>,
  dtypes: Record<string, Kind>,
  want: Record<Kind, string>,
  input: string,
): void {
  for (const [c, kind] of Object.entries(dtypes)) {
    if (got[c] === want[kind]) continue;
    const cause = dtypeCause(lib, kind, String(got[c]));
    fail({
      what: `column "${c}" should keep its dtype`,
      input,
      expected: want[kind],
      actual: String(got[c]),
      note: cause?.note,
      hint: cause?.hint,
    });
  }
}

/** The input frame is unchanged after the call (the snapshot was compared in the kernel). */
export function expectIntact(r: Ran, input: string, note: string): void {
  if (!r.mutated) return;
  const { part, before, after } = r.mutated;
  fail({
    what: "the input frame should be unchanged after the call",
    input,
    expected: `${part}: ${show(before)}`,
    actual: `${part}: ${show(after)}`,
    note,
  });
}
