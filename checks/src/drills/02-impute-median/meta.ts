/** Drill 02's facts: the registry's entry (no library behind it). */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "02-impute-median",
  title: "Median imputer",
  level: "Easy",
  minutes: 15,
  parts: [
    {
      id: "danfo",
      title: "Median imputation with danfojs",
      check: "checkImputeDanfo",
      entry: "imputeWithMedian",
      hints: [
        "Go column by column over cols: check the column exists, is numeric and has at least one present value before computing anything; otherwise throw ValueError naming that column. Missing means null, undefined or NaN.",
        "Never touch the input: danfojs's copy() shares rows and its non-inplace fillNa writes into them. Copy every row array of df.values yourself ([...row]), fill the copies, and build a new DataFrame from them.",
        "Integer columns stay integer: a fractional median such as 34.5 is rounded half to even (34), never truncated. Build the output with the input's columns, index and dtypes, so danfo does not re-infer the labels from the filled values.",
      ],
      why: "The median is taken over present values only, so a gap never drags it; filling fresh row arrays leaves the caller's frame alone (danfo's copy() and fillNa share rows); and rebuilding with the input's dtypes stops danfo from re-labelling a float column int32.",
    },
    {
      id: "polars",
      title: "Median imputation with nodejs-polars",
      check: "checkImputePolars",
      entry: "imputeWithMedianPl",
      hints: [
        "One expression per column: pl.col(c).fillNull(pl.col(c).median()), all in one df.withColumns(...) — it returns a new frame. Validate each column first (present, numeric, has a median) and throw ValueError naming it.",
        "polars keeps NaN apart from null: median ranks NaN as the largest value and fillNull leaves NaN in place. For a float column start from pl.col(c).fillNan(null), and use that expression both for the median and for the fill.",
        "fillNull with a Float64 median turns an Int64 column into Float64. For an integer column fill with median().round(0).cast(dtype): round(0) is half to even; a bare cast truncates.",
      ],
      why: "fillNan(null) makes NaN a missing value, so median skips it and fillNull fills it; round(0) then cast keeps an integer column integer with half-to-even rounding; and withColumns builds a new frame, so the input is untouched.",
    },
    {
      id: "group",
      title: "Grouped median imputation",
      check: "checkGroupImpute",
      entry: "imputeWithGroupMedian",
      stretch: "★★",
      hints: [
        "polars broadcasts a group's statistic back to its rows with a window: pl.col(c).median().over(by). Rows keep their order, unlike a groupBy followed by a join.",
        "A group whose values are all missing has a null median: fall back with .fillNull(pl.col(c).median()) — the column's overall median.",
        "The rules of the core still hold: NaN is missing (fillNan(null) first), an integer column's fill is rounded half to even and cast back, and by is validated (ValueError naming it) like every column of cols.",
      ],
      why: "median().over(by) is pandas's groupby-transform: each row gets its own group's median in the original row order; the fallback to the column's median keeps an all-missing group from staying null.",
    },
  ],
};
