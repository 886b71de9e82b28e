/**
 * Drill 09: schema validation against a data contract. Per contract column, in this order, stopping at the first
 * structural problem: missing → "missing"; dtype differs (`DataType.equals`) → "dtype"; then independently
 * null rate = nulls / rows > maxNullRate (strict: a rate equal to the bound is allowed; 0 rows → rate 0) → "nullRate",
 * and any non-null value < min or > max, or NaN (polars keeps NaN apart from null, and NaN is in no range) → "range".
 * Columns the contract does not name are allowed (additive changes are not breaking). One violation per
 * (column, kind); order free.
 */
import pl, { type DataType } from "nodejs-polars";
import * as fc from "fast-check";
import { call, equal, ok, property } from "../assert";
import { fmt } from "../format";
import type { LegacyCase as Case } from "../drill";

export interface ColumnContract {
  dtype: DataType;
  maxNullRate?: number;
  min?: number;
  max?: number;
}
export type SchemaContract = Record<string, ColumnContract>;
export type ViolationKind = "missing" | "dtype" | "nullRate" | "range";
export interface Violation {
  column: string;
  kind: ViolationKind;
  message: string;
}
export type ValidateSchema = (df: pl.DataFrame, contract: SchemaContract) => Violation[];

type Cells = (number | string | null)[];

export function oracleSchema(cols: Record<string, { dtype: DataType; values: Cells }>, contract: SchemaContract): string[] {
  const out: string[] = [];
  for (const [name, c] of Object.entries(contract)) {
    const col = cols[name];
    if (!col) {
      out.push(`${name}:missing`);
      continue;
    }
    if (!col.dtype.equals(c.dtype)) {
      out.push(`${name}:dtype`);
      continue;
    }
    const nulls = col.values.filter((v) => v === null).length;
    if (c.maxNullRate !== undefined && col.values.length > 0 && nulls / col.values.length > c.maxNullRate) out.push(`${name}:nullRate`);
    const bad = col.values.some((v) => typeof v === "number" && (Number.isNaN(v) || (c.min !== undefined && v < c.min) || (c.max !== undefined && v > c.max)));
    if (bad) out.push(`${name}:range`);
  }
  return out.sort();
}

const build = (cols: Record<string, { dtype: DataType; values: Cells }>) => pl.DataFrame(Object.entries(cols).map(([n, c]) => pl.Series(n, c.values, c.dtype)));

const describe = (cols: Record<string, { dtype: DataType; values: Cells }>, contract: SchemaContract) =>
  `df = {${Object.entries(cols).map(([n, c]) => `${n}: ${String(c.dtype).replace(/^DataType\((.*)\)$/, "$1")} ${fmt(c.values)}`).join(", ")}}; contract = {${Object.entries(contract)
    .map(([n, c]) => `${n}: ${String(c.dtype).replace(/^DataType\((.*)\)$/, "$1")}${c.maxNullRate !== undefined ? ` nulls ≤ ${c.maxNullRate}` : ""}${c.min !== undefined || c.max !== undefined ? ` in [${c.min ?? "−∞"}, ${c.max ?? "∞"}]` : ""}`)
    .join(", ")}}`;

function expectViolations(impl: ValidateSchema, cols: Record<string, { dtype: DataType; values: Cells }>, contract: SchemaContract, what: string, note?: (got: string[]) => string | undefined): void {
  const input = describe(cols, contract);
  const out: unknown = call("validateSchema(df, contract)", () => impl(build(cols), contract));
  ok(Array.isArray(out), { what: "validateSchema should return an array of violations", input, expected: "Violation[] ([] when clean)", actual: fmt(out) });
  const shapeOk = out.every((v) => typeof v === "object" && v !== null && typeof v.column === "string" && ["missing", "dtype", "nullRate", "range"].includes(v.kind) && typeof v.message === "string" && v.message.length > 0);
  ok(shapeOk, { what: "each violation should be { column, kind, message }", input, expected: 'kind one of "missing", "dtype", "nullRate", "range", and a non-empty message', actual: fmt(out) });
  const got = (out as Violation[]).map((v) => `${v.column}:${v.kind}`).sort();
  equal(got, oracleSchema(cols, contract), { what, input, how: "as a set of column:kind", note: note?.(got) });
}

const F = pl.Float64;
const I = pl.Int64;
const S = pl.String;
const CONTRACT: SchemaContract = {
  age: { dtype: I, maxNullRate: 0, min: 0, max: 120 },
  income: { dtype: F, maxNullRate: 0.25, min: 0 },
  country: { dtype: S, maxNullRate: 0.5 },
};
const CLEAN = { age: { dtype: I, values: [34, 51, 0, 120] }, income: { dtype: F, values: [1200.5, null, 0, 88] }, country: { dtype: S, values: ["DE", "FR", null, "DE"] } };

export const schemaCases: Case<{ validateSchema: ValidateSchema }>[] = [
  {
    name: "schema: a frame that meets the contract has no violations",
    hint: "bounds are inclusive (0 and 120 are valid ages), a null rate equal to its bound is allowed, and extra columns are fine.",
    run(impl) {
      expectViolations(impl.validateSchema, { ...CLEAN, extra: { dtype: F, values: [1, 2, 3, 4] } }, CONTRACT, "a clean frame should give []");
    },
  },
  {
    name: "schema: a missing column is reported, not thrown",
    hint: "check df.columns before df.getColumn: a contract is for reporting every problem at once.",
    run(impl) {
      const { age, income } = CLEAN;
      expectViolations(impl.validateSchema, { age, income }, CONTRACT, "a column the contract names but the frame lacks should be a 'missing' violation");
    },
  },
  {
    name: "schema: a dtype change is reported",
    hint: "compare the column's DataType with the contract's (DataType.equals): an Int64 that became Float64 breaks consumers that expect integers.",
    run(impl) {
      expectViolations(impl.validateSchema, { ...CLEAN, age: { dtype: F, values: [34, 51, 0, 120] } }, CONTRACT, "Int64 → Float64 should be a 'dtype' violation");
    },
  },
  {
    name: "schema: null rate above its bound (equal is fine)",
    hint: "compare the null *rate* (nulls ÷ rows) with the bound, and only a rate strictly above it violates.",
    run(impl) {
      expectViolations(impl.validateSchema, { ...CLEAN, income: { dtype: F, values: [null, null, 3, 4] } }, CONTRACT, "2 of 4 incomes null (0.5 > 0.25) should be a 'nullRate' violation");
      expectViolations(impl.validateSchema, { ...CLEAN, country: { dtype: S, values: [null, null, "DE", "FR"] } }, CONTRACT, "2 of 4 countries null (0.5 = 0.5) is allowed");
    },
  },
  {
    name: "schema: out-of-range values, NaN included, nulls excluded",
    hint: "null is not a value (and in JS `null < 5` is true); NaN is a value outside every range, though polars does not count it as null.",
    run(impl) {
      expectViolations(impl.validateSchema, { ...CLEAN, age: { dtype: I, values: [34, 51, 0, 121] } }, CONTRACT, "an age of 121 should be a 'range' violation");
      expectViolations(impl.validateSchema, { ...CLEAN, income: { dtype: F, values: [1200.5, NaN, 0, 88] } }, CONTRACT, "a NaN income should be a 'range' violation", (got) => (got.includes("income:range") ? undefined : "NaN compares false with every bound"));
      expectViolations(impl.validateSchema, { ...CLEAN, income: { dtype: F, values: [1200.5, null, 15, 88] } }, { ...CONTRACT, income: { dtype: F, maxNullRate: 0.25, min: 10 } }, "a null income is not out of range (min 10)", (got) => (got.includes("income:range") ? "the null was compared as a number: in JS null < 10 is true" : undefined));
    },
  },
  {
    name: "schema: property — random frames and contracts match the rule",
    hint: "one violation per (column, kind); missing and dtype stop the checks of that column.",
    run(impl) {
      const col = fc.record({ dtype: fc.constantFrom(F, I), values: fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(null)), { minLength: 1, maxLength: 6 }) });
      const spec = fc.record({ dtype: fc.constantFrom(F, I), maxNullRate: fc.constantFrom(0, 0.25, 0.5, 1), min: fc.integer({ min: -3, max: 0 }), max: fc.integer({ min: 0, max: 3 }) });
      const arb = fc.record({ present: fc.dictionary(fc.constantFrom("x", "y", "z"), col), contract: fc.dictionary(fc.constantFrom("x", "y", "w"), spec) });
      property(arb, ({ present, contract }) => {
        const n = Object.values(present)[0]?.values.length ?? 0;
        const cols = Object.fromEntries(Object.entries(present).map(([k, c]) => [k, { ...c, values: Array.from({ length: n }, (_, i) => c.values[i % c.values.length]) }]));
        expectViolations(impl.validateSchema, cols, contract, "violations should follow the stated rule");
      }, { what: "schema validation on random frames and contracts", numRuns: 15 });
    },
  },
];
