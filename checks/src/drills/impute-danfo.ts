/**
 * Drill 02, danfojs 1.2.0 version: `imputeWithMedian(df, cols)`. danfo's dtype is a label ("int32", "float32",
 * "string"); NaN, null and undefined all count as missing. Its traps: non-inplace `fillNa` writes into the input's
 * rows, `copy()` shares the row arrays, and after `fillNa` the label is re-inferred (a float32 column whose values
 * are all integral becomes int32) — so "not mutated" and "dtypes preserved" are checked on the rows and labels.
 */
import type * as D from "danfojs/dist/danfojs-browser/src/index";
import { loadDanfo } from "@drills/lib";
import { call } from "../assert";
import { fail } from "../failure";
import { fmt } from "../format";
import type { Drill } from "../drill";
import { cloneDeep, type Kind, type Table } from "./impute";
import { plainCases, type Adapter, type MissingForm } from "./impute-cases";

export type ImputeDanfo = (df: D.DataFrame, cols: string[]) => D.DataFrame;

const LABEL: Record<Kind, string> = { float: "float32", int: "int32", string: "string" };
const FORMS = [null, undefined];

function build(t: Table, missing: MissingForm = "native"): D.DataFrame {
  const names = Object.keys(t.columns);
  const n = t.columns[names[0]].length;
  let k = 0;
  const rows = Array.from({ length: n }, (_, i) =>
    names.map((c) => {
      const v = t.columns[c][i];
      if (v !== null) return v;
      // Native missing float is NaN (what danfo's own readers produce); "mixed" cycles null and undefined.
      return t.dtypes[c] === "float" ? (missing === "mixed" ? FORMS[k++ % 2] : NaN) : null;
    }),
  );
  return new (loadDanfo<typeof D>().DataFrame)(rows, { columns: names, dtypes: names.map((c) => LABEL[t.dtypes[c]]) });
}

interface FrameLike {
  columns: unknown;
  dtypes: unknown;
  values: unknown;
}

function read(out: unknown, input: string) {
  const isFrame = typeof out === "object" && out !== null && !(out as { $isSeries?: boolean }).$isSeries && "columns" in out && "dtypes" in out && "values" in out;
  if (!isFrame) fail({ what: "imputeWithMedian should return a danfo DataFrame", input, expected: "a dfd.DataFrame", actual: fmt(out) });
  const f = out as FrameLike;
  const { columns, dtypes, values } = call("reading the returned frame", () => ({ columns: f.columns, dtypes: f.dtypes, values: f.values }), { input });
  if (!Array.isArray(columns) || !Array.isArray(dtypes) || !Array.isArray(values)) {
    fail({ what: "imputeWithMedian should return a danfo DataFrame", input, expected: "a dfd.DataFrame", actual: fmt(out) });
  }
  const cols: Record<string, unknown[]> = {};
  const types: Record<string, string> = {};
  columns.forEach((c: string, j: number) => {
    cols[c] = values.map((r: unknown) => (Array.isArray(r) ? r[j] : undefined));
    types[c] = dtypes[j];
  });
  return { columns: cols, dtypes: types };
}

export const adapter: Adapter<D.DataFrame> = {
  lib: "danfo",
  fn: "imputeWithMedian",
  build,
  read,
  dtypeOf: (kind) => LABEL[kind],
  dtypeNote: (kind, actual) =>
    kind === "float" && actual === "int32"
      ? "danfo re-infers the label after fillNa: all-integral values turn float32 into int32"
      : kind === "int" && actual === "float32"
        ? "danfo labels a column float32 when it holds a fraction or a missing value, unless dtypes are given"
        : undefined,
  snapshot: (df) => [
    ["columns", [...df.columns]],
    ["dtypes", [...df.dtypes]],
    ["index", [...df.index]],
    ...(df.values as unknown[][]).map((r, i): [string, unknown] => [`row ${i}`, cloneDeep(r)]),
  ],
  mutationNote: "danfo's non-inplace fillNa writes into the input's rows, and copy() shares them",
};

export const imputeDanfoDrill: Drill<ImputeDanfo> = {
  id: "02-impute-median",
  title: "Median imputer (danfojs)",
  cases: plainCases(adapter),
};
