/**
 * Hidden-case properties for drill 09, split: the grader builds each input from the interviewer's spec (seeded
 * tables, samples, frames and contracts) and judges with the oracles; the kernel only runs the call. `join` draws
 * seeded label and feature tables (times on an hour grid, so exact matches occur). Failures report sizes and counts,
 * never the tables or samples.
 */
import { rng } from "@drills/lib";
import { ok } from "../../assert";
import { fmt, fmtNumber } from "../../format";
import type { HiddenProperty } from "../../hidden-property";
import { numbers, type HiddenSpec } from "../../experience/hidden";
import { judgingRuns, run, valueOf } from "../ran";
import type { Ran } from "../runs";
import type { AsOfOptions, JoinRun, PlainContract, SchemaRun } from "./calls";
import { frameSpec, rowsOfSpec, type Cell, type Columns, asFrameOut, type Row } from "./frames";
import { oracleJoin, oracleKs, oraclePsi, oracleSchema } from "./oracle";

const HIDDEN = { input: "(hidden case)" };
const HOUR = 3600e3;
const T0 = Date.UTC(2024, 0, 1);
const within = (got: unknown, want: number, tol: number) =>
  typeof got === "number" && Math.abs(got - want) <= tol * Math.max(1, Math.abs(want));

/** n labels and m features over k entities in [0, hours) on the hour; at most one feature per (entity, hour). */
function tables(spec: HiddenSpec): JoinRun {
  const { entities = 3, labels = 20, features = 20, hours = 48, seed = 1 } = spec.input as Record<string, number>;
  const u = rng(seed);
  const pick = (n: number) => Math.floor(u() * n);
  const l: Record<string, Cell[]> = { user: [], label_time: [], y: [] };
  for (let i = 0; i < labels; i++)
    (l.user.push(`u${pick(entities)}`), l.label_time.push(T0 + pick(hours) * HOUR), l.y.push(pick(2)));
  const seen = new Set<string>();
  const f: Record<string, Cell[]> = { user: [], feature_time: [], f1: [], f2: [] };
  for (let i = 0; i < features; i++) {
    const [e, h] = [`u${pick(entities)}`, pick(hours)];
    if (seen.has(`${e}@${h}`)) continue;
    seen.add(`${e}@${h}`);
    (f.user.push(e), f.feature_time.push(T0 + h * HOUR), f.f1.push(Math.round(u() * 1000) / 10), f.f2.push(pick(5)));
  }
  const opts: AsOfOptions = { by: "user", labelTime: "label_time", featureTime: "feature_time" };
  if (typeof spec.input.tolerance === "string") opts.tolerance = spec.input.tolerance;
  if (spec.input.allowExactMatches === false) opts.allowExactMatches = false;
  return { labels: frameSpec(l, ["label_time"]), features: frameSpec(f, ["feature_time"]), opts };
}

const key = (r: Row, cols: string[]) => JSON.stringify(cols.map((c) => r[c] ?? null));

function judgeJoinHidden([r]: Ran[], { runs: [t] }: { runs: JoinRun[] }): void {
  const out = asFrameOut(valueOf(r, "pointInTimeJoin(labels, features, opts)", HIDDEN));
  ok(out.frame, {
    what: "pointInTimeJoin should return a pl.DataFrame",
    expected: "a DataFrame",
    actual: out.frame ? "" : out.what,
  });
  const o = t.opts;
  const labelCols = Object.keys(t.labels.columns);
  const cols = [...labelCols, ...Object.keys(t.features.columns).filter((c) => c !== o.by)];
  ok([...out.columns].sort().join() === [...cols].sort().join(), {
    what: "the output should have the label columns plus the feature columns (the key once)",
    expected: `${cols.length} columns`,
    actual: `${out.columns.length} columns, ${cols.filter((c) => !out.columns.includes(c)).length} of the expected missing`,
  });
  const height = rowsOfSpec(t.labels).length;
  ok(out.rows.length === height, {
    what: "every label row should appear exactly once (a left join)",
    expected: `${height} rows`,
    actual: `${out.rows.length} rows`,
  });
  const leaks = out.rows.filter(
    (x) =>
      x.feature_time !== null &&
      ((x.feature_time as number) > (x.label_time as number) ||
        (o.allowExactMatches === false && x.feature_time === x.label_time)),
  ).length;
  ok(leaks === 0, {
    what: "no label may get a feature from its future (leakage)",
    expected: "0 rows",
    actual: `${leaks} of ${out.rows.length} rows`,
  });
  // Rows compared as a multiset: a label's key (entity, time, y) may repeat, so count each joined row.
  const want = new Map<string, number>();
  for (const x of oracleJoin(rowsOfSpec(t.labels), rowsOfSpec(t.features), o, cols.slice(labelCols.length)))
    want.set(key(x, cols), (want.get(key(x, cols)) ?? 0) + 1);
  let wrong = 0;
  for (const x of out.rows) {
    const n = want.get(key(x, cols)) ?? 0;
    if (n > 0) want.set(key(x, cols), n - 1);
    else wrong++;
  }
  ok(wrong === 0, {
    what: "the joined rows should match merge_asof (backward, per entity)",
    how: "rows compared in any order",
    expected: "0 rows differ",
    actual: `${wrong} of ${out.rows.length} rows differ`,
  });
}

const DTYPES = ["Float64", "Int64", "String"];
const dtype = (v: unknown, where: string): string => {
  if (typeof v !== "string" || !DTYPES.includes(v)) throw new Error(`${where}: expected one of ${DTYPES.join(", ")}`);
  return v;
};

const properties: Record<string, HiddenProperty> = {
  join: {
    part: "join",
    what: "point-in-time join: no future features, rows equal merge_asof (backward, per entity)",
    hint: "per entity, the latest feature at or before the label time (strictly before without exact matches), within the tolerance; labels without one keep nulls.",
    call: "join",
    input: (spec) => ({ runs: [tables(spec)] }),
    judge: judgeJoinHidden,
  },
  psi: {
    part: "drift",
    what: "psi equals the reference (bins at the reference's quantiles)",
    hint: "edges from the reference sample only, right-closed bins with open outer edges, shares floored at ε.",
    call: "drift",
    input: (spec) => ({
      runs: [
        run(
          "psi",
          numbers(spec.input.reference, "reference"),
          numbers(spec.input.current, "current"),
          spec.input.bins === undefined ? 10 : Number(spec.input.bins),
        ),
      ],
    }),
    judge([r]: Ran[], { runs }: { runs: { args: [number[], number[], number] }[] }, spec) {
      const [ref, cur, bins] = runs[0].args;
      const want = oraclePsi(ref, cur, bins);
      const got = valueOf(r, "psi(reference, current, bins)", HIDDEN);
      const tol = spec.tol ?? 1e-9;
      ok(within(got, want, tol), {
        what: "psi should equal the reference",
        how: `relative tol ${fmtNumber(tol)}`,
        expected: "|error| within tol",
        actual: typeof got === "number" ? `|error| ${fmtNumber(Math.abs(got - want))}` : fmt(got),
      });
    },
  },
  ks: {
    part: "drift",
    what: "ksStatistic equals the largest gap between the empirical CDFs",
    hint: "evaluate both empirical CDFs at every point of either sample, ties included.",
    call: "drift",
    input: (spec) => ({ runs: [run("ksStatistic", numbers(spec.input.a, "a"), numbers(spec.input.b, "b"))] }),
    judge([r]: Ran[], { runs }: { runs: { args: [number[], number[]] }[] }, spec) {
      const want = oracleKs(...runs[0].args);
      const got = valueOf(r, "ksStatistic(a, b)", HIDDEN);
      const tol = spec.tol ?? 1e-12;
      ok(within(got, want, tol), {
        what: "ksStatistic should equal the reference",
        how: `tol ${fmtNumber(tol)}`,
        expected: "|error| within tol",
        actual: typeof got === "number" ? `|error| ${fmtNumber(Math.abs(got - want))}` : fmt(got),
      });
    },
  },
  schema: {
    part: "schema",
    what: "schema: the violations follow the contract rule",
    hint: "per contract column: missing, else dtype, else null rate strictly above its bound and any value out of range (NaN included, nulls not).",
    call: "schema",
    input(spec) {
      const given = spec.input.columns as Record<string, { dtype: string; values: unknown[] }> | undefined;
      const rules = spec.input.contract as
        Record<string, { dtype: string; maxNullRate?: number; min?: number; max?: number }> | undefined;
      if (!given || !rules) throw new Error("input: expected columns and contract objects");
      const columns = Object.fromEntries(
        Object.entries(given).map(([n, c]) => [
          n,
          {
            dtype: dtype(c.dtype, `input.columns.${n}.dtype`),
            values: c.values.map((v) => (v === "NaN" ? NaN : v)) as Cell[],
          },
        ]),
      ) as Columns;
      const contract: PlainContract = Object.fromEntries(
        Object.entries(rules).map(([n, c]) => [n, { ...c, dtype: dtype(c.dtype, `input.contract.${n}.dtype`) }]),
      );
      const r: SchemaRun = { columns, contract };
      return { runs: [r] };
    },
    judge([r]: Ran[], { runs: [t] }: { runs: SchemaRun[] }) {
      const out = valueOf(r, "validateSchema(df, contract)", HIDDEN);
      const valid =
        Array.isArray(out) &&
        out.every(
          (v) =>
            typeof v === "object" &&
            v !== null &&
            typeof v.column === "string" &&
            typeof v.kind === "string" &&
            typeof v.message === "string" &&
            v.message.length > 0,
        );
      ok(valid, {
        what: "validateSchema should return { column, kind, message }[]",
        expected: "an array of violations",
        actual: Array.isArray(out) ? `${out.length} entries, some malformed` : fmt(out),
      });
      const list = out as { column: string; kind: string }[];
      const got = new Set(list.map((v) => `${v.column}:${v.kind}`));
      const want = new Set(oracleSchema(t.columns, t.contract));
      const kinds = (xs: string[]) =>
        xs.length ? ` (${xs.map((x) => x.slice(x.lastIndexOf(":") + 1)).join(", ")})` : "";
      const missed = [...want].filter((x) => !got.has(x));
      const extra = [...got].filter((x) => !want.has(x));
      ok(missed.length + extra.length === 0 && got.size === list.length, {
        what: "violations should follow the stated rule",
        how: "as a set of (column, kind)",
        expected: "none missed, none extra, none repeated",
        actual: `${missed.length} missed${kinds(missed)}, ${extra.length} extra${kinds(extra)}, ${list.length - got.size} repeated`,
      });
    },
  },
};

/** Each property judges runs whose shape was checked first: the kernel's reply is untrusted. */
export const hidden: Record<string, HiddenProperty> = Object.fromEntries(
  Object.entries(properties).map(([k, p]) => [k, judgingRuns([p])[0]]),
);
