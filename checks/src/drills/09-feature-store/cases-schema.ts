/**
 * Drill 09, stretch part: schema validation against a data contract (oracle.ts: oracleSchema). Frames and contracts
 * go to the kernel as plain columns with dtype names; the violations come back as plain objects.
 */
import { equal, ok } from "../../assert";
import type { Case } from "../../drill";
import { fmt, fmtExact } from "../../format";
import { judgeSamples, samples } from "../../samples";
import { valueOf } from "../ran";
import type { Ran } from "../runs";
import type { PlainContract, SchemaRun, ValidateSchema } from "./calls";
import type { Columns } from "./frames";
import { oracleSchema } from "./oracle";

const describe = (cols: Columns, contract: PlainContract) =>
  `df = {${Object.entries(cols)
    .map(([n, c]) => `${n}: ${c.dtype} ${fmtExact(c.values)}`)
    .join(", ")}}; contract = {${Object.entries(contract)
    .map(
      ([n, c]) =>
        `${n}: ${c.dtype}${c.maxNullRate !== undefined ? ` nulls ≤ ${c.maxNullRate}` : ""}${c.min !== undefined || c.max !== undefined ? ` in [${c.min ?? "−∞"}, ${c.max ?? "∞"}]` : ""}`,
    )
    .join(", ")}}`;

type Note = (got: string[]) => { note: string; hint?: string } | undefined;

function judgeViolations(r: Ran | undefined, { columns, contract }: SchemaRun, what: string, note?: Note): void {
  const input = describe(columns, contract);
  const out = valueOf(r, "validateSchema(df, contract)", { input });
  ok(Array.isArray(out), {
    what: "validateSchema should return an array of violations",
    input,
    expected: "Violation[] ([] when clean)",
    actual: fmt(out),
  });
  const shapeOk = out.every(
    (v) =>
      typeof v === "object" &&
      v !== null &&
      typeof v.column === "string" &&
      ["missing", "dtype", "nullRate", "range"].includes(v.kind) &&
      typeof v.message === "string" &&
      v.message.length > 0,
  );
  ok(shapeOk, {
    what: "each violation should be { column, kind, message }",
    input,
    expected: 'kind one of "missing", "dtype", "nullRate", "range", and a non-empty message',
    actual: fmt(out),
  });
  const got = (out as { column: string; kind: string }[]).map((v) => `${v.column}:${v.kind}`).sort();
  equal(got, oracleSchema(columns, contract), { what, input, how: "as a set of column:kind", ...(note?.(got) ?? {}) });
}

const CONTRACT: PlainContract = {
  age: { dtype: "Int64", maxNullRate: 0, min: 0, max: 120 },
  income: { dtype: "Float64", maxNullRate: 0.25, min: 0 },
  country: { dtype: "String", maxNullRate: 0.5 },
};
const CLEAN: Columns = {
  age: { dtype: "Int64", values: [34, 51, 0, 120] },
  income: { dtype: "Float64", values: [1200.5, null, 0, 88] },
  country: { dtype: "String", values: ["DE", "FR", null, "DE"] },
};
const { age, income } = CLEAN;

/** One schema case: its runs and, per run, what it checks and the cause to name when the answer shows it. */
function schemaCase(
  id: string,
  name: string,
  hint: string,
  runs: [SchemaRun, string, Note?][],
  was = [name],
): Case<ValidateSchema> {
  return {
    id,
    name,
    was,
    hint,
    call: "schema",
    input: () => ({ runs: runs.map(([r]) => r) }),
    judge: (rs: Ran[]) => runs.forEach(([r, what, note], i) => judgeViolations(rs[i], r, what, note)),
  };
}

export const schemaCases: Case<ValidateSchema>[] = [
  schemaCase(
    "clean",
    "schema: a frame that meets the contract has no violations",
    "bounds are inclusive (0 and 120 are valid ages), a null rate equal to its bound is allowed, and extra columns are fine.",
    [
      [
        { columns: { ...CLEAN, extra: { dtype: "Float64", values: [1, 2, 3, 4] } }, contract: CONTRACT },
        "a clean frame should give []",
      ],
    ],
  ),
  schemaCase(
    "missing",
    "schema: a missing column is reported, not thrown",
    "check df.columns before df.getColumn: a contract is for reporting every problem at once.",
    [
      [
        { columns: { age, income }, contract: CONTRACT },
        "a column the contract names but the frame lacks should be a 'missing' violation",
      ],
    ],
  ),
  schemaCase(
    "dtype",
    "schema: a dtype change is reported",
    "compare the column's DataType with the contract's (DataType.equals): an Int64 that became Float64 breaks consumers that expect integers.",
    [
      [
        { columns: { ...CLEAN, age: { dtype: "Float64", values: [34, 51, 0, 120] } }, contract: CONTRACT },
        "Int64 → Float64 should be a 'dtype' violation",
      ],
    ],
  ),
  schemaCase(
    "null-rate",
    "schema: null rate above its bound (equal is fine)",
    "compare the null *rate* (nulls ÷ rows) with the bound, and only a rate strictly above it violates.",
    [
      [
        { columns: { ...CLEAN, income: { dtype: "Float64", values: [null, null, 3, 4] } }, contract: CONTRACT },
        "2 of 4 incomes null (0.5 > 0.25) should be a 'nullRate' violation",
      ],
      [
        { columns: { ...CLEAN, country: { dtype: "String", values: [null, null, "DE", "FR"] } }, contract: CONTRACT },
        "2 of 4 countries null (0.5 = 0.5) is allowed",
        (got) =>
          got.includes("country:nullRate")
            ? {
                note: "a rate equal to its bound was flagged",
                hint: "only a null rate strictly above maxNullRate violates: use >, not ≥.",
              }
            : undefined,
      ],
    ],
  ),
  schemaCase(
    "range",
    "schema: out-of-range values, NaN included, nulls excluded",
    "null is not a value (and in JS `null < 5` is true); NaN is a value outside every range, though polars does not count it as null.",
    [
      [
        { columns: { ...CLEAN, age: { dtype: "Int64", values: [34, 51, 0, 121] } }, contract: CONTRACT },
        "an age of 121 should be a 'range' violation",
      ],
      [
        { columns: { ...CLEAN, income: { dtype: "Float64", values: [1200.5, NaN, 0, 88] } }, contract: CONTRACT },
        "a NaN income should be a 'range' violation",
        (got) =>
          got.includes("income:range")
            ? undefined
            : {
                note: "NaN compares false with every bound",
                hint: "test Number.isNaN(v) explicitly: NaN < min and NaN > max are both false.",
              },
      ],
      [
        {
          columns: { ...CLEAN, income: { dtype: "Float64", values: [1200.5, null, 15, 88] } },
          contract: { ...CONTRACT, income: { dtype: "Float64", maxNullRate: 0.25, min: 10 } },
        },
        "a null income is not out of range (min 10)",
        (got) =>
          got.includes("income:range")
            ? {
                note: "the null was compared as a number: in JS null < 10 is true",
                hint: "skip nulls before comparing with min and max.",
              }
            : undefined,
      ],
    ],
  ),
  {
    id: "property",
    name: "schema: property — random frames and contracts match the rule",
    was: ["schema: property — random frames and contracts match the rule"],
    hint: "one violation per (column, kind); missing and dtype stop the checks of that column.",
    call: "schema",
    input: () => {
      const xs = samples(
        (fc) => {
          const col = fc.record({
            dtype: fc.constantFrom("Float64" as const, "Int64" as const),
            values: fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(null)), {
              minLength: 1,
              maxLength: 6,
            }),
          });
          const spec = fc.record({
            dtype: fc.constantFrom("Float64", "Int64"),
            maxNullRate: fc.constantFrom(0, 0.25, 0.5, 1),
            min: fc.integer({ min: -3, max: 0 }),
            max: fc.integer({ min: 0, max: 3 }),
          });
          return fc.record({
            present: fc.dictionary(fc.constantFrom("x", "y", "z"), col),
            contract: fc.dictionary(fc.constantFrom("x", "y", "w"), spec),
          });
        },
        { numRuns: 15 },
      );
      const runs: SchemaRun[] = xs.map(({ present, contract }) => {
        const n = Object.values(present)[0]?.values.length ?? 0;
        return {
          columns: Object.fromEntries(
            Object.entries(present).map(([k, c]) => [
              k,
              { ...c, values: Array.from({ length: n }, (_, i) => c.values[i % c.values.length]) },
            ]),
          ),
          contract,
        };
      });
      return { runs };
    },
    judge(rs: Ran[], { runs }: { runs: SchemaRun[] }) {
      judgeSamples(runs, rs, (r, out) => judgeViolations(out, r, "violations should follow the stated rule"), {
        what: "schema validation on random frames and contracts",
      });
    },
  },
];
