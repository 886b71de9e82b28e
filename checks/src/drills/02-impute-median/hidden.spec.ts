/**
 * Hidden cases of drill 02 from the sample file, split (built and judged here, only the call runs the imputer):
 * compact reference imputers pass, and known-wrong ones fail the named case without showing a cell of the input.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import pl, { type DataType } from "nodejs-polars";
import type * as D from "danfojs/dist/danfojs-browser/src/index";
import { ValueError, loadDanfo } from "@drills/lib";
import type { Danfo } from "@drills/lib/dist/danfo-types";
import type { Check } from "../../drill";
import { failingSplit } from "../test/hidden-sample";
import { danfoCheck, groupCheck, polarsCheck } from "./checks";
import type { GroupImpute, ImputeDanfo, ImputePolars } from "./calls";

// Cells of the sample's explicit frames ("10, 1.5", "[1, 4"), column dumps and row numbers never appear.
const SECRETS = /1\.5|\[1, 4|\[3, |column: |row \d/;
const failing = <I>(check: Check<I>, impl: I) => failingSplit(check, impl, SECRETS);

const dfd: Danfo = loadDanfo();
const gap = (v: unknown) => v === null || v === undefined || Number.isNaN(v);
const halfEven = (x: number) => (x - Math.floor(x) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x));
type Stat = (xs: number[]) => number;
const median: Stat = (xs) => new dfd.Series(xs).median();
const mean: Stat = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** danfo: validate, take a statistic of each column's present values, fill copied rows, keep the labels. */
function danfoImputer(
  stat: Stat,
  round: (m: number) => number = halfEven,
  validate = true,
  inPlace = false,
): ImputeDanfo {
  return (df, cols) => {
    const rows = inPlace ? (df.values as unknown[][]) : (df.values as unknown[][]).map((r) => [...r]);
    for (const c of cols) {
      const j = df.columns.indexOf(c);
      const present = rows.map((r) => r[j]).filter((v) => !gap(v)) as number[];
      if (validate && (j < 0 || !["int32", "float32"].includes(df.dtypes[j]) || present.length === 0))
        throw new ValueError(`cols: column "${c}" is missing, not numeric or has no values`);
      const m = stat(present);
      for (const r of rows) if (gap(r[j])) r[j] = df.dtypes[j] === "int32" ? round(m) : m;
    }
    return new dfd.DataFrame(rows, {
      columns: [...df.columns],
      index: [...df.index],
      dtypes: [...df.dtypes],
    }) as D.DataFrame;
  };
}

const danfoWrong: Record<string, [ImputeDanfo, string[]]> = {
  "mean instead of median": [danfoImputer(mean), ["hidden-1", "hidden-2"]],
  "fractional median truncated into an int column": [danfoImputer(median, Math.trunc), ["hidden-1"]],
  "no validation": [danfoImputer(median, halfEven, false), ["hidden-3"]],
  // A mutated input is measured in the kernel: only the public in-kernel case judges it, never a hidden one.
  "writes into the input's rows": [danfoImputer(median, halfEven, true, true), []],
};

test("02 danfo: the reference passes every hidden case", async () => {
  assert.equal(await failing(danfoCheck, danfoImputer(median)), []);
});

for (const [name, [impl, want]] of Object.entries(danfoWrong)) {
  test(`02 danfo rejects: ${name}`, async () => {
    assert.equal(await failing(danfoCheck, impl), want);
  });
}

const isFloat = (d: DataType) => d.equals(pl.Float64) || d.equals(pl.Float32);
const present = (df: pl.DataFrame, c: string) => (isFloat(df.getColumn(c).dtype) ? pl.col(c).fillNan(null) : pl.col(c));
function validate(df: pl.DataFrame, cols: string[]) {
  for (const c of cols) {
    if (!df.columns.includes(c) || df.getColumn(c).dtype.equals(pl.String))
      throw new ValueError(`cols: column "${c}" is missing or not numeric`);
    if (df.select(present(df, c).median()).getColumn(c).get(0) === null)
      throw new ValueError(`cols: column "${c}" has no values`);
  }
}
type Expr = (e: pl.Expr, df: pl.DataFrame, c: string) => pl.Expr;
const toInt = (e: pl.Expr, df: pl.DataFrame, c: string) =>
  isFloat(df.getColumn(c).dtype) ? e : e.round(0).cast(df.getColumn(c).dtype);
const polarsImputer =
  (fill: Expr = (e, df, c) => toInt(present(df, c).median(), df, c), check = true): ImputePolars =>
  (df, cols) => (
    check && validate(df, cols),
    df.withColumns(...cols.map((c) => present(df, c).fillNull(fill(pl.col(c), df, c))))
  );
const grouped =
  (fallback: boolean): GroupImpute =>
  (df, cols, by) => {
    if (!df.columns.includes(by)) throw new ValueError(`by: column "${by}" is not in the frame`);
    return polarsImputer((_, d, c) =>
      toInt(
        fallback ? present(d, c).median().over(by).fillNull(present(d, c).median()) : present(d, c).median().over(by),
        d,
        c,
      ),
    )(df, cols);
  };

const polarsWrong: Record<string, [ImputePolars, string[]]> = {
  "fillNull(median) drifts Int64 to Float64": [polarsImputer((e, df, c) => present(df, c).median()), ["hidden-4"]],
  "median that includes NaN": [polarsImputer((e, df, c) => toInt(pl.col(c).median(), df, c)), ["hidden-4"]],
  "cast(Int64) truncates the median": [
    polarsImputer((e, df, c) =>
      isFloat(df.getColumn(c).dtype) ? present(df, c).median() : present(df, c).median().cast(df.getColumn(c).dtype),
    ),
    ["hidden-4"],
  ],
  "no validation": [polarsImputer(undefined, false), ["hidden-5"]],
};

test("02 polars: the reference passes every hidden case", async () => {
  assert.equal(await failing(polarsCheck, polarsImputer()), []);
});

for (const [name, [impl, want]] of Object.entries(polarsWrong)) {
  test(`02 polars rejects: ${name}`, async () => {
    assert.equal(await failing(polarsCheck, impl), want);
  });
}

const groupWrong: Record<string, [GroupImpute, string[]]> = {
  "no fallback for an empty group": [grouped(false), ["hidden-7"]],
  "ignores by (the column's median)": [
    (df, cols, by) => (df.columns.includes(by) ? polarsImputer()(df, cols) : grouped(true)(df, cols, by)),
    ["hidden-6", "hidden-7"],
  ],
  "no check of by": [
    (df, cols, by) => (df.columns.includes(by) ? grouped(true)(df, cols, by) : polarsImputer()(df, cols)),
    ["hidden-8"],
  ],
};

test("02 group: the reference passes every hidden case", async () => {
  assert.equal(await failing(groupCheck, grouped(true)), []);
});

for (const [name, [impl, want]] of Object.entries(groupWrong)) {
  test(`02 group rejects: ${name}`, async () => {
    assert.equal(await failing(groupCheck, impl), want);
  });
}

test.run();
