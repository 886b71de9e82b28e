/**
 * Drill 02, nodejs-polars 0.24.1 version: `imputeWithMedianPl(df, cols)` and the follow-up
 * `imputeWithGroupMedian(df, cols, by)`. polars keeps null and NaN apart: `median` drops nulls but ranks NaN as the
 * largest value, and `fillNull` leaves NaN in place — the drill counts NaN as missing, like pandas. Filling an
 * Int64 column with its (Float64) median promotes it to Float64, and `.cast(pl.Int64)` truncates; `round(0)` is
 * half to even. The group rule: a group with no values takes the column's overall median.
 */
import pl, { type DataType } from "nodejs-polars";
import * as fc from "fast-check";
import { call, ok, property, throwsValueError } from "../assert";
import { fail } from "../failure";
import { fmt } from "../format";
import type { Drill } from "../drill";
import { describeTable, expectColumn, fixture, groupOracle, isMissing, sameDeep, type Kind, type Table } from "./impute";
import { plainCases, type Adapter } from "./impute-cases";

export type ImputePolars = (df: pl.DataFrame, cols: string[]) => pl.DataFrame;
export type GroupImpute = (df: pl.DataFrame, cols: string[], by: string) => pl.DataFrame;

const DTYPE: Record<Kind, DataType> = { float: pl.Float64, int: pl.Int64, string: pl.String };
const name = (d: unknown) => String(d).replace(/^DataType\((.*)\)$/, "$1");

/** Cells go in as they are: null is polars's missing value; NaN cells test that NaN counts as missing too. */
function build(t: Table): pl.DataFrame {
  return pl.DataFrame(Object.entries(t.columns).map(([c, v]) => pl.Series(c, v, DTYPE[t.dtypes[c]])));
}

interface FrameLike {
  columns: unknown;
  dtypes: unknown[];
  toRecords(): Record<string, unknown>[];
}

/** Columns and dtype names of a frame; one toRecords() call, since every polars call costs ~1 ms of overhead. */
function columnsOf(f: FrameLike) {
  const records = f.toRecords();
  const names = f.columns as string[];
  const columns: Record<string, unknown[]> = {};
  const dtypes: Record<string, string> = {};
  names.forEach((c, j) => {
    columns[c] = records.map((r) => r[c]);
    dtypes[c] = name(f.dtypes[j]);
  });
  return { columns, dtypes };
}

function read(out: unknown, input: string) {
  const f = out as FrameLike;
  const isFrame = typeof out === "object" && out !== null && typeof f.toRecords === "function" && Array.isArray(f.columns) && Array.isArray(f.dtypes);
  if (!isFrame) fail({ what: "the function should return a polars DataFrame", input, expected: "a pl.DataFrame", actual: fmt(out) });
  return call("reading the returned frame", () => columnsOf(f), { input });
}

function snapshot(df: pl.DataFrame): [string, unknown][] {
  const { columns, dtypes } = columnsOf(df as unknown as FrameLike);
  return [["columns", [...df.columns]], ["dtypes", Object.values(dtypes)], ...Object.entries(columns).map(([c, v]): [string, unknown] => [`column "${c}"`, v])];
}

export const adapter: Adapter<pl.DataFrame> = {
  lib: "polars",
  fn: "imputeWithMedianPl",
  build,
  read,
  dtypeOf: (kind) => name(DTYPE[kind]),
  dtypeNote: (kind, actual) => (kind === "int" && actual.startsWith("Float") ? "fillNull with the median (a Float64) promotes the integer column to Float64" : undefined),
  snapshot,
  mutationNote: "expressions return new frames, but methods like insertAtIdx and replaceAtIdx change the frame in place",
};

export const imputePolarsDrill: Drill<ImputePolars> = {
  id: "02-impute-median",
  title: "Median imputer (nodejs-polars)",
  cases: plainCases(adapter),
};

/** Runs the candidate's grouped imputer and compares every column with the expected table. */
function expectGrouped(impl: GroupImpute, t: Table, cols: string[], by: string, what: string, expected = groupOracle(t, cols, by)) {
  const input = describeTable(t, cols, by);
  const df = build(t);
  const before = snapshot(df);
  const out = call(`imputeWithGroupMedian(df, ${JSON.stringify(cols)}, ${JSON.stringify(by)})`, () => impl(df, [...cols], by), { input });
  const got = read(out, input);
  const global = groupOracle({ ...t, columns: { ...t.columns, [by]: t.columns[by].map(() => "all") } }, cols, by);
  for (const [c, e] of Object.entries(expected)) {
    const ignoredBy = cols.includes(c) && sameDeep(got.columns[c], global[c]) && !sameDeep(e, global[c]);
    if (ignoredBy) fail({ what: `${what}: column "${c}" should be filled per group of "${by}"`, input, expected: fmt(e), actual: fmt(got.columns[c]), note: "every gap got the column's overall median: the groups were ignored" });
    const group = (i: number) => {
      const own = t.columns[c].filter((_, j) => t.columns[by][j] === t.columns[by][i]);
      return own.some((v) => !isMissing(v)) ? own : t.columns[c];
    };
    expectColumn(c, got.columns[c], e, { what, input, kind: t.dtypes[c], original: group, inCols: cols.includes(c) });
  }
  const after = snapshot(df);
  const diff = before.findIndex(([, v], i) => !sameDeep(v, after[i]?.[1]));
  ok(diff < 0, { what: "the input frame should be unchanged after the call", input, expected: `${before[diff]?.[0]}: ${fmt(before[diff]?.[1])}`, actual: fmt(after[diff]?.[1]) });
  return got;
}

const EMPTY_GROUP: Table = { columns: { g: ["a", "a", "b", "b", "c"], v: [1, 3, null, null, 10] }, dtypes: { g: "string", v: "float" } };

export const groupImputeDrill: Drill<GroupImpute> = {
  id: "02-impute-median",
  title: "Group median imputer (nodejs-polars)",
  cases: [
    {
      name: "group: matches pandas groupby-transform median",
      hint: "each gap takes the median of its own group's present values; keep the rows in their original order.",
      run(impl) {
        const { groups, meta } = fixture();
        for (const g of groups) expectGrouped(impl, g, g.cols, g.by, `pandas ${meta.pandas} parity (${g.name})`, g.expected);
      },
    },
    {
      name: "group: a group with no values takes the column's median",
      hint: "a group whose values are all missing has no median of its own: fall back to the median of the whole column.",
      run(impl) {
        expectGrouped(impl, EMPTY_GROUP, ["v"], "g", 'group "b" has no values of v');
      },
    },
    {
      name: "group: dtypes are preserved",
      hint: "an integer column stays integer: round each group's fill value half to even, in the column's dtype.",
      run(impl) {
        // Whole-number group medians (2 and 8), so a Float64 result has the right values and only the dtype is off.
        const t: Table = { columns: { g: ["a", "b", "a", "b", "a"], units: [1, 7, null, 9, 3], w: [0.5, null, 1.5, 2, null] }, dtypes: { g: "string", units: "int", w: "float" } };
        const got = expectGrouped(impl, t, ["units", "w"], "g", "dtypes");
        for (const c of Object.keys(t.columns)) {
          const want = name(DTYPE[t.dtypes[c]]);
          ok(got.dtypes[c] === want, { what: `column "${c}" should keep its dtype`, input: describeTable(t, ["units", "w"], "g"), expected: want, actual: got.dtypes[c], note: adapter.dtypeNote(t.dtypes[c], got.dtypes[c]) });
        }
      },
    },
    {
      name: "group: ValueError for a missing by, a missing column or an all-missing column",
      hint: "validate by and every column of cols first, and name the one that is wrong.",
      run(impl) {
        const t: Table = { columns: { g: ["a", "b"], v: [1, null], empty: [null, null] }, dtypes: { g: "string", v: "float", empty: "float" } };
        const input = describeTable(t);
        for (const [cols, by, culprit] of [[["v"], "nope", "nope"], [["v", "gone"], "g", "gone"], [["empty"], "g", "empty"]] as const) {
          throwsValueError(`imputeWithGroupMedian(df, ${JSON.stringify(cols)}, "${by}")`, () => impl(build(t), [...cols], by), { what: `"${culprit}" should be rejected`, input, mentions: [culprit] });
        }
      },
    },
    {
      name: "group: property: matches a per-group median oracle on random frames",
      hint: "rebuild the shrunk frame shown (columns g, f, i; NaN in f is missing too) and take each group's median by hand.",
      run(impl) {
        const cell = (v: fc.Arbitrary<number>) => fc.option(v, { nil: null, freq: 3 });
        const half = fc.integer({ min: -40, max: 40 }).map((v) => v / 2);
        const present = (v: number | null) => v !== null && !Number.isNaN(v);
        // Shown as [g, f, i] column arrays: fmt prints NaN in arrays, while JSON would turn it into null.
        const arb = fc
          .array(fc.tuple(fc.constantFrom("a", "b", "c"), cell(fc.oneof({ arbitrary: half, weight: 4 }, { arbitrary: fc.constant(NaN), weight: 1 })), cell(fc.integer({ min: -9, max: 9 }))), { minLength: 1, maxLength: 10 })
          .filter((rows) => rows.some((r) => present(r[1])) && rows.some((r) => present(r[2])))
          .map((rows) => [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])] as const);
        property(arb, ([g, f, i]) => {
          const t: Table = { columns: { g, f, i }, dtypes: { g: "string", f: "float", i: "int" } };
          expectGrouped(impl, t, ["f", "i"], "g", "random frame");
        }, { what: "imputeWithGroupMedian on random frames", numRuns: 8 });
      },
    },
  ],
};
