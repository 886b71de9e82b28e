/** Drill 09's hidden cases from the sample file, split: references pass, known slips fail, inputs never show. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import pl from "nodejs-polars";
import type { Check } from "../../drill";
import { driftCheck, joinCheck as pointInTimeJoinDrill, schemaCheck as validateSchemaDrill } from "./checks";
import type { DriftStats, PointInTimeJoin, ValidateSchema } from "./calls";
import { referenceDrift, referenceJoin, referenceSchema } from "./test/answers";
import { oraclePsi } from "./oracle";
import { failingSplit } from "../test/hidden-sample";

// Names, times and values of the sample's tables and samples never appear.
const failing = <I>(check: Check<I>, impl: I) => failingSplit(check, impl, /u\d|2024-|"age"|income|121|reference = \[/);

const joinWrong: Record<string, [PointInTimeJoin, string[]]> = {
  "tolerance ignored": [(l, f, o) => referenceJoin(l, f, { ...o, tolerance: undefined }), ["hidden-5"]],
  "exact matches always allowed": [(l, f, o) => referenceJoin(l, f, { ...o, allowExactMatches: true }), ["hidden-6"]],
  "forward strategy (features from the future)": [
    (l, f, o) =>
      l.sort(o.labelTime).joinAsof(f.sort(o.featureTime), {
        leftOn: o.labelTime,
        rightOn: o.featureTime,
        by: o.by,
        strategy: "forward",
        checkSortedness: false,
      }),
    ["hidden-4", "hidden-5", "hidden-6"],
  ],
  // In hidden 6 (two entities, dense features) every label has an earlier feature: nothing to drop.
  "inner join (labels without a feature dropped)": [
    (l, f, o) => referenceJoin(l, f, o).dropNulls(),
    ["hidden-4", "hidden-5"],
  ],
};

test("09: the reference join passes every hidden case", async () => {
  assert.equal(await failing(pointInTimeJoinDrill, referenceJoin), []);
});

for (const [name, [impl, want]] of Object.entries(joinWrong)) {
  test(`09 join rejects: ${name}`, async () => {
    assert.equal(await failing(pointInTimeJoinDrill, impl), want);
  });
}

const floats = (df: pl.DataFrame) => df.columns.filter((c) => df.getColumn(c).dtype.equals(pl.Float64));
const schemaWrong: Record<string, [ValidateSchema, string[]]> = {
  "NaN treated as null": [
    (df, c) => referenceSchema(df.withColumns(...floats(df).map((n) => pl.col(n).fillNan(null))), c),
    ["hidden-7"],
  ],
  "null rate equal to its bound flagged": [
    (df, c) =>
      referenceSchema(
        df,
        Object.fromEntries(
          Object.entries(c).map(([k, v]) => [
            k,
            v.maxNullRate === undefined ? v : { ...v, maxNullRate: v.maxNullRate - 1e-9 },
          ]),
        ),
      ),
    ["hidden-7"],
  ],
  "dtype not checked": [
    (df, c) =>
      referenceSchema(
        df,
        Object.fromEntries(
          Object.entries(c).map(([k, v]) => [k, df.columns.includes(k) ? { ...v, dtype: df.getColumn(k).dtype } : v]),
        ),
      ),
    ["hidden-8"],
  ],
  "nulls compared as numbers": [
    (df, c) => [
      ...referenceSchema(df, c),
      ...Object.entries(c)
        .filter(
          ([k, v]) =>
            df.columns.includes(k) &&
            v.min !== undefined &&
            v.min > 0 &&
            df.getColumn(k).nullCount() > 0 &&
            df.getColumn(k).dtype.equals(v.dtype),
        )
        .map(([k]) => ({ column: k, kind: "range" as const, message: `${k}: null < min` })),
    ],
    ["hidden-8"],
  ],
};

test("09: the reference schema validation passes every hidden case", async () => {
  assert.equal(await failing(validateSchemaDrill, referenceSchema), []);
});

for (const [name, [impl, want]] of Object.entries(schemaWrong)) {
  test(`09 schema rejects: ${name}`, async () => {
    assert.equal(await failing(validateSchemaDrill, impl), want);
  });
}

const driftWrong: Record<string, [DriftStats, string[]]> = {
  // Edges from the current sample: identical samples still give 0 (hidden 2), a shift does not.
  "PSI with bins from the current sample": [
    { ...referenceDrift, psi: (r, c, b = 10) => oraclePsi(r, c, b, c) },
    ["hidden-1"],
  ],
  "one-sided KS (max of F_a − F_b)": [
    {
      ...referenceDrift,
      ksStatistic: (a, b) => {
        const cdf = (x: number[], v: number) => x.filter((e) => e <= v).length / x.length;
        return Math.max(...[...a, ...b].map((v) => cdf(a, v) - cdf(b, v)));
      },
    },
    ["hidden-3"],
  ],
};

test("09: the reference drift statistics pass every hidden case", async () => {
  assert.equal(await failing(driftCheck, referenceDrift), []);
});

for (const [name, [impl, want]] of Object.entries(driftWrong)) {
  test(`09 drift rejects: ${name}`, async () => {
    assert.equal(await failing(driftCheck, impl), want);
  });
}

test.run();
