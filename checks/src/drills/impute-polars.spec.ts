/** The nodejs-polars imputer checks (plain and grouped) pass the references and reject known-wrong answers. */
import { test } from "uvu";
import pl, { type DataType } from "nodejs-polars";
import { ValueError, todo } from "@drills/lib";
import { groupImputeDrill, imputePolarsDrill, type GroupImpute, type ImputePolars } from "./impute-polars";
import { expectPass, expectRejects, expectTodo } from "../testing";

const isFloat = (d: DataType) => d.equals(pl.Float64) || d.equals(pl.Float32);
const NUMERIC = [pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32, pl.UInt64, pl.Float32, pl.Float64];

/** The column with NaN turned into null, so one missing value has one form. */
const present = (df: pl.DataFrame, c: string) => (isFloat(df.getColumn(c).dtype) ? pl.col(c).fillNan(null) : pl.col(c));

function validate(df: pl.DataFrame, cols: string[]) {
  for (const c of cols) {
    if (!df.columns.includes(c)) throw new ValueError(`cols: column "${c}" is not in the frame (columns: ${df.columns.join(", ")})`);
    const dtype = df.getColumn(c).dtype;
    if (!NUMERIC.some((d) => dtype.equals(d))) throw new ValueError(`cols: column "${c}" must be numeric, got ${dtype}`);
    if (df.select(present(df, c).median()).getColumn(c).get(0) === null) throw new ValueError(`cols: column "${c}" has no values, so no median`);
  }
}

type Stat = (e: pl.Expr) => pl.Expr;

/** Fill expression: an integer column's fill is rounded (polars's round is half to even) and cast back. */
function filled(df: pl.DataFrame, c: string, stat: Stat, castInt: (e: pl.Expr, d: DataType) => pl.Expr = (e, d) => e.round(0).cast(d)) {
  const dtype = df.getColumn(c).dtype;
  const fill = stat(present(df, c));
  return present(df, c).fillNull(isFloat(dtype) ? fill : castInt(fill, dtype));
}

const plain = (stat: Stat, castInt?: (e: pl.Expr, d: DataType) => pl.Expr): ImputePolars => (df, cols) => {
  validate(df, cols);
  return df.withColumns(...cols.map((c) => filled(df, c, stat, castInt)));
};

const reference = plain((e) => e.median());

const grouped = (fallback: boolean): GroupImpute => (df, cols, by) => {
  if (!df.columns.includes(by)) throw new ValueError(`by: column "${by}" is not in the frame`);
  validate(df, cols);
  return df.withColumns(...cols.map((c) => filled(df, c, (e) => (fallback ? e.median().over(by).fillNull(e.median()) : e.median().over(by)))));
};

test("references pass every case", async () => {
  await expectPass(imputePolarsDrill, reference);
  await expectPass(groupImputeDrill, grouped(true));
});

test("stubs are todo, not failures", async () => {
  await expectTodo(imputePolarsDrill, () => {
    throw todo();
  });
  await expectTodo(groupImputeDrill, () => {
    throw todo();
  });
});

const wrongPlain: Record<string, [ImputePolars, string, RegExp]> = {
  "fillNull(median): Int64 drifts to Float64": [
    (df, cols) => (validate(df, cols), df.withColumns(...cols.map((c) => present(df, c).fillNull(present(df, c).median())))),
    "polars: dtypes are preserved (int stays int, median rounded half to even)",
    /column "age" should keep its dtype[\s\S]*Expected: Int64[\s\S]*Actual: +Float64[\s\S]*promotes the integer column/,
  ],
  "cast(Int64) truncates the median": [
    plain((e) => e.median(), (e, d) => e.cast(d)),
    "polars: matches pandas fillna(median) on the fixture frames",
    /column "visits" row 1[\s\S]*truncated; the rule is round half to even/,
  ],
  "median that includes NaN": [
    (df, cols) => (validate(df, cols), df.withColumns(...cols.map((c) => present(df, c).fillNull(pl.col(c).median())))),
    "polars: every form of missing value counts as missing",
    /row 1[\s\S]*NaN was counted as a value \(the largest\) in the median/,
  ],
  "fillNull leaves NaN in place": [
    (df, cols) => (validate(df, cols), df.withColumns(...cols.map((c) => pl.col(c).fillNull(present(df, c).median())))),
    "polars: every form of missing value counts as missing",
    /row 3[\s\S]*still NaN: NaN counts as missing too/,
  ],
  "mean instead of median": [
    plain((e) => e.mean()),
    "polars: matches pandas fillna(median) on the fixture frames",
    /column "income" row 1[\s\S]*that is the mean, not the median/,
  ],
  "fills every numeric column": [
    (df) => reference(df, df.columns.filter((c) => isFloat(df.getColumn(c).dtype) || df.getColumn(c).dtype.equals(pl.Int64))),
    "polars: only the columns in cols change",
    /"b" is not in cols: its missing values must stay missing/,
  ],
  "no validation (polars's own error)": [
    (df, cols) => df.withColumns(...cols.map((c) => pl.col(c).fillNull(pl.col(c).median()))),
    "polars: ValueError for a missing, non-numeric or all-missing column",
    /column "nope" is not in the frame[\s\S]*Expected: imputeWithMedianPl\(df, \["v", "nope"\]\) throws ValueError[\s\S]*it threw/,
  ],
  "replaces columns in place": [
    (df, cols) => {
      const out = reference(df, cols);
      cols.forEach((c) => df.replaceAtIdx(df.columns.indexOf(c), out.getColumn(c)));
      return df;
    },
    "polars: the input frame is not mutated",
    /the input frame should be unchanged[\s\S]*Expected: column "income": \[52000.5, null/,
  ],
  "returns records instead of a frame": [
    ((df: pl.DataFrame, cols: string[]) => reference(df, cols).toRecords()) as unknown as ImputePolars,
    "polars: matches pandas fillna(median) on the fixture frames",
    /should return a polars DataFrame[\s\S]*Actual: +\[\{/,
  ],
};

for (const [name, [impl, caseName, message]] of Object.entries(wrongPlain)) {
  test(`rejects (plain): ${name}`, async () => {
    await expectRejects(imputePolarsDrill, impl, caseName, message);
  });
}

const wrongGroup: Record<string, [GroupImpute, string, RegExp]> = {
  "ignores by (global median)": [
    (df, cols, by) => (df.columns.includes(by) ? reference(df, cols) : (() => { throw new ValueError(`by: "${by}" is not a column`); })()),
    "group: matches pandas groupby-transform median",
    /column "sales" should be filled per group of "store"[\s\S]*the groups were ignored/,
  ],
  "no fallback for an empty group": [
    grouped(false),
    "group: a group with no values takes the column's median",
    /column "v" row 2[\s\S]*Expected: 3[\s\S]*still missing/,
  ],
  "Int64 drifts to Float64": [
    (df, cols, by) => (validate(df, cols), df.withColumns(...cols.map((c) => present(df, c).fillNull(present(df, c).median().over(by).fillNull(present(df, c).median()))))),
    "group: dtypes are preserved",
    /column "units" should keep its dtype[\s\S]*Actual: +Float64/,
  ],
  "cast truncates the group median": [
    (df, cols, by) => (validate(df, cols), df.withColumns(...cols.map((c) => filled(df, c, (e) => e.median().over(by).fillNull(e.median()), (e, d) => e.cast(d))))),
    "group: matches pandas groupby-transform median",
    /column "units" row 4[\s\S]*Expected: 8[\s\S]*Actual: +7[\s\S]*truncated/,
  ],
  "no ValueError for a missing by": [
    (df, cols, by) => (df.columns.includes(by) ? grouped(true)(df, cols, by) : reference(df, cols)),
    "group: ValueError for a missing by, a missing column or an all-missing column",
    /"nope" should be rejected[\s\S]*returned normally/,
  ],
  "NaN not counted as missing": [
    (df, cols, by) => (validate(df, cols), df.withColumns(...cols.map((c) => filled(df, c, () => pl.col(c).median().over(by).fillNull(pl.col(c).median()))))),
    "group: property: matches a per-group median oracle on random frames",
    /shrunk after \d+ steps/,
  ],
};

for (const [name, [impl, caseName, message]] of Object.entries(wrongGroup)) {
  test(`rejects (group): ${name}`, async () => {
    await expectRejects(groupImputeDrill, impl, caseName, message);
  });
}

test.run();
