/**
 * Drill 02's danfojs 1.2.0 frames, kernel side: build a frame from plain columns, read a returned frame back as
 * plain columns and dtype labels, and snapshot everything the candidate could mutate. danfo's dtype is a label
 * ("int32", "float32", "string"); NaN, null and undefined all count as missing. Its traps: non-inplace `fillNa`
 * writes into the input's rows, `copy()` shares the row arrays, and after `fillNa` the label is re-inferred.
 */
import type * as D from "danfojs/dist/danfojs-browser/src/index";
import { loadDanfo } from "@drills/lib";
import type { Danfo } from "@drills/lib/dist/danfo-types";
import { call } from "../../assert";
import { fail } from "../../failure";
import { fmt } from "../../format";
import { cloneDeep, DANFO_DTYPE, type MissingForm, type Table } from "./table";

export type ImputeDanfo = (df: D.DataFrame, cols: string[]) => D.DataFrame;

const FORMS = [null, undefined];

export function build(t: Table, missing: MissingForm = "native"): D.DataFrame {
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
  return new (loadDanfo<Danfo>().DataFrame)(rows, {
    columns: names,
    dtypes: names.map((c) => DANFO_DTYPE[t.dtypes[c]]),
  });
}

interface FrameLike {
  columns: unknown;
  dtypes: unknown;
  values: unknown;
}

export function read(
  out: unknown,
  input: string,
): { columns: Record<string, unknown[]>; dtypes: Record<string, string> } {
  const isFrame =
    typeof out === "object" &&
    out !== null &&
    !(out as { $isSeries?: boolean }).$isSeries &&
    "columns" in out &&
    "dtypes" in out &&
    "values" in out;
  if (!isFrame)
    fail({
      what: "imputeWithMedian should return a danfo DataFrame",
      input,
      expected: "a danfo DataFrame",
      actual: fmt(out),
    });
  const f = out as FrameLike;
  const { columns, dtypes, values } = call(
    "reading the returned frame",
    () => ({ columns: f.columns, dtypes: f.dtypes, values: f.values }),
    { input },
  );
  if (!Array.isArray(columns) || !Array.isArray(dtypes) || !Array.isArray(values)) {
    fail({
      what: "imputeWithMedian should return a danfo DataFrame",
      input,
      expected: "a danfo DataFrame",
      actual: fmt(out),
    });
  }
  const cols: Record<string, unknown[]> = {};
  const types: Record<string, string> = {};
  columns.forEach((c: string, j: number) => {
    cols[c] = values.map((r: unknown) => (Array.isArray(r) ? r[j] : undefined));
    types[c] = String(dtypes[j]);
  });
  return { columns: cols, dtypes: types };
}

export const snapshot = (df: D.DataFrame): [string, unknown][] => [
  ["columns", [...df.columns]],
  ["dtypes", [...df.dtypes]],
  ["index", [...df.index]],
  ...(df.values as unknown[][]).map((r, i): [string, unknown] => [`row ${i}`, cloneDeep(r)]),
];
