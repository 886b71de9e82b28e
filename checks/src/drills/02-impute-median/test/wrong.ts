/**
 * Known-wrong answers to drill 02, each with the case it must fail and the message it must get: the usual slips
 * with danfojs and nodejs-polars. For the checks' own tests only.
 */
import type * as D from "danfojs/dist/danfojs-browser/src/index";
import pl from "nodejs-polars";
import { ValueError } from "@drills/lib";
import type { GroupImpute, ImputeDanfo, ImputePolars } from "../calls";
import {
  danfoReference as reference,
  dfd,
  fillRows,
  filled,
  gap,
  grouped,
  isFloat,
  isInt,
  medians,
  plain,
  polarsReference,
  present,
  rounded,
  validate,
} from "./answers";

export type Wrong<I> = Record<string, [I, string, RegExp]>;

export const danfoWrong: Wrong<ImputeDanfo> = {
  "non-inplace fillNa (mutates the input)": [
    (df, cols) => df.fillNa(rounded(df, cols, medians(df, cols)), { columns: cols }) as D.DataFrame,
    "no-mutation",
    /input frame should be unchanged[\s\S]*non-inplace fillNa writes into the input's rows/,
  ],
  "shallow copy() then inplace fillNa": [
    (df, cols) => {
      const out = df.copy();
      out.fillNa(rounded(df, cols, medians(df, cols)), { columns: cols, inplace: true });
      return out;
    },
    "no-mutation",
    /Expected: row 1: \[NaN, null, null, -4, NaN, y\][\s\S]*Actual: +row 1: \[56500\.375, 34, 4, -4, NaN, y\]/,
  ],
  "mean instead of median": [
    (df, cols) =>
      fillRows(
        df,
        cols,
        rounded(
          df,
          cols,
          medians(df, cols, (s) => s.mean()),
        ),
      ),
    "fixture-basic",
    /column "income" row 1(?![\s\S]*61000\.3\b)[\s\S]*61000\.25[\s\S]*that is the mean, not the median[\s\S]*Hint: sort the present values/,
  ],
  "fractional median truncated into an int column": [
    (df, cols) =>
      fillRows(
        df,
        cols,
        medians(df, cols).map((m, k) => (isInt(df, cols[k]) ? Math.trunc(m) : m)),
      ),
    "fixture-basic",
    /column "visits" row 1[\s\S]*Expected: 4[\s\S]*Actual: +3[\s\S]*truncated; the rule is round half to even[\s\S]*Hint: round the median half to even/,
  ],
  "fractional median rounded half up": [
    (df, cols) =>
      fillRows(
        df,
        cols,
        medians(df, cols).map((m, k) => (isInt(df, cols[k]) ? Math.round(m) : m)),
      ),
    "fixture-basic",
    /column "age" row 1[\s\S]*rounded half up/,
  ],
  "fractional median left in an int column": [
    (df, cols) => fillRows(df, cols, medians(df, cols)),
    "fixture-basic",
    /column "age" row 1[\s\S]*Expected: 34 [\s\S]*Actual: +34\.5 [\s\S]*fractional median 34\.5 was written into an integer column \(pandas would do this/,
  ],
  "labels re-inferred by inplace fillNa on a deep copy": [
    (df, cols) => {
      const out = new dfd.DataFrame(
        (df.values as unknown[][]).map((r) => [...r]),
        { columns: [...df.columns], dtypes: [...df.dtypes] },
      );
      out.fillNa(rounded(df, cols, medians(df, cols)), { columns: cols, inplace: true });
      return out;
    },
    "dtypes-float",
    /column "n" should keep its dtype[\s\S]*Expected: float32[\s\S]*Actual: +int32[\s\S]*re-infers[\s\S]*Hint: build the output frame yourself/,
  ],
  "fills every column, ignoring cols": [
    (df) => {
      const numeric = df.columns.filter((_, j) => df.dtypes[j] !== "string");
      return reference(df, numeric);
    },
    "only-cols",
    /column "b" row 0[\s\S]*"b" is not in cols: its missing values must stay missing/,
  ],
  "only NaN counts as missing": [
    (df, cols) => {
      const rows = (df.values as unknown[][]).map((r) => [...r]);
      cols.forEach((c, k) => {
        const j = df.columns.indexOf(c);
        const fill = rounded(df, cols, medians(df, cols))[k];
        for (const r of rows) if (Number.isNaN(r[j])) r[j] = fill;
      });
      return new dfd.DataFrame(rows, { columns: [...df.columns], dtypes: [...df.dtypes] });
    },
    "missing-forms",
    /row 1[\s\S]*Actual: +null[\s\S]*still missing \(null\): this value was not filled/,
  ],
  "no ValueError for a missing column": [
    (df, cols) =>
      reference(
        df,
        cols.filter((c) => df.columns.includes(c)),
      ),
    "rejects-missing",
    /column "nope" is not in the frame[\s\S]*returned normally/,
  ],
  "ValueError that does not name the column": [
    (df, cols) => {
      try {
        return reference(df, cols);
      } catch {
        throw new ValueError("cols: invalid column");
      }
    },
    "rejects-missing",
    /a ValueError message naming "nope"/,
  ],
  "fills in place and returns nothing": [
    ((df: D.DataFrame, cols: string[]) => {
      df.fillNa(rounded(df, cols, medians(df, cols)), { columns: cols, inplace: true });
    }) as unknown as ImputeDanfo,
    "fixture-basic",
    /should return a danfo DataFrame[\s\S]*Actual: +undefined/,
  ],
};

export const polarsWrong: Wrong<ImputePolars> = {
  "fillNull(median): Int64 drifts to Float64": [
    (df, cols) => (
      validate(df, cols),
      df.withColumns(...cols.map((c) => present(df, c).fillNull(present(df, c).median())))
    ),
    "dtypes-int",
    /column "age" should keep its dtype[\s\S]*Expected: Int64[\s\S]*Actual: +Float64[\s\S]*promotes the integer column[\s\S]*Hint: round the fill half to even and cast/,
  ],
  "cast(Int64) truncates the median": [
    plain(
      (e) => e.median(),
      (e, d) => e.cast(d),
    ),
    "fixture-basic",
    /column "visits" row 1[\s\S]*truncated; the rule is round half to even/,
  ],
  "median that includes NaN": [
    (df, cols) => (validate(df, cols), df.withColumns(...cols.map((c) => present(df, c).fillNull(pl.col(c).median())))),
    "missing-forms",
    /row 1[\s\S]*NaN was counted as a value \(the largest\) in the median/,
  ],
  "fillNull leaves NaN in place": [
    (df, cols) => (validate(df, cols), df.withColumns(...cols.map((c) => pl.col(c).fillNull(present(df, c).median())))),
    "missing-forms",
    /row 3[\s\S]*still NaN: NaN counts as missing too[\s\S]*Hint: turn NaN into a missing value first/,
  ],
  "mean instead of median": [
    plain((e) => e.mean()),
    "fixture-basic",
    /column "income" row 1(?![\s\S]*61000\.3\b)[\s\S]*61000\.25[\s\S]*that is the mean, not the median[\s\S]*Hint: sort the present values/,
  ],
  "fills every numeric column": [
    (df) =>
      polarsReference(
        df,
        df.columns.filter((c) => isFloat(df.getColumn(c).dtype) || df.getColumn(c).dtype.equals(pl.Int64)),
      ),
    "only-cols",
    /"b" is not in cols: its missing values must stay missing/,
  ],
  "no validation (polars's own error)": [
    (df, cols) => df.withColumns(...cols.map((c) => pl.col(c).fillNull(pl.col(c).median()))),
    "rejects-missing",
    /column "nope" is not in the frame[\s\S]*Expected: imputeWithMedianPl\(df, \["v", "nope"\]\) throws ValueError[\s\S]*it threw Error: not found: unable to find column "nope"; valid columns: \["v", "city", "empty"\] +\(that is the library's own error/,
  ],
  "replaces columns in place": [
    (df, cols) => {
      const out = polarsReference(df, cols);
      cols.forEach((c) => df.replaceAtIdx(df.columns.indexOf(c), out.getColumn(c)));
      return df;
    },
    "no-mutation",
    /the input frame should be unchanged[\s\S]*Expected: column "income": \[52000.5, null/,
  ],
  "returns records instead of a frame": [
    ((df: pl.DataFrame, cols: string[]) => polarsReference(df, cols).toRecords()) as unknown as ImputePolars,
    "fixture-basic",
    /should return a polars DataFrame[\s\S]*Actual: +\[\{/,
  ],
};

export const groupWrong: Wrong<GroupImpute> = {
  "ignores by (global median)": [
    (df, cols, by) =>
      df.columns.includes(by)
        ? polarsReference(df, cols)
        : (() => {
            throw new ValueError(`by: "${by}" is not a column`);
          })(),
    "fixture-stores",
    /column "sales" should be filled per group of "store"[\s\S]*the groups were ignored/,
  ],
  "no fallback for an empty group": [
    grouped(false),
    "empty-group",
    /column "v" row 2[\s\S]*Expected: 3[\s\S]*still missing/,
  ],
  "Int64 drifts to Float64": [
    (df, cols, by) => (
      validate(df, cols),
      df.withColumns(
        ...cols.map((c) => present(df, c).fillNull(present(df, c).median().over(by).fillNull(present(df, c).median()))),
      )
    ),
    "dtypes",
    /column "units" should keep its dtype[\s\S]*Actual: +Float64[\s\S]*Hint: round the fill half to even and cast/,
  ],
  "cast truncates the group median": [
    (df, cols, by) => (
      validate(df, cols),
      df.withColumns(
        ...cols.map((c) =>
          filled(
            df,
            c,
            (e) => e.median().over(by).fillNull(e.median()),
            (e, d) => e.cast(d),
          ),
        ),
      )
    ),
    "fixture-stores",
    /column "units" row 4[\s\S]*Expected: 8[\s\S]*Actual: +7[\s\S]*truncated/,
  ],
  "no ValueError for a missing by": [
    (df, cols, by) => (df.columns.includes(by) ? grouped(true)(df, cols, by) : polarsReference(df, cols)),
    "rejects-by",
    /"nope" should be rejected[\s\S]*returned normally/,
  ],
  "NaN not counted as missing": [
    (df, cols, by) => (
      validate(df, cols),
      df.withColumns(...cols.map((c) => filled(df, c, () => pl.col(c).median().over(by).fillNull(pl.col(c).median()))))
    ),
    "property",
    /smallest of \d+ failing samples/,
  ],
};
