/**
 * Points. Each public case of a check is worth 1 point, each hidden case its `points` from the hidden file
 * (default 1); a case earns its points only when it passes. A notebook's total comes from the drill definitions
 * (every check exported by @drills/checks under the notebook's id), so a check cell that never reported — the
 * candidate's code broke before it — still counts its points as missed.
 */
import * as checks from "@drills/checks";
import type { Drill, HiddenFile } from "@drills/checks";
import type { Notebook } from "../runner/notebook";

export const REPORT_MIME = "application/vnd.drills.check+json";

export type CaseStatus = "pass" | "fail" | "todo" | "error";

export interface CaseScore {
  /** The check cell that reported it. */
  cell: string;
  /** The report's title (one notebook may run several checks). */
  check: string;
  name: string;
  status: CaseStatus;
  hidden: boolean;
  points: number;
  earned: number;
  message?: string;
  /** The check's own time in the kernel, from its report. */
  ms?: number;
}

/** Every Drill object @drills/checks exports, grouped by notebook id. */
export function drillsById(): Map<string, Drill<unknown>[]> {
  const out = new Map<string, Drill<unknown>[]>();
  for (const v of Object.values(checks) as unknown[]) {
    const d = v as Drill<unknown>;
    if (!d || typeof d !== "object" || typeof d.id !== "string" || typeof d.title !== "string" || !Array.isArray(d.cases)) continue;
    out.set(d.id, [...(out.get(d.id) ?? []), d]);
  }
  return out;
}

/** Points of each hidden case of a notebook id, by case name. */
export function hiddenPoints(drill: string, hidden: HiddenFile | undefined): Map<string, number> {
  const specs = hidden?.drills[drill] ?? [];
  return new Map(specs.map((s, i) => [checks.hiddenCaseName(drill, s, i), s.points ?? 1]));
}

/** The points a notebook can earn: public cases of its checks plus its hidden cases. */
export function possiblePoints(drill: string, hidden: HiddenFile | undefined): number {
  const pub = (drillsById().get(drill) ?? []).reduce((n, d) => n + d.cases.length, 0);
  return pub + [...hiddenPoints(drill, hidden).values()].reduce((a, b) => a + b, 0);
}

function parse(value: unknown): any {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * Cases reported by the given cells only (the original check cells, by id): a report shown anywhere else does not
 * count. A check run twice in one cell counts once, by its last report.
 */
export function scoreCells(executed: Notebook, checkCellIds: Set<string>, drill: string, hidden: HiddenFile | undefined): CaseScore[] {
  const points = hiddenPoints(drill, hidden);
  const out = new Map<string, CaseScore>();
  for (const cell of executed.cells) {
    if (!cell.id || !checkCellIds.has(cell.id)) continue;
    for (const output of cell.outputs ?? []) {
      const r = parse(output.data?.[REPORT_MIME]);
      if (!r || typeof r.drill !== "string" || !Array.isArray(r.checks)) continue;
      for (const c of r.checks) {
        if (!c || typeof c.name !== "string") continue;
        const isHidden = points.has(c.name);
        const status: CaseStatus = ["pass", "fail", "todo", "error"].includes(c.status) ? c.status : "error";
        const worth = isHidden ? points.get(c.name)! : 1;
        const s: CaseScore = { cell: cell.id, check: String(r.title ?? r.drill), name: c.name, status, hidden: isHidden, points: worth, earned: status === "pass" ? worth : 0 };
        if (typeof c.message === "string") s.message = c.message;
        if (Number.isFinite(c.ms) && c.ms >= 0) s.ms = c.ms;
        out.set(`${cell.id}\u0000${s.check}\u0000${c.name}`, s);
      }
    }
  }
  return [...out.values()];
}
