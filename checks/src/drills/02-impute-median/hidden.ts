/**
 * Hidden-case properties for drill 02, split: the grader builds each frame from the interviewer's spec and judges
 * the returned columns and dtypes with the oracle; the kernel only runs the call on that one frame. `danfoMedian`,
 * `polarsMedian`, `groupMedian`: every cell equals the (per-group) median fill, every dtype kept. `danfoRejects`,
 * `polarsRejects`, `groupRejects`: a ValueError naming the culprit. Failures report counts, never cells. Whether the
 * input frame was mutated is measured in the kernel, so it is judged by the public in-kernel case only.
 */
import { rng } from "@drills/lib";
import { ok, rejected } from "../../assert";
import type { HiddenProperty } from "../../hidden-property";
import { numbers, type HiddenSpec } from "../../experience/hidden";
import { FN, dtypeCause, returned, sameCell } from "./compare";
import { diagnoseFill, groupOracle, imputeOracle, isMissing } from "./oracle";
import { cleanMessage, DANFO_DTYPE, POLARS_DTYPE, type Cell, type Kind, type Ran, type Run, type Table } from "./table";

const HIDDEN = "(hidden case)";
const KINDS = ["float", "int", "string"];
type Part = "danfo" | "polars" | "group";

/**
 * A column: a list (null = missing, "NaN" = NaN, strings kept), or a generator — numbers() plus optional
 * `missing: { p, seed }` (each cell missing with probability p), or `groups: { n, k, seed }` (labels g0 … g(k−1)).
 */
function column(v: unknown, name: string, kind: Kind): Cell[] {
  if (Array.isArray(v)) return v.map((c) => (c === "NaN" && kind !== "string" ? NaN : (c as Cell)));
  const o = v as
    { groups?: { n: number; k: number; seed?: number }; missing?: { p: number; seed?: number } } | undefined;
  if (o?.groups) {
    const u = rng(o.groups.seed ?? 1);
    return Array.from({ length: o.groups.n }, () => `g${Math.floor(u() * o.groups!.k)}`);
  }
  const xs: Cell[] = numbers(v, `columns.${name}`).map((x) => (kind === "int" ? Math.round(x) : x));
  if (!o?.missing) return xs;
  const u = rng(o.missing.seed ?? 1);
  return xs.map((x) => (u() < o.missing!.p ? null : x));
}

function runOf(spec: HiddenSpec, grouped: boolean): Run {
  const { columns, dtypes, cols, by } = spec.input as {
    columns?: Record<string, unknown>;
    dtypes?: Record<string, Kind>;
    cols?: unknown;
    by?: unknown;
  };
  if (!columns || !dtypes || typeof columns !== "object") throw new Error("input: expected columns and dtypes objects");
  const t: Table = { columns: {}, dtypes: {} };
  for (const [c, v] of Object.entries(columns)) {
    if (!KINDS.includes(dtypes[c])) throw new Error(`input.dtypes.${c}: expected one of ${KINDS.join(", ")}`);
    t.columns[c] = column(v, c, dtypes[c]);
    t.dtypes[c] = dtypes[c];
  }
  if (new Set(Object.values(t.columns).map((v) => v.length)).size !== 1)
    throw new Error("input.columns: expected columns of one length");
  if (!Array.isArray(cols) || !cols.every((c) => typeof c === "string"))
    throw new Error("input.cols: expected a list of column names");
  if (grouped && typeof by !== "string") throw new Error("input.by: expected a column name");
  return { ...t, cols, ...(grouped ? { by: by as string } : {}) };
}

function judgeImputed(part: Part, got: Ran, r: Run): void {
  const grouped = part === "group";
  if (grouped && !(r.by! in r.columns)) throw new Error("input.by: expected one of the columns");
  returned(got, `${FN[part]}(…)`, "hidden frame", HIDDEN);
  const expected = grouped ? groupOracle(r, r.cols, r.by!) : imputeOracle(r, r.cols);
  let cells = 0;
  let cause: { note: string; hint: string } | undefined;
  const columns = Object.keys(expected).filter((c) => {
    const actual = got.columns[c] ?? [];
    const wrong =
      expected[c].filter((e, i) => !sameCell(actual[i], e)).length + Math.abs(actual.length - expected[c].length);
    cells += wrong;
    if (wrong && r.cols.includes(c) && !cause) {
      const i = expected[c].findIndex((e, j) => !sameCell(actual[j], e));
      const own = grouped ? r.columns[c].filter((_, j) => r.columns[r.by!][j] === r.columns[r.by!][i]) : r.columns[c];
      cause = diagnoseFill(actual[i], own.some((v) => !isMissing(v)) ? own : r.columns[c], r.dtypes[c]);
    }
    return wrong > 0;
  }).length;
  const total = Object.values(expected).reduce((s, v) => s + v.length, 0);
  // The known mistake, with any number in it (a median) masked: it would tell the candidate about the input.
  const mask = (s?: string) => s?.replace(/-?\d[\d.e+-]*/g, "…");
  ok(cells === 0, {
    what: `every cell should equal the ${grouped ? "per-group" : "column"} median fill (others unchanged)`,
    how: "missing ↔ missing, numbers to 1e-9",
    expected: "0 cells off",
    actual: `${cells} of ${total} cells off, in ${columns} column(s)`,
    note: mask(cause?.note),
    hint: mask(cause?.hint),
  });
  const want = part === "danfo" ? DANFO_DTYPE : POLARS_DTYPE;
  const drifted = Object.keys(r.columns).filter((c) => got.dtypes[c] !== want[r.dtypes[c]]);
  const dtypeHint = drifted
    .map((c) => dtypeCause(part === "danfo" ? "danfo" : "polars", r.dtypes[c], String(got.dtypes[c])))
    .find(Boolean)?.hint;
  ok(drifted.length === 0, {
    what: "every column should keep its dtype",
    expected: "0 columns changed",
    actual: `${drifted.length} column(s) with another dtype`,
    hint: dtypeHint ?? "an integer column needs an integer fill: round half to even, in the column's dtype.",
  });
}

function properties(part: Part): Record<string, HiddenProperty> {
  const grouped = part === "group";
  return {
    [`${part}Median`]: {
      part,
      what: grouped
        ? "group: gaps take their group's median, dtypes kept"
        : `${part}: gaps take the column's median, dtypes kept`,
      hint: grouped
        ? "median of the group's present values (NaN is missing), the column's median for an empty group."
        : "median over present values only (NaN, null and undefined are missing); ints rounded half to even.",
      call: part,
      input: (spec) => runOf(spec, grouped),
      judge: (got: Ran, r: Run) => judgeImputed(part, got, r),
    },
    [`${part}Rejects`]: {
      part,
      what: grouped
        ? "group: invalid by or cols throws ValueError naming it"
        : `${part}: a missing, non-numeric or all-missing column throws ValueError naming it`,
      hint: "validate every name first — present, numeric, with at least one value — and say which one failed.",
      call: part,
      input(spec) {
        const mentions = spec.input.mentions;
        if (!Array.isArray(mentions) || !mentions.every((m) => typeof m === "string"))
          throw new Error("input.mentions: expected a list of names the message must contain");
        return { ...runOf(spec, grouped), mentions };
      },
      judge(got: Ran, r: Run & { mentions: string[] }) {
        const threw = got.threw ? { name: got.threw.name, message: cleanMessage(got.threw.message) } : null;
        rejected(threw, `${FN[part]}(…)`, { what: "invalid input should be rejected", mentions: r.mentions });
      },
    },
  };
}

export const hidden: Record<string, HiddenProperty> = {
  ...properties("danfo"),
  ...properties("polars"),
  ...properties("group"),
};
