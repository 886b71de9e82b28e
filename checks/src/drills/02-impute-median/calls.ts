/**
 * Drill 02's kernel half. Each call builds the library's frame from plain columns, runs the candidate's imputer,
 * and returns plain data: what it threw, or the returned frame's columns and dtype names — plus whether the input
 * frame changed (a snapshot before and after, measured here in the kernel). No oracle: the grader judges outside.
 */
import { thrown, type Calls } from "../../outcome";
import * as danfo from "./frame-danfo";
import * as polars from "./frame-polars";
import { describeTable, sameDeep, type Ran, type Run, type Table } from "./table";
import type { ImputeDanfo } from "./frame-danfo";
import type { GroupImpute, ImputePolars } from "./frame-polars";

export type { ImputeDanfo } from "./frame-danfo";
export type { GroupImpute, ImputePolars } from "./frame-polars";

interface Lib<F> {
  build(t: Table, missing?: Run["missing"]): F;
  read(
    out: unknown,
    input: string,
    fn?: string,
  ): { columns: Record<string, unknown[]>; dtypes: Record<string, string> };
  snapshot(df: F): [string, unknown][];
}

function runOn<F>(lib: Lib<F>, fn: string, impl: (df: F, r: Run) => unknown, r: Run): Ran {
  const df = lib.build(r, r.missing);
  const before = lib.snapshot(df);
  let out: unknown;
  const threw = thrown(() => {
    out = impl(df, r);
  });
  const after = lib.snapshot(df);
  const i = before.findIndex(([, v], k) => !sameDeep(v, after[k]?.[1]));
  const mutated = i < 0 ? null : { part: before[i][0], before: before[i][1], after: after[i]?.[1] };
  if (threw) return { threw, mutated };
  return { ...lib.read(out, describeTable(r, r.cols, r.by), fn), mutated };
}

const one =
  <F>(lib: Lib<F>, fn: string, run: (impl: any, df: F, r: Run) => unknown) =>
  (impl: unknown, r: Run) =>
    runOn(lib, fn, (df, x) => run(impl, df, x), r);
const many =
  <F>(lib: Lib<F>, fn: string, run: (impl: any, df: F, r: Run) => unknown) =>
  (impl: unknown, { runs }: { runs: Run[] }) => ({
    results: runs.map((r) => runOn(lib, fn, (df, x) => run(impl, df, x), r)),
  });

const byDanfo = (impl: ImputeDanfo, df: any, r: Run) => impl(df, [...r.cols]);
const byPolars = (impl: ImputePolars, df: any, r: Run) => impl(df, [...r.cols]);
const byGroup = (impl: GroupImpute, df: any, r: Run) => impl(df, [...r.cols], r.by as string);

export const calls: Calls = {
  danfo: one(danfo, "imputeWithMedian", byDanfo),
  "danfo-many": many(danfo, "imputeWithMedian", byDanfo),
  polars: one(polars, "imputeWithMedianPl", byPolars),
  "polars-many": many(polars, "imputeWithMedianPl", byPolars),
  group: one(polars, "imputeWithGroupMedian", byGroup),
  "group-many": many(polars, "imputeWithGroupMedian", byGroup),
};
