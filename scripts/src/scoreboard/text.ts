/** The scoreboard as terminal text: one table per section, Easy → Medium → Expert. */
import { formatDuration } from "@drills/checks";
import { bySection, tally, type BoardRow, type BoardStatus } from "./board";

const MARK: Record<BoardStatus, string> = { pass: "✔", fail: "✘", error: "‼", todo: "…", "not started": "·" };

function cells(r: BoardRow): string[] {
  const best = r.bestMs === undefined ? "—" : `${formatDuration(r.bestMs)}${r.withinBox ? "" : " (over)"}`;
  return [
    `${MARK[r.status]} ${r.drill.id}`,
    r.drill.title,
    r.status,
    best,
    `${r.drill.minutes} min`,
    r.stretch.total ? `${r.stretch.passed}/${r.stretch.total}` : "—",
    String(r.hints),
    String(r.reveals),
    String(r.attempts),
  ];
}

/** Status and best time are the core's (the drill's scope in its time box); stretch parts are counted apart. */
const HEAD = ["  Drill", "Title", "Status", "Best time", "Box", "Stretch", "Hints", "Answers seen", "Attempts"];

export function boardText(rows: BoardRow[], source?: string): string {
  const t = tally(rows);
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((c) => [...c[i]].length)));
  const line = (c: string[]) =>
    c
      .map((s, i) => s + " ".repeat(widths[i] - [...s].length))
      .join("  ")
      .trimEnd();
  const out = [
    `Drills scoreboard — ${t.passed} of ${t.total} passed, ${t.withinBox} within the time box, ${t.hints} hint${t.hints === 1 ? "" : "s"} used`,
  ];
  if (source) out.push(`(from ${source})`);
  for (const [level, rs] of bySection(rows)) {
    out.push("", level, line(HEAD), ...rs.map((r) => line(cells(r))));
  }
  if (rows.every((r) => r.status === "not started")) {
    out.push(
      "",
      "No progress yet: open notebooks/exercises/01-zscore.ipynb in JupyterLab, run its cells, then come back here.",
    );
  }
  return out.join("\n");
}
