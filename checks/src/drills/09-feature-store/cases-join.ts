/**
 * Drill 09's core hands-on part: the point-in-time join (oracle.ts: oracleJoin, pandas merge_asof backward per
 * entity). nodejs-polars' `joinAsof` does not verify sortedness when `by` is given and has no allowExactMatches.
 * Tables go to the kernel as plain columns (frames.ts); the joined rows come back as plain rows and are judged here.
 */
import { equal, ok, rejected } from "../../assert";
import type { Case } from "../../drill";
import { fail } from "../../failure";
import { fmt } from "../../format";
import { loadFixture } from "../../fixtures";
import { judgeSamples, samples } from "../../samples";
import { valueOf } from "../ran";
import type { Ran } from "../runs";
import type { AsOfOptions, JoinRun, PointInTimeJoin } from "./calls";
import { frameSpec, rowsOfSpec, type Cell, asFrameOut, type Row } from "./frames";
import { oracleJoin } from "./oracle";

/** A row for messages: times as readable UTC instants rather than epoch ms. */
function showRow(r: Row, times: string[]): string {
  const iso = (v: unknown) =>
    typeof v === "number"
      ? new Date(v)
          .toISOString()
          .replace(/:00\.000Z$/, "Z")
          .replace("T00:00Z", "")
      : v;
  return JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, times.includes(k) ? iso(v) : v])));
}

const key = (r: Row, cols: string[]) => JSON.stringify(cols.map((c) => r[c] ?? null));
const sortRows = (rows: Row[], cols: string[]) =>
  [...rows].sort((a, b) => (key(a, cols) < key(b, cols) ? -1 : key(a, cols) > key(b, cols) ? 1 : 0));

/** Judges one join's output against the oracle's rows (or the fixture's): shape, left join, no leak, same rows. */
export function judgeJoin(r: Ran | undefined, run: JoinRun, input: string, expectedRows?: Row[]): void {
  const out = asFrameOut(valueOf(r, "pointInTimeJoin(labels, features, opts)", { input }));
  if (!out.frame)
    return fail({
      what: "pointInTimeJoin should return a pl.DataFrame",
      input,
      expected: "a DataFrame",
      actual: out.what,
    });
  const o = run.opts;
  const labelCols = Object.keys(run.labels.columns);
  const featureCols = Object.keys(run.features.columns).filter((c) => c !== o.by);
  const cols = [...labelCols, ...featureCols];
  equal([...out.columns].sort(), [...cols].sort(), {
    what: "the output should have the label columns plus the feature columns (the `by` key once)",
    input,
  });
  const height = rowsOfSpec(run.labels).length;
  ok(out.rows.length === height, {
    what: "every label row should appear exactly once (a left join)",
    input,
    expected: `${height} rows`,
    actual: `${out.rows.length} rows`,
    hint: "an as-of join keeps labels that have no feature yet, with nulls; it never drops or duplicates them.",
  });
  for (const row of out.rows) {
    const ft = row[o.featureTime] as number | null;
    const t = row[o.labelTime] as number;
    const leak = ft !== null && (ft > t || (o.allowExactMatches === false && ft === t));
    if (leak)
      fail({
        what: "a label got a feature from its future (leakage)",
        input,
        expected: `featureTime ${o.allowExactMatches === false ? "<" : "≤"} labelTime`,
        actual: `row ${showRow(row, [o.labelTime, o.featureTime])}`,
        hint:
          o.allowExactMatches === false && ft === t
            ? "allowExactMatches: false means strictly earlier: a feature stamped at the label time itself was not available yet."
            : "backward only: the latest feature at or before the label time, never after it.",
      });
  }
  const want = expectedRows ?? oracleJoin(rowsOfSpec(run.labels), rowsOfSpec(run.features), o, featureCols);
  const sortCols = [o.by, o.labelTime, ...labelCols.filter((c) => c !== o.by && c !== o.labelTime)];
  const a = sortRows(out.rows, sortCols).map((row) => cols.map((c) => row[c] ?? null));
  const e = sortRows(want, sortCols).map((row) => cols.map((c) => row[c] ?? null));
  const i = e.findIndex((row, j) => JSON.stringify(row) !== JSON.stringify(a[j]));
  const asRow = (v: Cell[]) => Object.fromEntries(cols.map((c, j) => [c, v[j]]));
  if (i >= 0)
    fail({
      what: "the joined rows should match merge_asof (backward, per entity)",
      input,
      how: "rows compared in any order",
      expected: showRow(asRow(e[i]), [o.labelTime, o.featureTime]),
      actual: showRow(asRow(a[i]), [o.labelTime, o.featureTime]),
    });
}

interface JoinFixture {
  labels: Record<string, Cell[]>;
  features: Record<string, Cell[]>;
  joins: { tolerance: string | null; allowExactMatches: boolean; rows: Row[] }[];
}

const OPTS = { by: "user", labelTime: "label_time", featureTime: "feature_time" };
type Pick = (j: JoinFixture["joins"][number]) => boolean;

function fixtureRuns(pick: Pick): { run: JoinRun; rows: Row[] }[] {
  const fx = loadFixture<JoinFixture>("09-feature-store");
  return fx.joins.filter(pick).map((j) => ({
    run: {
      labels: frameSpec(fx.labels, ["label_time"]),
      features: frameSpec(fx.features, ["feature_time"]),
      opts: {
        ...OPTS,
        ...(j.tolerance ? { tolerance: j.tolerance } : {}),
        ...(j.allowExactMatches ? {} : { allowExactMatches: false }),
      },
    },
    rows: j.rows,
  }));
}

function fixtureCase(id: string, name: string, hint: string, pick: Pick): Case<PointInTimeJoin> {
  return {
    id,
    name,
    was: [name],
    hint,
    call: "join",
    input: () => ({ runs: fixtureRuns(pick).map((f) => f.run) }),
    judge(rs: Ran[]) {
      fixtureRuns(pick).forEach((f, i) =>
        judgeJoin(rs[i], f.run, `fixture tables (9 labels, 8 features, 3 users), opts = ${fmt(f.run.opts)}`, f.rows),
      );
    },
  };
}

const H = 3600e3;

const BY_ENTITY: JoinRun = {
  labels: frameSpec({ user: ["u1", "u2"], t: [5 * H, 5 * H], y: [1, 0] }, ["t"]),
  features: frameSpec({ user: ["u2", "u1"], ft: [4 * H, 1 * H], f: [40, 10] }, ["ft"]),
  opts: { by: "user", labelTime: "t", featureTime: "ft" },
};

const L1 = frameSpec({ user: ["u1"], t: [5 * H] }, ["t"]);
const F1 = frameSpec({ user: ["u1"], ft: [1 * H], f: [1] }, ["ft"]);
const BAD: [string, JoinRun, string][] = [
  [
    'labelTime: "when" (no such column in labels)',
    { labels: L1, features: F1, opts: { by: "user", labelTime: "when", featureTime: "ft" } },
    "when",
  ],
  [
    'featureTime: "seen_at" (no such column in features)',
    { labels: L1, features: F1, opts: { by: "user", labelTime: "t", featureTime: "seen_at" } },
    "seen_at",
  ],
  [
    'by: "item" (in neither table)',
    { labels: L1, features: F1, opts: { by: "item", labelTime: "t", featureTime: "ft" } },
    "item",
  ],
  [
    'by: "user" is a String in labels but a Float64 in features',
    {
      labels: L1,
      features: { columns: { user: [1], ft: [H], f: [1] }, dtypes: { user: "Float64", ft: "Datetime", f: "Float64" } },
      opts: { by: "user", labelTime: "t", featureTime: "ft" },
    },
    "user",
  ],
];

export const joinCases: Case<PointInTimeJoin>[] = [
  fixtureCase(
    "fixture-asof",
    "as-of join matches pandas merge_asof (fixture)",
    "for each label: same entity, latest feature time at or before the label time.",
    (j) => j.tolerance === null && j.allowExactMatches,
  ),
  fixtureCase(
    "fixture-tolerance",
    "tolerance is inclusive, as in merge_asof (fixture)",
    "a feature exactly `tolerance` old is still usable: the bound is ≤, not <.",
    (j) => j.tolerance !== null && j.allowExactMatches,
  ),
  fixtureCase(
    "fixture-strict",
    "allowExactMatches: false uses only strictly earlier features (fixture)",
    "a feature stamped at the label time itself may not have been available yet; polars has no such option, so shift something by one tick.",
    (j) => !j.allowExactMatches,
  ),
  {
    id: "by-entity",
    name: "features of another entity are never used",
    was: ["features of another entity are never used"],
    hint: "join per entity: pass the key as `by`, with the same dtype on both sides.",
    call: "join",
    input: () => ({ runs: [BY_ENTITY] }),
    judge: (rs: Ran[]) => judgeJoin(rs[0], BY_ENTITY, "labels u1@5h, u2@5h; features u2@4h → 40, u1@1h → 10"),
  },
  {
    id: "property-unsorted",
    name: "property: unsorted random tables — never a future feature, always the latest past one",
    was: ["property: unsorted random tables — never a future feature, always the latest past one"],
    hint: "sort both sides by time before joinAsof: with `by`, polars does not check sortedness and silently returns wrong matches.",
    call: "join",
    input: () => {
      const cases = samples(
        (fc) => {
          const row = fc.record({ e: fc.constantFrom("a", "b", "c"), h: fc.integer({ min: 0, max: 30 }) });
          return fc.record({
            labels: fc.array(row, { minLength: 1, maxLength: 12 }),
            features: fc.uniqueArray(row, { minLength: 0, maxLength: 16, selector: (r) => `${r.e}@${r.h}` }),
            tolerance: fc.constantFrom(undefined, "3h", "12h"),
            allowExactMatches: fc.constantFrom(undefined, true, false),
          });
        },
        { numRuns: 15 },
      );
      const runs: JoinRun[] = cases.map((c) => ({
        labels: frameSpec(
          { id: c.labels.map((r) => r.e), t: c.labels.map((r) => r.h * H), n: c.labels.map((_, i) => i) },
          ["t"],
        ),
        features: frameSpec(
          {
            id: c.features.map((r) => r.e),
            ft: c.features.map((r) => r.h * H),
            v: c.features.map((r) => r.h * 10 + r.e.charCodeAt(0)),
          },
          ["ft"],
        ),
        opts: {
          by: "id",
          labelTime: "t",
          featureTime: "ft",
          ...(c.tolerance ? { tolerance: c.tolerance } : {}),
          ...(c.allowExactMatches === undefined ? {} : { allowExactMatches: c.allowExactMatches }),
        } as AsOfOptions,
      }));
      return { runs };
    },
    judge(rs: Ran[], { runs }: { runs: JoinRun[] }) {
      const shown = runs.map((r) => ({ labels: r.labels.columns, features: r.features.columns, opts: r.opts }));
      judgeSamples(shown, rs, (s, r) => judgeJoin(r, runs[shown.indexOf(s)], "random"), {
        what: "point-in-time join on random unsorted tables (hours 0–30, entities a–c)",
      });
    },
  },
  {
    id: "rejects",
    name: "invalid options throw ValueError naming the column",
    was: ["invalid options throw ValueError naming the column"],
    hint: "check that each named column exists on its side, and that the `by` key has the same dtype on both sides, before joining.",
    call: "join",
    input: () => ({ runs: BAD.map(([, r]) => r) }),
    judge(rs: Ran[]) {
      BAD.forEach(([what, , col], i) =>
        rejected(rs[i]?.threw, "pointInTimeJoin", { what: `${what} should be rejected`, input: what, mentions: [col] }),
      );
    },
  },
];
