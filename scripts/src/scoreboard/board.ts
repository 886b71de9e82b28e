/**
 * The scoreboard's numbers, from the progress log: per drill of the registry, the best status its core reached, the
 * best time to a first pass of the core (interactive sessions only: a headless run's clock measures the runner, not
 * the candidate), stretch parts passed, hints and model answers revealed, and attempts.
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
  /** Model answers shown with solution() (parts and follow-ups). */
  reveals: number;
  /** Optional parts beyond the time box: how many passed, of how many. */
  stretch: { passed: number; total: number };
  attempts: number;
  lastAt?: string;
}

/** Per check, the best status reached: a check that passed once is solved, whatever later edits did. */
const RANK: Record<BoardStatus, number> = { pass: 4, fail: 3, error: 2, todo: 1, "not started": 0 };

/**
 * A drill with several checks (e.g. danfojs, polars and grouped variants) counts as passed once every check seen
 * for it has passed; its best time is, over interactive sessions in which every such check passed, the smallest
 * elapsed time at which the last of them first passed.
 */
export function summarise(records: ProgressRecord[], catalogue: readonly DrillEntry[] = CATALOGUE): BoardRow[] {
  return catalogue.map((drill) => {
    const stretchParts = new Set(drill.parts.filter((p) => p.stretch).map((p) => p.id));
    const row: BoardRow = {
      drill,
      status: "not started",
      hints: 0,
      reveals: 0,
      stretch: { passed: 0, total: stretchParts.size },
      attempts: 0,
    };
    const bestByCheck = new Map<string, BoardStatus>();
    const stretchPassed = new Set<string>();
    const hintsByPart = new Map<string, number>();
    const revealed = new Set<string>();
    const runs = new Map<string, number>();
    const firstPass = new Map<string, Map<string, number>>(); // session → check → elapsed at its first pass
    for (const r of records) {
      if (r.drill !== drill.id) continue;
      row.lastAt = r.at > (row.lastAt ?? "") ? r.at : row.lastAt;
      if (r.kind === "hint") {
        const part = r.part ?? drill.parts[0]?.id ?? "";
        hintsByPart.set(part, Math.max(hintsByPart.get(part) ?? 0, r.hint));
        continue;
      }
      if (r.kind === "reveal") {
        revealed.add(r.part);
        continue;
      }
      // Records written before parts existed carry the check's title instead.
      const check = r.part ?? r.title ?? r.drill;
      if (stretchParts.has(check)) {
        if (r.status === "pass") stretchPassed.add(check);
        continue;
      }
      // Attempts count runs of the drill's most-run check: one "Run All" of a three-check notebook is one attempt.
      runs.set(check, (runs.get(check) ?? 0) + 1);
      row.attempts = Math.max(row.attempts, runs.get(check)!);
      const best = bestByCheck.get(check) ?? "not started";
      if (RANK[r.status] > RANK[best]) bestByCheck.set(check, r.status);
      if (r.status === "pass" && r.mode === "interactive") {
        const s = firstPass.get(r.session) ?? new Map<string, number>();
        if (!s.has(check) || r.elapsedMs < s.get(check)!) s.set(check, r.elapsedMs);
        firstPass.set(r.session, s);
      }
    }
    row.hints = [...hintsByPart.values()].reduce((a, b) => a + b, 0);
    row.reveals = revealed.size;
    row.stretch.passed = stretchPassed.size;
    if (bestByCheck.size) row.status = [...bestByCheck.values()].reduce((a, b) => (RANK[b] < RANK[a] ? b : a));
    for (const s of firstPass.values()) {
      if (s.size < bestByCheck.size) continue;
      const done = Math.max(...s.values());
      if (row.bestMs === undefined || done < row.bestMs) row.bestMs = done;
    }
    if (row.bestMs !== undefined) row.withinBox = row.bestMs <= drill.minutes * 60_000;
    return row;
  });
}

export function bySection(rows: BoardRow[]): [Level, BoardRow[]][] {
  return LEVELS.map((level) => [level, rows.filter((r) => r.drill.level === level)] as [Level, BoardRow[]]).filter(
    ([, rs]) => rs.length > 0,
  );
}

export function tally(rows: BoardRow[]): { passed: number; total: number; withinBox: number; hints: number } {
  return {
    passed: rows.filter((r) => r.status === "pass").length,
    total: rows.length,
    withinBox: rows.filter((r) => r.withinBox).length,
    hints: rows.reduce((n, r) => n + r.hints, 0),
  };
}
