/**
 * Drill 09's kernel half: each call builds the candidate's inputs from plain data (tables as columns, dtypes by
 * name), runs their function, and returns what happened as plain data — joined rows with times as epoch ms, a
 * statistic, a list of violations, or what was thrown. No oracle here: the judge side compares in its own process.
 */
import type pl from "nodejs-polars";
import type { DataType } from "nodejs-polars";
import { answerCalls } from "../rubric/calls";
import { runAll, runOne, type Ran, type Runs } from "../runs";
import { buildFrame, describeFrame, dtypeNamed, type Columns, type FrameSpec } from "./frames";

export interface AsOfOptions {
  by: string;
  labelTime: string;
  featureTime: string;
  tolerance?: string;
  allowExactMatches?: boolean;
}
export type PointInTimeJoin = (labels: pl.DataFrame, features: pl.DataFrame, opts: AsOfOptions) => pl.DataFrame;

export type Psi = (reference: number[], current: number[], bins?: number) => number;
export type KsStatistic = (a: number[], b: number[]) => number;
export interface DriftStats {
  psi: Psi;
  ksStatistic: KsStatistic;
}

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

/** A join to run: both tables as plain columns. */
export interface JoinRun {
  labels: FrameSpec;
  features: FrameSpec;
  opts: AsOfOptions;
}

/** A contract with dtypes by name ("Int64"), as the judge sends it. */
export type PlainContract = Record<string, { dtype: string; maxNullRate?: number; min?: number; max?: number }>;
export interface SchemaRun {
  columns: Columns;
  contract: PlainContract;
}

function join(impl: PointInTimeJoin, r: JoinRun): Ran {
  const out = runOne(impl, [buildFrame(r.labels), buildFrame(r.features), { ...r.opts }], { fresh: true });
  return out.threw ? out : { ...out, value: describeFrame(out.value) };
}

function schema(impl: ValidateSchema, r: SchemaRun): Ran {
  const contract = Object.fromEntries(
    Object.entries(r.contract).map(([n, c]) => [n, { ...c, dtype: dtypeNamed(c.dtype) }]),
  );
  const df = buildFrame({
    columns: Object.fromEntries(Object.entries(r.columns).map(([n, c]) => [n, c.values])),
    dtypes: Object.fromEntries(Object.entries(r.columns).map(([n, c]) => [n, c.dtype])),
  });
  return runOne(impl, [df, contract], { fresh: true });
}

export const calls = {
  ...answerCalls,
  join: (impl: PointInTimeJoin, { runs }: { runs: JoinRun[] }) => runs.map((r) => join(impl, r)),
  drift: (impl: DriftStats, { runs }: { runs: Runs }) =>
    runAll(impl as unknown as Record<string, unknown>, ["psi", "ksStatistic"], runs),
  schema: (impl: ValidateSchema, { runs }: { runs: SchemaRun[] }) => runs.map((r) => schema(impl, r)),
};
