/**
 * Drill 02's nodejs-polars 0.24.1 frames, kernel side: build, read back as plain columns and dtype names, snapshot.
 * polars keeps null and NaN apart (`median` drops nulls but ranks NaN as the largest value; `fillNull` leaves NaN),
 * and filling an Int64 column with its Float64 median promotes it to Float64.
 */
import pl, { type DataType } from "nodejs-polars";
import { call } from "../../assert";
import { fail } from "../../failure";
import { fmt } from "../../format";
import type { Kind, Table } from "./table";

export type ImputePolars = (df: pl.DataFrame, cols: string[]) => pl.DataFrame;
export type GroupImpute = (df: pl.DataFrame, cols: string[], by: string) => pl.DataFrame;

const DTYPE: Record<Kind, DataType> = { float: pl.Float64, int: pl.Int64, string: pl.String };
const name = (d: unknown) => String(d).replace(/^DataType\((.*)\)$/, "$1");

/** Cells go in as they are: null is polars's missing value; NaN cells test that NaN counts as missing too. */
export function build(t: Table): pl.DataFrame {
  return pl.DataFrame(Object.entries(t.columns).map(([c, v]) => pl.Series(c, v, DTYPE[t.dtypes[c]])));
}

interface FrameLike {
  columns: unknown;
  dtypes: unknown[];
  toRecords(): Record<string, unknown>[];
}

/** Columns and dtype names of a frame; one toRecords() call, since every polars call costs ~1 ms of overhead. */
function columnsOf(f: FrameLike) {
  const records = f.toRecords();
  const names = f.columns as string[];
  const columns: Record<string, unknown[]> = {};
  const dtypes: Record<string, string> = {};
  names.forEach((c, j) => {
    columns[c] = records.map((r) => r[c]);
    dtypes[c] = name(f.dtypes[j]);
  });
  return { columns, dtypes };
}

export function read(
  out: unknown,
  input: string,
  fn = "the function",
): { columns: Record<string, unknown[]>; dtypes: Record<string, string> } {
  const f = out as FrameLike;
  const isFrame =
    typeof out === "object" &&
    out !== null &&
    typeof f.toRecords === "function" &&
    Array.isArray(f.columns) &&
    Array.isArray(f.dtypes);
  if (!isFrame)
    fail({ what: `${fn} should return a polars DataFrame`, input, expected: "a pl.DataFrame", actual: fmt(out) });
  return call("reading the returned frame", () => columnsOf(f), { input });
}

export function snapshot(df: pl.DataFrame): [string, unknown][] {
  const { columns, dtypes } = columnsOf(df as unknown as FrameLike);
  return [
    ["columns", [...df.columns]],
    ["dtypes", Object.values(dtypes)],
    ...Object.entries(columns).map(([c, v]): [string, unknown] => [`column "${c}"`, v]),
  ];
}
