/** Known-good answers to drill 02, for the checks' own tests (never imported by the checks or calls). */
import type * as D from "danfojs/dist/danfojs-browser/src/index";
import pl, { type DataType } from "nodejs-polars";
import { ValueError, loadDanfo } from "@drills/lib";
import type { Danfo } from "@drills/lib/dist/danfo-types";
import type { GroupImpute, ImputeDanfo, ImputePolars } from "../calls";

export const dfd = loadDanfo<Danfo>();

export const gap = (v: unknown) => v === null || v === undefined || Number.isNaN(v);
export const halfEven = (x: number) => (x - Math.floor(x) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x));

/** Validates cols and returns each column's median (danfo's Series.median skips missing values). */
export function medians(
  df: D.DataFrame,
  cols: string[],
  statistic: (s: D.Series) => number = (s) => s.median(),
): number[] {
  return cols.map((c) => {
    const j = df.columns.indexOf(c);
    if (j < 0) throw new ValueError(`cols: column "${c}" is not in the frame (columns: ${df.columns.join(", ")})`);
    if (df.dtypes[j] !== "int32" && df.dtypes[j] !== "float32")
      throw new ValueError(`cols: column "${c}" must be numeric, got ${df.dtypes[j]}`);
    const present = (df.values as unknown[][]).map((r) => r[j]).filter((v) => !gap(v));
    if (present.length === 0) throw new ValueError(`cols: column "${c}" has no values, so it has no median`);
    return statistic(new dfd.Series(present as number[]));
  });
}

/** Fills copied rows, then rebuilds with the original labels (fillNa would re-infer them). */
export function fillRows(df: D.DataFrame, cols: string[], fills: number[]): D.DataFrame {
  const rows = (df.values as unknown[][]).map((r) => [...r]);
  cols.forEach((c, k) => {
    const j = df.columns.indexOf(c);
    for (const r of rows) if (gap(r[j])) r[j] = fills[k];
  });
  return new dfd.DataFrame(rows, { columns: [...df.columns], index: [...df.index], dtypes: [...df.dtypes] });
}

export const isInt = (df: D.DataFrame, c: string) => df.dtypes[df.columns.indexOf(c)] === "int32";

export const danfoReference: ImputeDanfo = (df, cols) => {
  const m = medians(df, cols);
  return fillRows(
    df,
    cols,
    cols.map((c, k) => (isInt(df, c) ? halfEven(m[k]) : m[k])),
  );
};

export const rounded = (df: D.DataFrame, cols: string[], m: number[]) =>
  cols.map((c, k) => (isInt(df, c) ? halfEven(m[k]) : m[k]));

export const isFloat = (d: DataType) => d.equals(pl.Float64) || d.equals(pl.Float32);
const NUMERIC = [
  pl.Int8,
  pl.Int16,
  pl.Int32,
  pl.Int64,
  pl.UInt8,
  pl.UInt16,
  pl.UInt32,
  pl.UInt64,
  pl.Float32,
  pl.Float64,
];

/** The column with NaN turned into null, so one missing value has one form. */
export const present = (df: pl.DataFrame, c: string) =>
  isFloat(df.getColumn(c).dtype) ? pl.col(c).fillNan(null) : pl.col(c);

export function validate(df: pl.DataFrame, cols: string[]) {
  for (const c of cols) {
    if (!df.columns.includes(c))
      throw new ValueError(`cols: column "${c}" is not in the frame (columns: ${df.columns.join(", ")})`);
    const dtype = df.getColumn(c).dtype;
    if (!NUMERIC.some((d) => dtype.equals(d)))
      throw new ValueError(`cols: column "${c}" must be numeric, got ${dtype}`);
    if (df.select(present(df, c).median()).getColumn(c).get(0) === null)
      throw new ValueError(`cols: column "${c}" has no values, so no median`);
  }
}

export type Stat = (e: pl.Expr) => pl.Expr;

/** Fill expression: an integer column's fill is rounded (polars's round is half to even) and cast back. */
export function filled(
  df: pl.DataFrame,
  c: string,
  stat: Stat,
  castInt: (e: pl.Expr, d: DataType) => pl.Expr = (e, d) => e.round(0).cast(d),
) {
  const dtype = df.getColumn(c).dtype;
  const fill = stat(present(df, c));
  return present(df, c).fillNull(isFloat(dtype) ? fill : castInt(fill, dtype));
}

export const plain =
  (stat: Stat, castInt?: (e: pl.Expr, d: DataType) => pl.Expr): ImputePolars =>
  (df, cols) => {
    validate(df, cols);
    return df.withColumns(...cols.map((c) => filled(df, c, stat, castInt)));
  };

export const polarsReference: ImputePolars = plain((e) => e.median());

export const grouped =
  (fallback: boolean): GroupImpute =>
  (df, cols, by) => {
    if (!df.columns.includes(by)) throw new ValueError(`by: column "${by}" is not in the frame`);
    validate(df, cols);
    return df.withColumns(
      ...cols.map((c) =>
        filled(df, c, (e) => (fallback ? e.median().over(by).fillNull(e.median()) : e.median().over(by))),
      ),
    );
  };
