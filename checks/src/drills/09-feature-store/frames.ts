/**
 * Tables across the kernel boundary: the judge sends columns as plain arrays with a dtype name each (times as epoch
 * ms); the kernel builds the polars frame and, for a frame the candidate returns, sends back its columns and rows
 * with Datetime values as epoch ms. Plumbing only: no rule about what a right answer is.
 */
import pl, { type DataType } from "nodejs-polars";
import { fmt } from "../../format";

export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export type DtypeName = "Float64" | "Int64" | "String" | "Datetime";
export type Columns = Record<string, { dtype: DtypeName; values: Cell[] }>;

/** Columns by name, each with its dtype by name: dtypes are explicit so an empty column stays typed. */
export interface FrameSpec {
  columns: Record<string, Cell[]>;
  dtypes: Record<string, DtypeName>;
}

const DTYPES: Record<string, () => DataType> = {
  Float64: () => pl.Float64,
  Int64: () => pl.Int64,
  String: () => pl.String,
  Datetime: () => pl.Datetime("ms"),
};

export function dtypeNamed(name: string): DataType {
  const d = DTYPES[name];
  if (!d) throw new Error(`dtype: expected one of ${Object.keys(DTYPES).join(", ")}, got ${JSON.stringify(name)}`);
  return d();
}

export function buildFrame(spec: FrameSpec): pl.DataFrame {
  return pl.DataFrame(
    Object.entries(spec.columns).map(([c, v]) =>
      spec.dtypes[c] === "Datetime"
        ? pl.Series(
            c,
            v.map((x) => (x === null ? null : new Date(x as number))),
            pl.Datetime("ms"),
          )
        : pl.Series(c, v, dtypeNamed(spec.dtypes[c] ?? "Float64")),
    ),
  );
}

/** A frame spec from columns: `times` are Datetime, `text` String, the rest Float64. */
export function frameSpec(
  columns: Record<string, Cell[]>,
  times: string[],
  text: string[] = ["user", "id"],
): FrameSpec {
  return {
    columns,
    dtypes: Object.fromEntries(
      Object.keys(columns).map((c) => [c, times.includes(c) ? "Datetime" : text.includes(c) ? "String" : "Float64"]),
    ),
  };
}

/** Rows of a frame with times as epoch ms (records give Date objects for Datetime columns). */
export function rowsOf(df: pl.DataFrame): Row[] {
  return (df.toRecords() as Record<string, unknown>[]).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.getTime() : (v as Cell)])),
  );
}

/** What the candidate returned, as data: a frame's columns and rows, or what it was instead. */
export type FrameOut = { frame: true; columns: string[]; rows: Row[] } | { frame: false; what: string };

export function describeFrame(out: unknown): FrameOut {
  const isFrame =
    typeof out === "object" &&
    out !== null &&
    typeof (out as pl.DataFrame).toRecords === "function" &&
    Array.isArray((out as pl.DataFrame).columns);
  if (!isFrame) return { frame: false, what: fmt(out) };
  try {
    return { frame: true, columns: [...(out as pl.DataFrame).columns], rows: rowsOf(out as pl.DataFrame) };
  } catch (e) {
    return { frame: false, what: `a frame that could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Plain rows of a frame spec (what the oracle joins). */
export function rowsOfSpec(spec: FrameSpec): Row[] {
  const names = Object.keys(spec.columns);
  const n = names.length ? spec.columns[names[0]].length : 0;
  return Array.from({ length: n }, (_, i) => Object.fromEntries(names.map((c) => [c, spec.columns[c][i]])));
}

/** A FrameOut as the judge may trust it: anything else from the kernel reads as "not a frame". */
export function asFrameOut(v: unknown): FrameOut {
  const o = v as { frame?: unknown; columns?: unknown; rows?: unknown; what?: unknown } | null;
  if (
    o &&
    o.frame === true &&
    Array.isArray(o.columns) &&
    o.columns.every((c) => typeof c === "string") &&
    Array.isArray(o.rows) &&
    o.rows.every((r) => typeof r === "object" && r !== null && !Array.isArray(r))
  ) {
    return { frame: true, columns: o.columns as string[], rows: o.rows as Row[] };
  }
  return {
    frame: false,
    what: o && o.frame === false && typeof o.what === "string" ? o.what : "something that is not a readable DataFrame",
  };
}
