/**
 * Drill 02's stretch part (★★): the median per group of `by` (pandas's groupby(by)[c].transform("median")), with
 * the column's median for a group that has no values. Split like the core: the call runs in the kernel, the judges
 * compare with the per-group oracle here.
 */
import { rejected } from "../../assert";
import type { Case } from "../../drill";
import { fail } from "../../failure";
import { judgeSamples, samples } from "../../samples";
import { FN, expectColumn, expectDtypes, expectIntact, returned } from "./compare";
import { MUTATION_NOTE } from "./cases-plain";
import { fixture, groupOracle, isMissing } from "./oracle";
import {
  cleanMessage,
  describeTable,
  names,
  POLARS_DTYPE,
  sameDeep,
  show,
  type Cell,
  type Ran,
  type Run,
  type Table,
} from "./table";

const label = (r: Run) => `${FN.group}(df, ${names(r.cols)}, ${JSON.stringify(r.by)})`;

/** Compares every column with the per-group oracle; names the cause when the groups were ignored altogether. */
export function expectGrouped(
  r: Run,
  got: Ran,
  what: string,
  expected: Record<string, Cell[]> = groupOracle(r, r.cols, r.by!),
): void {
  const by = r.by!;
  const input = describeTable(r, r.cols, by);
  returned(got, label(r), what, input);
  const global = groupOracle({ ...r, columns: { ...r.columns, [by]: r.columns[by].map(() => "all") } }, r.cols, by);
  for (const [c, e] of Object.entries(expected)) {
    const ignoredBy = r.cols.includes(c) && sameDeep(got.columns[c], global[c]) && !sameDeep(e, global[c]);
    if (ignoredBy) {
      fail({
        what: `${what}: column "${c}" should be filled per group of "${by}"`,
        input,
        expected: show(e),
        actual: show(got.columns[c]),
        note: "every gap got the column's overall median: the groups were ignored",
        hint: "take the median over each group's rows (polars: median().over(by)), not over the whole column.",
      });
    }
    const group = (i: number) => {
      const own = r.columns[c].filter((_, j) => r.columns[by][j] === r.columns[by][i]);
      return own.some((v) => !isMissing(v)) ? own : r.columns[c];
    };
    expectColumn(c, got.columns[c], e, { what, input, kind: r.dtypes[c], original: group, inCols: r.cols.includes(c) });
  }
}

const EMPTY_GROUP: Table = {
  columns: { g: ["a", "a", "b", "b", "c"], v: [1, 3, null, null, 10] },
  dtypes: { g: "string", v: "float" },
};
// Whole-number group medians (2 and 8), so a Float64 result has the right values and only the dtype is off.
const DTYPES: Table = {
  columns: { g: ["a", "b", "a", "b", "a"], units: [1, 7, null, 9, 3], w: [0.5, null, 1.5, 2, null] },
  dtypes: { g: "string", units: "int", w: "float" },
};
const BAD: Table = {
  columns: { g: ["a", "b"], v: [1, null], empty: [null, null] },
  dtypes: { g: "string", v: "float", empty: "float" },
};
const WAS_REJECT = "group: ValueError for a missing by, a missing column or an all-missing column";

function randomRuns(numRuns: number): Run[] {
  return samples(
    (fc) => {
      const cell = <T>(v: import("fast-check").Arbitrary<T>) => fc.option(v, { nil: null, freq: 3 });
      const half = fc.integer({ min: -40, max: 40 }).map((v) => v / 2);
      const present = (v: number | null) => v !== null && !Number.isNaN(v);
      return fc
        .array(
          fc.tuple(
            fc.constantFrom("a", "b", "c"),
            cell(fc.oneof({ arbitrary: half, weight: 4 }, { arbitrary: fc.constant(NaN), weight: 1 })),
            cell(fc.integer({ min: -9, max: 9 })),
          ),
          { minLength: 1, maxLength: 10 },
        )
        .filter((rows) => rows.some((x) => present(x[1])) && rows.some((x) => present(x[2])))
        .map((rows): Run => ({
          columns: { g: rows.map((x) => x[0]), f: rows.map((x) => x[1]), i: rows.map((x) => x[2]) },
          dtypes: { g: "string", f: "float", i: "int" },
          cols: ["f", "i"],
          by: "g",
        }));
    },
    { numRuns },
  );
}

const reject = (id: string, cols: string[], by: string, culprit: string, was?: string[]): Case => ({
  id,
  name: `ValueError naming ${culprit === by ? `a by column that is not in the frame` : culprit === "empty" ? "a column with no values" : "a column that is not in the frame"}`,
  was,
  hint: "validate by and every column of cols first, and name the one that is wrong.",
  call: "group",
  input: (): Run => ({ ...BAD, cols, by }),
  judge(got: Ran, r: Run) {
    const threw = got.threw ? { name: got.threw.name, message: cleanMessage(got.threw.message) } : null;
    const own =
      threw && threw.name !== "ValueError"
        ? "that is the library's own error: validate by and cols yourself"
        : undefined;
    rejected(threw, label(r), {
      what: `"${culprit}" should be rejected`,
      input: describeTable(BAD),
      mentions: [culprit],
      note: own,
    });
  },
});

export const groupCases: Case[] = [
  {
    id: "fixture-stores",
    name: "matches pandas's groupby-transform median on the fixture",
    was: ["group: matches pandas groupby-transform median"],
    hint: "each gap takes the median of its own group's present values; keep the rows in their original order.",
    call: "group",
    input: (): Run => ({ ...fixture().groups[0], missing: "native" }),
    judge: (got: Ran, r: Run) =>
      expectGrouped(
        r,
        got,
        `pandas ${fixture().meta.pandas} parity (${fixture().groups[0].name})`,
        fixture().groups[0].expected,
      ),
  },
  {
    id: "empty-group",
    name: "a group with no values takes the column's median",
    was: ["group: a group with no values takes the column's median"],
    hint: "a group whose values are all missing has no median of its own: fall back to the median of the whole column.",
    call: "group",
    input: (): Run => ({ ...EMPTY_GROUP, cols: ["v"], by: "g" }),
    judge: (got: Ran, r: Run) => expectGrouped(r, got, 'group "b" has no values of v'),
  },
  {
    id: "dtypes",
    name: "dtypes are preserved",
    was: ["group: dtypes are preserved"],
    hint: "an integer column stays integer: round each group's fill value half to even, in the column's dtype.",
    call: "group",
    input: (): Run => ({ ...DTYPES, cols: ["units", "w"], by: "g" }),
    judge(got: Ran, r: Run) {
      expectGrouped(r, got, "dtypes");
      expectDtypes("polars", got.dtypes!, r.dtypes, POLARS_DTYPE, describeTable(r, r.cols, r.by));
    },
  },
  reject("rejects-by", ["v"], "nope", "nope", [WAS_REJECT]),
  reject("rejects-missing", ["v", "gone"], "g", "gone"),
  reject("rejects-empty", ["empty"], "g", "empty"),
  {
    id: "no-mutation",
    name: "the input frame is not mutated",
    hint: "build the result with expressions (df.withColumns(...) returns a new frame); never call the in-place methods on df.",
    inKernel: true,
    call: "group",
    input: (): Run => ({ ...DTYPES, cols: ["units", "w"], by: "g" }),
    judge: (got: Ran, r: Run) => expectIntact(got, describeTable(r, r.cols, r.by), MUTATION_NOTE.polars),
  },
  {
    id: "property",
    name: "property: matches a per-group median oracle on random frames",
    was: ["group: property: matches a per-group median oracle on random frames"],
    hint: "rebuild the smallest failing frame shown (columns g, f, i; NaN in f is missing too) and take each group's median by hand.",
    call: "group-many",
    input: () => ({ runs: randomRuns(12) }),
    judge({ results }: { results: Ran[] }, { runs }: { runs: Run[] }) {
      // Shown as describeTable's text: it prints NaN, where JSON would turn it into null.
      const shown = runs.map((r) => describeTable(r, r.cols, r.by));
      judgeSamples(
        shown,
        results,
        (s, got) => expectGrouped(runs[shown.indexOf(s)], got ?? { mutated: null }, "random frame"),
        { what: `${FN.group} on random frames` },
      );
    },
  },
];
