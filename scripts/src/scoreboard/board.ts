/**
 * The scoreboard's numbers, from the progress log: per drill of the catalogue, the best status reached, the best
 * time to a first pass (interactive sessions only: a headless run's clock measures the runner, not the candidate),
 * hints revealed and attempts.
 */
import { CATALOGUE, LEVELS, type DrillEntry, type Level, type ProgressRecord } from "@drills/checks";

export type BoardStatus = "pass" | "fail" | "error" | "todo" | "not started";

export interface BoardRow {
  drill: DrillEntry;
  status: BoardStatus;
  /** Fastest first pass in one kernel session, ms; undefined when never passed interactively. */
  bestMs?: number;
  withinBox?: boolean;
  hints: number;
  attempts: number;
  lastAt?: string;
}

/** Best first: a drill that passed once is solved, whatever later edits did. */
const RANK: Record<BoardStatus, number> = { pass: 4, fail: 3, error: 2, todo: 1, "not started": 0 };

export function summarise(records: ProgressRecord[], catalogue: readonly DrillEntry[] = CATALOGUE): BoardRow[] {
  return catalogue.map((drill) => {
    const mine = records.filter((r) => r.drill === drill.id);
    const row: BoardRow = { drill, status: "not started", hints: 0, attempts: 0 };
    for (const r of mine) {
      row.lastAt = r.at > (row.lastAt ?? "") ? r.at : row.lastAt;
      if (r.kind === "hint") {
        row.hints = Math.max(row.hints, r.hint);
        continue;
      }
      row.hints = Math.max(row.hints, r.hints);
      row.attempts += 1;
      if (RANK[r.status] > RANK[row.status]) row.status = r.status;
      // Within a session the first pass has the smallest elapsed time, so the minimum over passes is the best first pass.
      if (r.status === "pass" && r.mode === "interactive" && (row.bestMs === undefined || r.elapsedMs < row.bestMs)) row.bestMs = r.elapsedMs;
    }
    if (row.bestMs !== undefined) row.withinBox = row.bestMs <= drill.minutes * 60_000;
    return row;
  });
}

export function bySection(rows: BoardRow[]): [Level, BoardRow[]][] {
  return LEVELS.map((level) => [level, rows.filter((r) => r.drill.level === level)] as [Level, BoardRow[]]).filter(([, rs]) => rs.length > 0);
}

export function tally(rows: BoardRow[]): { passed: number; total: number; withinBox: number; hints: number } {
  return {
    passed: rows.filter((r) => r.status === "pass").length,
    total: rows.length,
    withinBox: rows.filter((r) => r.withinBox).length,
    hints: rows.reduce((n, r) => n + r.hints, 0),
  };
}
