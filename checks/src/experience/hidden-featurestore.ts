/**
 * Hidden-case properties for drill 09's point-in-time join and schema checks. `join` draws seeded label and feature
 * tables (times on an hour grid, so exact matches occur) and compares with the merge_asof oracle of
 * featurestore-join.ts, counting future leaks and wrong rows; `schema` builds the given frame and contract and
 * compares the violations, as (column, kind) pairs, with the stated rule's oracle. Failures report counts only.
 */
import pl, { type DataType } from "nodejs-polars";
import { rng } from "@drills/lib";
import { call, ok } from "../assert";
import { pointInTimeJoinDrill, validateSchemaDrill, type AsOfOptions, type PointInTimeJoin, type SchemaContract, type ValidateSchema } from "../drills/featurestore";
import { frame, oracleJoin, rowsOf } from "../drills/featurestore-join";
import { oracleSchema } from "../drills/featurestore-schema";
import { fmt } from "../format";
import { registerHidden, type HiddenSpec } from "./hidden";
import { HIDDEN_INPUT } from "../drill";

const HIDDEN = HIDDEN_INPUT;
const HOUR = 3600e3;
const T0 = Date.UTC(2024, 0, 1);

type Cols = Record<string, (string | number | null)[]>;

/** n labels and m features over k entities in [0, hours) on the hour; at most one feature per (entity, hour). */
function tables(spec: HiddenSpec): { labels: Cols; features: Cols } {
  const { entities = 3, labels = 20, features = 20, hours = 48, seed = 1 } = spec.input as Record<string, number>;
  const u = rng(seed);
  const pick = (n: number) => Math.floor(u() * n);
  const l: Cols = { user: [], label_time: [], y: [] };
  for (let i = 0; i < labels; i++) l.user.push(`u${pick(entities)}`), l.label_time.push(T0 + pick(hours) * HOUR), l.y.push(pick(2));
  const seen = new Set<string>();
  const f: Cols = { user: [], feature_time: [], f1: [], f2: [] };
  for (let i = 0; i < features; i++) {
    const [e, h] = [`u${pick(entities)}`, pick(hours)];
    if (seen.has(`${e}@${h}`)) continue;
    seen.add(`${e}@${h}`);
    f.user.push(e), f.feature_time.push(T0 + h * HOUR), f.f1.push(Math.round(u() * 1000) / 10), f.f2.push(pick(5));
  }
  return { labels: l, features: f };
}

const key = (r: Record<string, unknown>, cols: string[]) => JSON.stringify(cols.map((c) => r[c] ?? null));

registerHidden<{ pointInTimeJoin: PointInTimeJoin }>(pointInTimeJoinDrill, {
  join: {
    what: "point-in-time join: no future features, rows equal merge_asof (backward, per entity)",
    hint: "per entity, the latest feature at or before the label time (strictly before without exact matches), within the tolerance; labels without one keep nulls.",
    run(impl, spec) {
      const t = tables(spec);
      const o: AsOfOptions = { by: "user", labelTime: "label_time", featureTime: "feature_time" };
      if (typeof spec.input.tolerance === "string") o.tolerance = spec.input.tolerance;
      if (spec.input.allowExactMatches === false) o.allowExactMatches = false;
      const labels = frame(t.labels, ["label_time"]);
      const features = frame(t.features, ["feature_time"]);
      const out: unknown = call("pointInTimeJoin(labels, features, opts)", () => impl.pointInTimeJoin(labels, features, { ...o }), { input: HIDDEN });
      const isFrame = typeof out === "object" && out !== null && typeof (out as pl.DataFrame).toRecords === "function" && Array.isArray((out as pl.DataFrame).columns);
      ok(isFrame, { what: "pointInTimeJoin should return a pl.DataFrame", expected: "a DataFrame", actual: fmt(out) });
      const df = out as pl.DataFrame;
      const cols = [...labels.columns, ...features.columns.filter((c) => c !== o.by)];
      ok([...df.columns].sort().join() === [...cols].sort().join(), { what: "the output should have the label columns plus the feature columns (the key once)", expected: `${cols.length} columns`, actual: `${df.columns.length} columns, ${cols.filter((c) => !df.columns.includes(c)).length} of the expected missing` });
      const got = call("reading the returned frame (toRecords)", () => rowsOf(df), { input: HIDDEN });
      ok(got.length === labels.height, { what: "every label row should appear exactly once (a left join)", expected: `${labels.height} rows`, actual: `${got.length} rows` });
      const leaks = got.filter((r) => r.feature_time !== null && ((r.feature_time as number) > (r.label_time as number) || (o.allowExactMatches === false && r.feature_time === r.label_time))).length;
      ok(leaks === 0, { what: "no label may get a feature from its future (leakage)", expected: "0 rows", actual: `${leaks} of ${got.length} rows` });
      // Rows compared as a multiset: a label's key (entity, time, y) may repeat, so count each joined row.
      const want = new Map<string, number>();
      for (const r of oracleJoin(rowsOf(labels), rowsOf(features), o, cols.slice(labels.columns.length))) want.set(key(r, cols), (want.get(key(r, cols)) ?? 0) + 1);
      let wrong = 0;
      for (const r of got) {
        const n = want.get(key(r, cols)) ?? 0;
        if (n > 0) want.set(key(r, cols), n - 1);
        else wrong++;
      }
      ok(wrong === 0, { what: "the joined rows should match merge_asof (backward, per entity)", how: "rows compared in any order", expected: "0 rows differ", actual: `${wrong} of ${got.length} rows differ` });
    },
  },
});

const DTYPES: Record<string, DataType> = { Float64: pl.Float64, Int64: pl.Int64, String: pl.String };
const dtype = (v: unknown, where: string): DataType => {
  if (typeof v !== "string" || !DTYPES[v]) throw new Error(`${where}: expected one of ${Object.keys(DTYPES).join(", ")}`);
  return DTYPES[v];
};

registerHidden<{ validateSchema: ValidateSchema }>(validateSchemaDrill, {
  schema: {
    what: "schema: the violations follow the contract rule",
    hint: "per contract column: missing, else dtype, else null rate strictly above its bound and any value out of range (NaN included, nulls not).",
    run(impl, spec) {
      const given = spec.input.columns as Record<string, { dtype: string; values: unknown[] }> | undefined;
      const rules = spec.input.contract as Record<string, { dtype: string; maxNullRate?: number; min?: number; max?: number }> | undefined;
      if (!given || !rules) throw new Error("input: expected columns and contract objects");
      const cols = Object.fromEntries(Object.entries(given).map(([n, c]) => [n, { dtype: dtype(c.dtype, `input.columns.${n}.dtype`), values: c.values.map((v) => (v === "NaN" ? NaN : v)) as (number | string | null)[] }]));
      const contract: SchemaContract = Object.fromEntries(Object.entries(rules).map(([n, c]) => [n, { ...c, dtype: dtype(c.dtype, `input.contract.${n}.dtype`) }]));
      const df = pl.DataFrame(Object.entries(cols).map(([n, c]) => pl.Series(n, c.values, c.dtype)));
      const out: unknown = call("validateSchema(df, contract)", () => impl.validateSchema(df, contract), { input: HIDDEN });
      const valid = Array.isArray(out) && out.every((v) => typeof v === "object" && v !== null && typeof v.column === "string" && typeof v.kind === "string" && typeof v.message === "string" && v.message.length > 0);
      ok(valid, { what: "validateSchema should return { column, kind, message }[]", expected: "an array of violations", actual: Array.isArray(out) ? `${out.length} entries, some malformed` : fmt(out) });
      const got = new Set((out as { column: string; kind: string }[]).map((v) => `${v.column}:${v.kind}`));
      const want = new Set(oracleSchema(cols, contract));
      const kinds = (xs: string[]) => (xs.length ? ` (${xs.map((x) => x.slice(x.lastIndexOf(":") + 1)).join(", ")})` : "");
      const missed = [...want].filter((x) => !got.has(x));
      const extra = [...got].filter((x) => !want.has(x));
      ok(missed.length + extra.length === 0 && got.size === (out as unknown[]).length, { what: "violations should follow the stated rule", how: "as a set of (column, kind)", expected: "none missed, none extra, none repeated", actual: `${missed.length} missed${kinds(missed)}, ${extra.length} extra${kinds(extra)}, ${(out as unknown[]).length - got.size} repeated` });
    },
  },
});
