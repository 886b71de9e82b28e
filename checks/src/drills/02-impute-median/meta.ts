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
        "Go column by column over cols: check the column exists, is numeric and has at least one present value before computing anything; otherwise throw ValueError naming that column. Missing means null, undefined or NaN in both libraries.",
        "Never touch the input: danfojs's copy() shares rows and its non-inplace fillNa writes into them. Build the output from fresh arrays. In polars, fillNull leaves NaN alone and median ranks NaN as the largest value: turn NaN into null first.",
        "Integer columns stay integer: a fractional median such as 2.5 is rounded half to even, never truncated — polars's fillNull(median) silently promotes Int64 to Float64 and .cast truncates. Compare the output's dtypes with the input's before you return.",
      ],
    },
    {
      id: "polars",
      title: "Median imputation with nodejs-polars",
      check: "checkImputePolars",
      entry: "imputeWithMedianPl",
      hints: [],
    },
    {
      id: "group",
      title: "Grouped median imputation",
      check: "checkGroupImpute",
      entry: "imputeWithGroupMedian",
      hints: [],
    },
  ],
};
