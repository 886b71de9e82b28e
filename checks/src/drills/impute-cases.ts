/**
 * The cases of the plain median imputer, written once over a small adapter so the danfojs and nodejs-polars
 * checks hold both answers to the same rules. Case names carry the library ("danfo: …", "polars: …") because all
 * reports of drill 02 share one id and a report's JSON is keyed by drill id + case name.
 */
import * as fc from "fast-check";
import { call, ok, property, throwsValueError } from "../assert";
import { fail } from "../failure";
import { fmt } from "../format";
import type { LegacyCase as Case } from "../drill";
import { describeTable, expectColumn, fixture, imputeOracle, sameDeep, type Kind, type Table } from "./impute";

/** How a null float cell is written into the library's frame: its native missing value, or every form in turn. */
export type MissingForm = "native" | "mixed";

export interface Adapter<F> {
  lib: "danfo" | "polars";
  /** The candidate's function name in this library's version, for messages. */
  fn: string;
  build(t: Table, missing?: MissingForm): F;
  /** Reads the candidate's result, failing with a readable message when it is not a frame of this library. */
  read(out: unknown, input: string): { columns: Record<string, unknown[]>; dtypes: Record<string, string> };
  dtypeOf(kind: Kind): string;
  /** Why a dtype changed, when the library explains it. */
  dtypeNote(kind: Kind, actual: string): string | undefined;
  /** A deep copy of everything the candidate could mutate, in labelled parts ("row 3", "dtypes") for messages. */
  snapshot(df: F): [label: string, value: unknown][];
  /** What the library does by default that the candidate must get around, for the mutation hint. */
  mutationNote: string;
}

type Impl<F> = (df: F, cols: string[]) => F;

function runOn<F>(a: Adapter<F>, impl: Impl<F>, t: Table, cols: string[], missing?: MissingForm) {
  const input = describeTable(t, cols);
  const out = call(`${a.fn}(df, ${JSON.stringify(cols)})`, () => impl(a.build(t, missing), [...cols]), { input });
  return { input, ...a.read(out, input) };
}

function expectTable<F>(a: Adapter<F>, impl: Impl<F>, t: Table, cols: string[], what: string, missing?: MissingForm, expected = imputeOracle(t, cols)) {
  const got = runOn(a, impl, t, cols, missing);
  for (const [c, e] of Object.entries(expected)) {
    expectColumn(c, got.columns[c], e, { what, input: got.input, kind: t.dtypes[c], original: t.columns[c], inCols: cols.includes(c) });
  }
  return got;
}

const DRIFT: Table = { columns: { n: [1, null, 2, 4] }, dtypes: { n: "float" } };
const ONLY: Table = { columns: { a: [1, null, 3], b: [null, 5.5, 7], c: [null, 1, 2] }, dtypes: { a: "float", b: "float", c: "int" } };
const BAD: Table = { columns: { v: [1, 2], city: ["x", "y"], empty: [null, null] }, dtypes: { v: "float", city: "string", empty: "float" } };

export function plainCases<F>(a: Adapter<F>): Case<Impl<F>>[] {
  const p = `${a.lib}: `;
  return [
    {
      name: `${p}matches pandas fillna(median) on the fixture frames`,
      hint: "take each column's median over its present values only, then fill; leave other columns alone.",
      run(impl) {
        const { frames, meta } = fixture();
        for (const f of frames) expectTable(a, impl, f, f.cols, `pandas ${meta.pandas} parity (${f.name})`, "native", f.expected);
      },
    },
    {
      name: `${p}dtypes are preserved (int stays int, median rounded half to even)`,
      hint: "decide each column's fill value in its own dtype before filling: an integer column needs an integer.",
      run(impl) {
        const { frames } = fixture();
        for (const t of [frames[0], DRIFT]) {
          const cols = Object.keys(t.columns).filter((c) => t.dtypes[c] !== "string" && (t === DRIFT || frames[0].cols.includes(c)));
          const got = runOn(a, impl, t, cols);
          for (const c of Object.keys(t.columns)) {
            const want = a.dtypeOf(t.dtypes[c]);
            ok(got.dtypes[c] === want, { what: `column "${c}" should keep its dtype`, input: got.input, expected: want, actual: String(got.dtypes[c]), note: a.dtypeNote(t.dtypes[c], String(got.dtypes[c])) });
          }
        }
      },
    },
    {
      name: `${p}every form of missing value counts as missing`,
      hint: a.lib === "polars" ? "NaN is missing too here (as in pandas), but polars's median and fillNull only know null." : "NaN, null and undefined are all missing: none of them may enter the median, all must be filled.",
      run(impl) {
        const t: Table = { columns: { v: [2, null, 8, NaN, 4, null, 6, NaN] }, dtypes: { v: "float" } };
        expectTable(a, impl, t, ["v"], a.lib === "polars" ? "missing as null and NaN" : "missing as NaN, null and undefined", "mixed");
      },
    },
    {
      name: `${p}only the columns in cols change`,
      hint: "fill the columns you were given, not every column with gaps.",
      run(impl) {
        expectTable(a, impl, ONLY, ["a"], "cols = [\"a\"]");
      },
    },
    {
      name: `${p}the input frame is not mutated`,
      hint: `work on a deep copy of the data, not on the frame you were given (${a.mutationNote}).`,
      run(impl) {
        const t = fixture().frames[0];
        const df = a.build(t);
        const before = a.snapshot(df);
        call(`${a.fn}(df, cols)`, () => impl(df, [...t.cols]));
        const after = a.snapshot(df);
        const diff = before.findIndex(([, v], i) => !sameDeep(v, after[i]?.[1]));
        if (diff < 0) return;
        const [label, was] = before[diff];
        fail({ what: "the input frame should be unchanged after the call", input: describeTable(t, t.cols), expected: `${label}: ${fmt(was)}`, actual: `${label}: ${fmt(after[diff]?.[1])}`, note: a.mutationNote });
      },
    },
    {
      name: `${p}ValueError for a missing, non-numeric or all-missing column`,
      hint: "check every name in cols before filling: present, numeric, with at least one value — and say which one failed.",
      run(impl) {
        const input = describeTable(BAD);
        for (const [col, why] of [["nope", "is not in the frame"], ["city", "is a string column"], ["empty", "has no values, so no median"]]) {
          throwsValueError(`${a.fn}(df, ["v", "${col}"])`, () => impl(a.build(BAD), ["v", col]), { what: `column "${col}" ${why}`, input, mentions: [col] });
        }
      },
    },
    {
      name: `${p}property: matches a float64 median oracle on random frames`,
      hint: "rebuild the shrunk frame shown and compute each median by hand (sorted present values, middle one or mean of two).",
      run(impl) {
        const cell = (v: fc.Arbitrary<number>) => fc.option(v, { nil: null, freq: 3 });
        const arb = fc
          .array(fc.tuple(cell(fc.integer({ min: -400, max: 400 }).map((v) => v / 4)), cell(fc.integer({ min: -50, max: 50 }))), { minLength: 1, maxLength: 12 })
          .filter((rows) => rows.some((r) => r[0] !== null) && rows.some((r) => r[1] !== null))
          .map((rows) => ({ f: rows.map((r) => r[0]), i: rows.map((r) => r[1]) }));
        property(arb, (columns) => {
          const t: Table = { columns, dtypes: { f: "float", i: "int" } };
          const got = expectTable(a, impl, t, ["f", "i"], "random frame");
          if (got.dtypes.i !== a.dtypeOf("int")) fail({ what: 'column "i" should keep its dtype', input: got.input, expected: a.dtypeOf("int"), actual: String(got.dtypes.i) });
        }, { what: `${a.fn} on random frames`, numRuns: a.lib === "polars" ? 8 : 40 });
      },
    },
  ];
}
