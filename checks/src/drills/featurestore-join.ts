/**
 * Drill 09: the point-in-time join. For each label row, the feature row of the same entity (`by`) with the latest
 * feature time ≤ label time (< when allowExactMatches is false) and, with a tolerance, labelTime − featureTime ≤
 * tolerance (inclusive) — pandas `merge_asof(direction="backward")`. Labels without such a row keep nulls (left
 * join). nodejs-polars' `joinAsof` does not verify sortedness when `by` is given and has no allowExactMatches.
 */
import pl from "nodejs-polars";
import * as fc from "fast-check";
import { call, equal, ok, property, throwsValueError } from "../assert";
import { fail } from "../failure";
import { fmt } from "../format";
import { loadFixture } from "../fixtures";
import type { LegacyCase as Case } from "../drill";

export interface AsOfOptions {
  by: string;
  labelTime: string;
  featureTime: string;
  tolerance?: string;
  allowExactMatches?: boolean;
}
export type PointInTimeJoin = (labels: pl.DataFrame, features: pl.DataFrame, opts: AsOfOptions) => pl.DataFrame;

type Row = Record<string, string | number | null>;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 };

/** A polars duration like "3d" or "1d12h" in milliseconds. */
export function durationMs(s: string): number {
  const parts = [...s.matchAll(/(\d+)(ms|s|m|h|d|w)/g)];
  return parts.reduce((a, [, n, u]) => a + Number(n) * UNIT_MS[u], 0);
}

/** Rows of a frame with times as epoch ms (records give Date objects for Datetime columns). */
export function rowsOf(df: pl.DataFrame): Row[] {
  return (df.toRecords() as Record<string, unknown>[]).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.getTime() : (v as string | number | null)])),
  );
}

/** merge_asof, backward, per entity, on plain rows; times in ms. */
export function oracleJoin(labels: Row[], features: Row[], o: AsOfOptions, featureCols: string[]): Row[] {
  const tol = o.tolerance === undefined ? Infinity : durationMs(o.tolerance);
  return labels.map((l) => {
    const t = l[o.labelTime] as number;
    let best: Row | undefined;
    for (const f of features) {
      const ft = f[o.featureTime] as number;
      const before = o.allowExactMatches === false ? ft < t : ft <= t;
      if (f[o.by] === l[o.by] && before && t - ft <= tol && (!best || ft >= (best[o.featureTime] as number))) best = f;
    }
    return { ...l, ...Object.fromEntries(featureCols.map((c) => [c, best ? best[c] : null])) };
  });
}

/** A row for messages: times as readable UTC instants rather than epoch ms. */
function showRow(r: Row, times: string[]): string {
  const iso = (v: unknown) => (typeof v === "number" ? new Date(v).toISOString().replace(/:00\.000Z$/, "Z").replace("T00:00Z", "") : v);
  return fmt(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, times.includes(k) ? iso(v) : v])));
}

const key = (r: Row, cols: string[]) => JSON.stringify(cols.map((c) => r[c]));
const sortRows = (rows: Row[], cols: string[]) => [...rows].sort((a, b) => (key(a, cols) < key(b, cols) ? -1 : key(a, cols) > key(b, cols) ? 1 : 0));

/** A frame from plain columns: `times` become Datetime(ms) (from epoch ms), `text` String; explicit dtypes keep empty columns typed. */
export function frame(cols: Record<string, (string | number | null)[]>, times: string[], text: string[] = ["user", "id"]): pl.DataFrame {
  const series = ([c, v]: [string, (string | number | null)[]]) =>
    times.includes(c) ? pl.Series(c, v.map((x) => (x === null ? null : new Date(x as number))), pl.Datetime("ms")) : text.includes(c) ? pl.Series(c, v, pl.String) : pl.Series(c, v, pl.Float64);
  return pl.DataFrame(Object.entries(cols).map(series));
}

/** Runs the candidate and compares its rows, in any order, with the oracle's; checks for future leaks first. */
export function expectJoin(impl: PointInTimeJoin, labels: pl.DataFrame, features: pl.DataFrame, o: AsOfOptions, input: string, expectedRows?: Row[]): void {
  const out: unknown = call("pointInTimeJoin(labels, features, opts)", () => impl(labels, features, { ...o }));
  const isFrame = typeof out === "object" && out !== null && typeof (out as pl.DataFrame).toRecords === "function" && Array.isArray((out as pl.DataFrame).columns);
  if (!isFrame) fail({ what: "pointInTimeJoin should return a pl.DataFrame", input, expected: "a DataFrame", actual: fmt(out) });
  const df = out as pl.DataFrame;
  const featureCols = features.columns.filter((c) => c !== o.by);
  const cols = [...labels.columns, ...featureCols];
  equal([...df.columns].sort(), [...cols].sort(), { what: "the output should have the label columns plus the feature columns (the `by` key once)", input });
  const got = call("reading the returned frame (toRecords)", () => rowsOf(df), { input });
  ok(got.length === labels.height, { what: "every label row should appear exactly once (a left join)", input, expected: `${labels.height} rows`, actual: `${got.length} rows`, hint: "an as-of join keeps labels that have no feature yet, with nulls; it never duplicates them." });
  for (const r of got) {
    const ft = r[o.featureTime] as number | null;
    const t = r[o.labelTime] as number;
    const leak = ft !== null && (ft > t || (o.allowExactMatches === false && ft === t));
    if (leak) fail({ what: "a label got a feature from its future (leakage)", input, expected: `featureTime ${o.allowExactMatches === false ? "<" : "≤"} labelTime`, actual: `row ${showRow(r, [o.labelTime, o.featureTime])}`, hint: "backward only: the latest feature at or before the label time, never after it." });
  }
  const want = expectedRows ?? oracleJoin(rowsOf(labels), rowsOf(features), o, featureCols);
  const sortCols = [o.by, o.labelTime, ...labels.columns.filter((c) => c !== o.by && c !== o.labelTime)];
  const a = sortRows(got, sortCols).map((r) => cols.map((c) => r[c] ?? null));
  const e = sortRows(want, sortCols).map((r) => cols.map((c) => r[c] ?? null));
  const i = e.findIndex((row, j) => JSON.stringify(row) !== JSON.stringify(a[j]));
  if (i >= 0) fail({ what: "the joined rows should match merge_asof (backward, per entity)", input, how: "rows compared in any order", expected: showRow(Object.fromEntries(cols.map((c, j) => [c, e[i][j]])), [o.labelTime, o.featureTime]), actual: showRow(Object.fromEntries(cols.map((c, j) => [c, a[i][j]])), [o.labelTime, o.featureTime]) });
}

interface JoinFixture {
  labels: Record<string, (string | number)[]>;
  features: Record<string, (string | number)[]>;
  joins: { tolerance: string | null; allowExactMatches: boolean; rows: Row[] }[];
}

const OPTS = { by: "user", labelTime: "label_time", featureTime: "feature_time" };

function fixtureCase(name: string, hint: string, pick: (j: JoinFixture["joins"][number]) => boolean): Case<{ pointInTimeJoin: PointInTimeJoin }> {
  return {
    name,
    hint,
    run(impl) {
      const fx = loadFixture<JoinFixture>("09-feature-store");
      const labels = frame(fx.labels, ["label_time"]);
      const features = frame(fx.features, ["feature_time"]);
      for (const j of fx.joins.filter(pick)) {
        const o: AsOfOptions = { ...OPTS, ...(j.tolerance ? { tolerance: j.tolerance } : {}), ...(j.allowExactMatches ? {} : { allowExactMatches: false }) };
        expectJoin(impl.pointInTimeJoin, labels, features, o, `fixture tables (9 labels, 8 features, 3 users), opts = ${fmt(o)}`, j.rows);
      }
    },
  };
}

const ROW = fc.record({ e: fc.constantFrom("a", "b", "c"), h: fc.integer({ min: 0, max: 30 }) });
const H = 3600e3;

export const joinCases: Case<{ pointInTimeJoin: PointInTimeJoin }>[] = [
  fixtureCase("as-of join matches pandas merge_asof (fixture)", "for each label: same entity, latest feature time at or before the label time.", (j) => j.tolerance === null && j.allowExactMatches),
  fixtureCase("tolerance is inclusive, as in merge_asof (fixture)", "a feature exactly `tolerance` old is still usable: the bound is ≤, not <.", (j) => j.tolerance !== null && j.allowExactMatches),
  fixtureCase("allowExactMatches: false uses only strictly earlier features (fixture)", "a feature stamped at the label time itself may not have been available yet; polars has no such option, so shift something by one tick.", (j) => !j.allowExactMatches),
  {
    name: "features of another entity are never used",
    hint: "join per entity: pass the key as `by`, with the same dtype on both sides.",
    run(impl) {
      const labels = frame({ user: ["u1", "u2"], t: [5 * H, 5 * H], y: [1, 0] }, ["t"]);
      const features = frame({ user: ["u2", "u1"], ft: [4 * H, 1 * H], f: [40, 10] }, ["ft"]);
      expectJoin(impl.pointInTimeJoin, labels, features, { by: "user", labelTime: "t", featureTime: "ft" }, "labels u1@5h, u2@5h; features u2@4h → 40, u1@1h → 10");
    },
  },
  {
    name: "property: unsorted random tables — never a future feature, always the latest past one",
    hint: "sort both sides by time before joinAsof: with `by`, polars does not check sortedness and silently returns wrong matches.",
    run(impl) {
      const arb = fc.record({
        labels: fc.array(ROW, { minLength: 1, maxLength: 12 }),
        features: fc.uniqueArray(ROW, { minLength: 0, maxLength: 16, selector: (r) => `${r.e}@${r.h}` }),
        tolerance: fc.constantFrom(undefined, "3h", "12h"),
        allowExactMatches: fc.constantFrom(undefined, true, false),
      });
      property(arb, (c) => {
        const labels = frame({ id: c.labels.map((r) => r.e), t: c.labels.map((r) => r.h * H), n: c.labels.map((_, i) => i) }, ["t"]);
        const features = frame({ id: c.features.map((r) => r.e), ft: c.features.map((r) => r.h * H), v: c.features.map((r) => r.h * 10 + r.e.charCodeAt(0)) }, ["ft"]);
        const o: AsOfOptions = { by: "id", labelTime: "t", featureTime: "ft", ...(c.tolerance ? { tolerance: c.tolerance } : {}), ...(c.allowExactMatches === undefined ? {} : { allowExactMatches: c.allowExactMatches }) };
        expectJoin(impl.pointInTimeJoin, labels, features, o, "random");
      }, { what: "point-in-time join on random unsorted tables (hours 0–30, entities a–c)", numRuns: 15 });
    },
  },
  {
    name: "invalid options throw ValueError naming the column",
    hint: "check that each named column exists on its side, and that the `by` key has the same dtype on both sides, before joining.",
    run(impl) {
      const labels = frame({ user: ["u1"], t: [5 * H] }, ["t"]);
      const features = frame({ user: ["u1"], ft: [1 * H], f: [1] }, ["ft"]);
      const numeric = pl.DataFrame([pl.Series("user", [1]), pl.Series("ft", [new Date(H)]), pl.Series("f", [1])]);
      const bad: [string, () => unknown, string][] = [
        ["labelTime: \"when\" (no such column in labels)", () => impl.pointInTimeJoin(labels, features, { by: "user", labelTime: "when", featureTime: "ft" }), "when"],
        ["featureTime: \"seen_at\" (no such column in features)", () => impl.pointInTimeJoin(labels, features, { by: "user", labelTime: "t", featureTime: "seen_at" }), "seen_at"],
        ["by: \"item\" (in neither table)", () => impl.pointInTimeJoin(labels, features, { by: "item", labelTime: "t", featureTime: "ft" }), "item"],
        ["by: \"user\" is a String in labels but a Float64 in features", () => impl.pointInTimeJoin(labels, numeric, { by: "user", labelTime: "t", featureTime: "ft" }), "user"],
      ];
      for (const [what, fn, col] of bad) throwsValueError("pointInTimeJoin", fn, { what: `${what} should be rejected`, input: what, mentions: [col] });
    },
  },
];
