/** The danfojs imputer checks pass the reference and reject each known-wrong answer with the expected message. */
import { test } from "uvu";
import type * as D from "danfojs/dist/danfojs-browser/src/index";
import { ValueError, todo } from "@drills/lib";
import type { Danfo } from "@drills/lib/dist/danfo-types";
import { loadDanfo } from "@drills/lib";
import { imputeDanfoDrill, type ImputeDanfo } from "./impute-danfo";
import { expectPass, expectRejects, expectTodo } from "../testing";

const dfd: Danfo = loadDanfo();

const gap = (v: unknown) => v === null || v === undefined || Number.isNaN(v);
const halfEven = (x: number) => (x - Math.floor(x) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x));

/** Validates cols and returns each column's median (danfo's Series.median skips missing values). */
function medians(df: D.DataFrame, cols: string[], statistic: (s: D.Series) => number = (s) => s.median()): number[] {
  return cols.map((c) => {
    const j = df.columns.indexOf(c);
    if (j < 0) throw new ValueError(`cols: column "${c}" is not in the frame (columns: ${df.columns.join(", ")})`);
    if (df.dtypes[j] !== "int32" && df.dtypes[j] !== "float32") throw new ValueError(`cols: column "${c}" must be numeric, got ${df.dtypes[j]}`);
    const present = (df.values as unknown[][]).map((r) => r[j]).filter((v) => !gap(v));
    if (present.length === 0) throw new ValueError(`cols: column "${c}" has no values, so it has no median`);
    return statistic(new dfd.Series(present as number[]));
  });
}

/** Fills copied rows, then rebuilds with the original labels (fillNa would re-infer them). */
function fillRows(df: D.DataFrame, cols: string[], fills: number[]): D.DataFrame {
  const rows = (df.values as unknown[][]).map((r) => [...r]);
  cols.forEach((c, k) => {
    const j = df.columns.indexOf(c);
    for (const r of rows) if (gap(r[j])) r[j] = fills[k];
  });
  return new dfd.DataFrame(rows, { columns: [...df.columns], index: [...df.index], dtypes: [...df.dtypes] });
}

const isInt = (df: D.DataFrame, c: string) => df.dtypes[df.columns.indexOf(c)] === "int32";

const reference: ImputeDanfo = (df, cols) => {
  const m = medians(df, cols);
  return fillRows(df, cols, cols.map((c, k) => (isInt(df, c) ? halfEven(m[k]) : m[k])));
};

test("reference passes every case", async () => {
  await expectPass(imputeDanfoDrill, reference);
});

test("a stub is todo, not a failure", async () => {
  await expectTodo(imputeDanfoDrill, () => {
    throw todo();
  });
});

const rounded = (df: D.DataFrame, cols: string[], m: number[]) => cols.map((c, k) => (isInt(df, c) ? halfEven(m[k]) : m[k]));

const wrong: Record<string, [ImputeDanfo, string, RegExp]> = {
  "non-inplace fillNa (mutates the input)": [
    (df, cols) => df.fillNa(rounded(df, cols, medians(df, cols)), { columns: cols }) as D.DataFrame,
    "danfo: the input frame is not mutated",
    /input frame should be unchanged[\s\S]*non-inplace fillNa writes into the input's rows/,
  ],
  "shallow copy() then inplace fillNa": [
    (df, cols) => {
      const out = df.copy();
      out.fillNa(rounded(df, cols, medians(df, cols)), { columns: cols, inplace: true });
      return out;
    },
    "danfo: the input frame is not mutated",
    /Expected: row 1: \[NaN, null, null, -4, NaN, y\][\s\S]*Actual: +row 1: \[56500.4, 34, 4, -4, NaN, y\]/,
  ],
  "mean instead of median": [
    (df, cols) => fillRows(df, cols, rounded(df, cols, medians(df, cols, (s) => s.mean()))),
    "danfo: matches pandas fillna(median) on the fixture frames",
    /column "income" row 1[\s\S]*that is the mean, not the median/,
  ],
  "fractional median truncated into an int column": [
    (df, cols) => fillRows(df, cols, medians(df, cols).map((m, k) => (isInt(df, cols[k]) ? Math.trunc(m) : m))),
    "danfo: matches pandas fillna(median) on the fixture frames",
    /column "visits" row 1[\s\S]*Expected: 4[\s\S]*Actual: +3[\s\S]*truncated; the rule is round half to even/,
  ],
  "fractional median rounded half up": [
    (df, cols) => fillRows(df, cols, medians(df, cols).map((m, k) => (isInt(df, cols[k]) ? Math.round(m) : m))),
    "danfo: matches pandas fillna(median) on the fixture frames",
    /column "age" row 1[\s\S]*rounded half up/,
  ],
  "fractional median left in an int column": [
    (df, cols) => fillRows(df, cols, medians(df, cols)),
    "danfo: matches pandas fillna(median) on the fixture frames",
    /fractional median 34.5 was written into an integer column/,
  ],
  "labels re-inferred by inplace fillNa on a deep copy": [
    (df, cols) => {
      const out = new dfd.DataFrame((df.values as unknown[][]).map((r) => [...r]), { columns: [...df.columns], dtypes: [...df.dtypes] });
      out.fillNa(rounded(df, cols, medians(df, cols)), { columns: cols, inplace: true });
      return out;
    },
    "danfo: dtypes are preserved (int stays int, median rounded half to even)",
    /column "n" should keep its dtype[\s\S]*Expected: float32[\s\S]*Actual: +int32[\s\S]*re-infers/,
  ],
  "fills every column, ignoring cols": [
    (df) => {
      const numeric = df.columns.filter((_, j) => df.dtypes[j] !== "string");
      return reference(df, numeric);
    },
    "danfo: only the columns in cols change",
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
    "danfo: every form of missing value counts as missing",
    /row 1[\s\S]*Actual: +null[\s\S]*still missing \(null\): this value was not filled/,
  ],
  "no ValueError for a missing column": [
    (df, cols) => reference(df, cols.filter((c) => df.columns.includes(c))),
    "danfo: ValueError for a missing, non-numeric or all-missing column",
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
    "danfo: ValueError for a missing, non-numeric or all-missing column",
    /a ValueError message naming "nope"/,
  ],
  "fills in place and returns nothing": [
    ((df: D.DataFrame, cols: string[]) => {
      df.fillNa(rounded(df, cols, medians(df, cols)), { columns: cols, inplace: true });
    }) as unknown as ImputeDanfo,
    "danfo: matches pandas fillna(median) on the fixture frames",
    /should return a danfo DataFrame[\s\S]*Actual: +undefined/,
  ],
};

for (const [name, [impl, caseName, message]] of Object.entries(wrong)) {
  test(`rejects: ${name}`, async () => {
    await expectRejects(imputeDanfoDrill, impl, caseName, message);
  });
}

test("the property case shows a shrunk counterexample", async () => {
  await expectRejects(imputeDanfoDrill, wrong["mean instead of median"][0], "danfo: property: matches a float64 median oracle on random frames", /shrunk after \d+ steps/);
});

test.run();
