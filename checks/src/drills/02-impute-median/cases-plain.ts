/**
 * Drill 02's core cases, written once for both libraries so the danfojs and nodejs-polars answers are held to the
 * same rules. Each case is split: a call (calls.ts) runs the imputer on a plain frame in the kernel, and the judge
 * compares the returned columns and dtypes with the oracle here.
 */
import { rejected } from "../../assert";
import type { Case } from "../../drill";
import { judgeSamples, samples } from "../../samples";
import { FN, expectColumn, expectDtypes, expectIntact, returned, type Lib } from "./compare";
import { fixture, imputeOracle } from "./oracle";
import { cleanMessage, describeTable, names, type Cell, type Kind, type Ran, type Run, type Table } from "./table";

const DRIFT: Table = { columns: { n: [1, null, 2, 4] }, dtypes: { n: "float" } };
const ONLY: Table = {
  columns: { a: [1, null, 3], b: [null, 5.5, 7], c: [null, 1, 2] },
  dtypes: { a: "float", b: "float", c: "int" },
};
const BAD: Table = {
  columns: { v: [1, 2], city: ["x", "y"], empty: [null, null] },
  dtypes: { v: "float", city: "string", empty: "float" },
};
const MIXED: Table = { columns: { v: [2, null, 8, NaN, 4, null, 6, NaN] }, dtypes: { v: "float" } };

export const MUTATION_NOTE: Record<Lib, string> = {
  danfo: "danfo's non-inplace fillNa writes into the input's rows, and copy() shares them",
  polars: "expressions return new frames, but methods like insertAtIdx and replaceAtIdx change the frame in place",
};

const MUTATION_HINT: Record<Lib, string> = {
  danfo: "copy each row array of df.values yourself, fill the copies, and build a new DataFrame from them.",
  polars:
    "build the result with expressions (df.withColumns(...) returns a new frame); never call the in-place methods on df.",
};

const label = (lib: Lib, r: Run) => `${FN[lib]}(df, ${names(r.cols)})`;

/** Every column of the run's result equals the expected table (computed by the oracle unless given). */
export function expectFilled(
  lib: Lib,
  r: Run,
  got: Ran,
  what: string,
  expected: Record<string, Cell[]> = imputeOracle(r, r.cols),
): void {
  const input = describeTable(r, r.cols);
  returned(got, label(lib, r), what, input);
  for (const [c, e] of Object.entries(expected)) {
    expectColumn(c, got.columns[c], e, {
      what,
      input,
      kind: r.dtypes[c],
      original: r.columns[c],
      inCols: r.cols.includes(c),
    });
  }
}

/** Random frames: a float column on a 0.25 grid and an int column, each with some nulls and at least one value. */
function randomRuns(numRuns: number): Run[] {
  return samples(
    (fc) => {
      const cell = (v: ReturnType<typeof fc.integer>) => fc.option(v, { nil: null, freq: 3 });
      return fc
        .array(
          fc.tuple(
            cell(fc.integer({ min: -400, max: 400 }).map((v) => v / 4) as never),
            cell(fc.integer({ min: -50, max: 50 })),
          ),
          { minLength: 1, maxLength: 12 },
        )
        .filter((rows) => rows.some((r) => r[0] !== null) && rows.some((r) => r[1] !== null))
        .map((rows): Run => ({
          columns: { f: rows.map((r) => r[0]), i: rows.map((r) => r[1]) },
          dtypes: { f: "float", i: "int" },
          cols: ["f", "i"],
        }));
    },
    { numRuns },
  );
}

export function plainCases(lib: Lib, want: Record<Kind, string>): Case[] {
  const p = `${lib}: `;
  const fx = () => fixture();
  const frame = (i: number): Run => ({ ...fx().frames[i], missing: "native" });
  // The fixture is read when a case runs, not when the module loads.
  const fixtureCase = (i: number, id: string, label: string, was?: string[]): Case => ({
    id,
    name: `matches pandas's median fill, int columns rounded half to even (fixture "${label}")`,
    was,
    hint: "take each column's median over its present values only, then fill; leave other columns alone.",
    call: lib,
    input: () => frame(i),
    judge: (got: Ran, r: Run) =>
      expectFilled(lib, r, got, `pandas ${fx().meta.pandas} fixture "${fx().frames[i].name}"`, fx().frames[i].expected),
  });
  const reject = (id: string, col: string, why: string): Case => ({
    id,
    name: `ValueError naming a column that ${why}`,
    was: id === "rejects-missing" ? [`${p}ValueError for a missing, non-numeric or all-missing column`] : undefined,
    hint: "check every name in cols before filling: present, numeric, with at least one value — and say which one failed.",
    call: lib,
    input: (): Run => ({ ...BAD, cols: ["v", col] }),
    judge(got: Ran, r: Run) {
      const threw = got.threw ? { name: got.threw.name, message: cleanMessage(got.threw.message) } : null;
      const own =
        threw && threw.name !== "ValueError"
          ? "that is the library's own error: validate cols yourself and throw ValueError naming the column"
          : undefined;
      rejected(threw, label(lib, r), {
        what: `column "${col}" ${why}`,
        input: describeTable(BAD, r.cols),
        mentions: [col],
        note: own,
      });
    },
  });
  return [
    fixtureCase(0, "fixture-basic", "basic", [`${p}matches pandas fillna(median) on the fixture frames`]),
    fixtureCase(1, "fixture-odd", "odd count"),
    {
      id: "dtypes-int",
      name: "an int column stays int (its median rounded half to even)",
      was: [`${p}dtypes are preserved (int stays int, median rounded half to even)`],
      hint: "decide each column's fill value in its own dtype before filling: an integer column needs an integer.",
      call: lib,
      input: () => frame(0),
      judge(got: Ran, r: Run) {
        const input = describeTable(r, r.cols);
        returned(got, label(lib, r), "dtypes", input);
        expectDtypes(lib, got.dtypes, r.dtypes, want, input);
      },
    },
    {
      id: "dtypes-float",
      name: "a float column stays float, even when every value is whole",
      hint: "the output's dtypes must equal the input's: don't let the library re-infer them from the filled values.",
      call: lib,
      input: (): Run => ({ ...DRIFT, cols: ["n"] }),
      judge(got: Ran, r: Run) {
        const input = describeTable(r, r.cols);
        returned(got, label(lib, r), "dtypes", input);
        expectDtypes(lib, got.dtypes, r.dtypes, want, input);
      },
    },
    {
      id: "missing-forms",
      name: "every form of missing value counts as missing",
      was: [`${p}every form of missing value counts as missing`],
      hint:
        lib === "polars"
          ? "NaN is missing too here (as in pandas), but polars's median and fillNull only know null."
          : "NaN, null and undefined are all missing: none of them may enter the median, all must be filled.",
      call: lib,
      input: (): Run => ({ ...MIXED, cols: ["v"], missing: "mixed" }),
      judge: (got: Ran, r: Run) =>
        expectFilled(lib, r, got, lib === "polars" ? "missing as null and NaN" : "missing as NaN, null and undefined"),
    },
    {
      id: "only-cols",
      name: "only the columns in cols change",
      was: [`${p}only the columns in cols change`],
      hint: "fill the columns you were given, not every column with gaps.",
      call: lib,
      input: (): Run => ({ ...ONLY, cols: ["a"] }),
      judge: (got: Ran, r: Run) => expectFilled(lib, r, got, 'cols = ["a"]'),
    },
    {
      id: "no-mutation",
      name: "the input frame is not mutated",
      was: [`${p}the input frame is not mutated`],
      hint: MUTATION_HINT[lib],
      inKernel: true,
      call: lib,
      input: () => frame(0),
      judge: (got: Ran, r: Run) => expectIntact(got, describeTable(r, r.cols), MUTATION_NOTE[lib]),
    },
    reject("rejects-missing", "nope", "is not in the frame"),
    reject("rejects-string", "city", "is a string column"),
    reject("rejects-empty", "empty", "has no values, so no median"),
    {
      id: "property",
      name: "property: matches a float64 median oracle on random frames",
      was: [`${p}property: matches a float64 median oracle on random frames`],
      hint: "rebuild the smallest failing frame shown and compute each median by hand (sorted present values, middle one or mean of two).",
      call: `${lib}-many`,
      // polars pays ~1 ms per call of overhead, danfo less.
      input: () => ({ runs: randomRuns(lib === "polars" ? 12 : 40) }),
      judge({ results }: { results: Ran[] }, { runs }: { runs: Run[] }) {
        const shown = runs.map((r) => describeTable(r, r.cols));
        judgeSamples(
          shown,
          results,
          (s, got) => {
            const r = runs[shown.indexOf(s)];
            expectFilled(lib, r, got ?? { mutated: null }, "random frame");
            expectDtypes(lib, got.dtypes!, { i: "int" }, want, describeTable(r, r.cols));
          },
          { what: `${FN[lib]} on random frames` },
        );
      },
    },
  ];
}
