/**
 * Hidden-case properties for drill 02 (median imputation), one pair per check object — the danfojs and polars
 * imputers and the polars group imputer share the notebook id, so each property names its check: `danfoMedian`,
 * `polarsMedian`, `groupMedian` compare with the library-free oracles of impute.ts (pandas's rules: NaN is missing,
 * int columns keep their dtype with the median rounded half to even, the input frame is unchanged); `danfoRejects`,
 * `polarsRejects`, `groupRejects` expect a ValueError naming the culprit. Failures report counts, never cells.
 */
import { rng } from "@drills/lib";
import { call, ok, throwsValueError } from "../assert";
import type { Drill } from "../drill";
import { HIDDEN_INPUT } from "../drill";
import { diagnoseFill, groupOracle, imputeOracle, isMissing, sameDeep, type Cell, type Kind, type Table } from "../drills/impute";
import type { Adapter } from "../drills/impute-cases";
import { adapter as danfo, imputeDanfoDrill } from "../drills/impute-danfo";
import { adapter as polars, groupImputeDrill, imputePolarsDrill } from "../drills/impute-polars";
import { numbers, registerHidden, type HiddenProperty, type HiddenSpec } from "./hidden";

const HIDDEN = HIDDEN_INPUT;
const KINDS = ["float", "int", "string"];

/**
 * A column: a list (null = missing, "NaN" = NaN, strings kept), or a generator — numbers() plus optional
 * `missing: { p, seed }` (each cell missing with probability p), or `groups: { n, k, seed }` (labels g0 … g(k−1)).
 */
function column(v: unknown, name: string, kind: Kind): Cell[] {
  if (Array.isArray(v)) return v.map((c) => (c === "NaN" && kind !== "string" ? NaN : (c as Cell)));
  const o = v as { groups?: { n: number; k: number; seed?: number }; missing?: { p: number; seed?: number } } | undefined;
  if (o?.groups) {
    const u = rng(o.groups.seed ?? 1);
    return Array.from({ length: o.groups.n }, () => `g${Math.floor(u() * o.groups!.k)}`);
  }
  const xs: Cell[] = numbers(v, `columns.${name}`).map((x) => (kind === "int" ? Math.round(x) : x));
  if (!o?.missing) return xs;
  const u = rng(o.missing.seed ?? 1);
  return xs.map((x) => (u() < o.missing!.p ? null : x));
}

function tableOf(spec: HiddenSpec): { t: Table; cols: string[]; by?: string } {
  const { columns, dtypes, cols, by } = spec.input as { columns?: Record<string, unknown>; dtypes?: Record<string, Kind>; cols?: unknown; by?: unknown };
  if (!columns || !dtypes || typeof columns !== "object") throw new Error("input: expected columns and dtypes objects");
  const t: Table = { columns: {}, dtypes: {} };
  for (const [c, v] of Object.entries(columns)) {
    if (!KINDS.includes(dtypes[c])) throw new Error(`input.dtypes.${c}: expected one of ${KINDS.join(", ")}`);
    t.columns[c] = column(v, c, dtypes[c]);
    t.dtypes[c] = dtypes[c];
  }
  const n = new Set(Object.values(t.columns).map((v) => v.length));
  if (n.size !== 1) throw new Error("input.columns: expected columns of one length");
  if (!Array.isArray(cols) || !cols.every((c) => typeof c === "string")) throw new Error("input.cols: expected a list of column names");
  return { t, cols, by: by === undefined ? undefined : String(by) };
}

const same = (a: unknown, e: Cell) => (isMissing(e) ? isMissing(a) : typeof e === "number" ? typeof a === "number" && Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e)) : a === e);

type Run<F> = (impl: F, df: unknown, cols: string[], by?: string) => unknown;

/** Runs the candidate on a frame of the table; checks values, dtypes and the input, counting what is off. */
function expectImputed<F>(a: Adapter<any>, run: Run<F>, impl: F, spec: HiddenSpec, grouped: boolean): void {
  const { t, cols, by } = tableOf(spec);
  if (grouped && (by === undefined || !(by in t.columns))) throw new Error("input.by: expected one of the columns");
  const expected = grouped ? groupOracle(t, cols, by!) : imputeOracle(t, cols);
  const df = a.build(t);
  const before = a.snapshot(df);
  const got = a.read(call(`${a.fn}(…)`, () => run(impl, df, [...cols], by), { input: HIDDEN }), HIDDEN);
  let cells = 0;
  let note: string | undefined;
  const columns = Object.keys(expected).filter((c) => {
    const actual = got.columns[c] ?? [];
    const wrong = expected[c].filter((e, i) => !same(actual[i], e)).length + Math.abs(actual.length - expected[c].length);
    cells += wrong;
    if (wrong && cols.includes(c) && !note) {
      const i = expected[c].findIndex((e, j) => !same(actual[j], e));
      const own = grouped ? t.columns[c].filter((_, j) => t.columns[by!][j] === t.columns[by!][i]) : t.columns[c];
      // The known mistake, with any number in it (a median) masked: it would tell the candidate about the input.
      note = diagnoseFill(actual[i], own.some((v) => !isMissing(v)) ? own : t.columns[c], t.dtypes[c])?.replace(/-?\d[\d.e+-]*/g, "…");
    }
    return wrong > 0;
  }).length;
  const total = Object.values(expected).reduce((s, v) => s + v.length, 0);
  ok(cells === 0, { what: `every cell should equal the ${grouped ? "per-group" : "column"} median fill (others unchanged)`, how: "missing ↔ missing, numbers to 1e-9", expected: "0 cells off", actual: `${cells} of ${total} cells off, in ${columns} column(s)`, note });
  const drifted = Object.keys(t.columns).filter((c) => got.dtypes[c] !== a.dtypeOf(t.dtypes[c])).length;
  ok(drifted === 0, { what: "every column should keep its dtype", expected: "0 columns changed", actual: `${drifted} column(s) with another dtype`, hint: "an integer column needs an integer fill: round half to even, in the column's dtype." });
  const after = a.snapshot(df);
  const changed = before.filter(([, v], i) => !sameDeep(v, after[i]?.[1])).length;
  ok(changed === 0, { what: "the input frame should be unchanged after the call", expected: "0 parts changed", actual: `${changed} part(s) of the input changed (rows, columns or dtypes)`, note: a.mutationNote });
}

function properties<F>(a: Adapter<any>, run: Run<F>, grouped: boolean): Record<"median" | "rejects", HiddenProperty<F>> {
  return {
    median: {
      what: grouped ? "group: gaps take their group's median, dtypes and input kept" : `${a.lib}: gaps take the column's median, dtypes and input kept`,
      hint: grouped ? "median of the group's present values (NaN is missing), the column's median for an empty group." : "median over present values only (NaN, null and undefined are missing); ints rounded half to even.",
      run: (impl, spec) => expectImputed(a, run, impl, spec, grouped),
    },
    rejects: {
      what: grouped ? "group: invalid by or cols throws ValueError naming it" : `${a.lib}: a missing, non-numeric or all-missing column throws ValueError naming it`,
      hint: "validate every name first — present, numeric, with at least one value — and say which one failed.",
      run(impl, spec) {
        const { t, cols, by } = tableOf(spec);
        const mentions = spec.input.mentions;
        if (!Array.isArray(mentions) || !mentions.every((m) => typeof m === "string")) throw new Error("input.mentions: expected a list of names the message must contain");
        throwsValueError(`${a.fn}(…)`, () => run(impl, a.build(t), [...cols], by), { what: "invalid input should be rejected", mentions });
      },
    },
  };
}

function register<F>(drill: Drill<F>, prefix: string, a: Adapter<any>, run: Run<F>, grouped = false): void {
  const p = properties(a, run, grouped);
  registerHidden<F>(drill, { [`${prefix}Median`]: p.median, [`${prefix}Rejects`]: p.rejects });
}

register(imputeDanfoDrill, "danfo", danfo, (impl, df, cols) => impl(df as never, cols));
register(imputePolarsDrill, "polars", polars, (impl, df, cols) => impl(df as never, cols));
register(groupImputeDrill, "group", { ...polars, fn: "imputeWithGroupMedian" }, (impl, df, cols, by) => impl(df as never, cols, by!), true);
