/**
 * The scoreboard as a standalone HTML page: the tables of the text form plus a chart of each drill's best time
 * against its time box (Vega-Lite 5 rendered to inline SVG, so the page needs no script and works offline).
 */
import { escapeHtml, renderSvg, type PlotSpec } from "@drills/lib";
import { formatDuration } from "@drills/checks";
import { bySection, tally, type BoardRow } from "./board";

const esc = escapeHtml;

/** Same column widths in every section's table, so the sections line up. */
const COLS = `<colgroup>${[11, 17, 7, 10, 5, 5, 4, 5, 5].map((w) => `<col style="width:${w}em">`).join("")}</colgroup>`;

const COLOR: Record<string, string> = {
  pass: "#1a7f37",
  fail: "#cf222e",
  error: "#8250df",
  todo: "#9a6700",
  "not started": "#57606a",
};

/** Bars: best time to first pass, in minutes; ticks: the time box. Drills never passed show only their box. */
export function chartSpec(rows: BoardRow[]): PlotSpec {
  const values = rows.map((r) => ({
    drill: r.drill.id,
    section: r.drill.level,
    box: r.drill.minutes,
    best: r.bestMs === undefined ? null : Math.round((r.bestMs / 60_000) * 10) / 10,
    verdict: r.bestMs === undefined ? "not passed" : r.withinBox ? "within the box" : "over the box",
  }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: "Best time to first pass vs time box (minutes)",
    width: 420,
    height: { step: 22 },
    data: { values },
    // An explicit order: Vega-Lite would otherwise put drills without a bar (null best time) last.
    encoding: { y: { field: "drill", type: "nominal", sort: rows.map((r) => r.drill.id), title: null } },
    layer: [
      {
        mark: "bar",
        encoding: {
          x: { field: "best", type: "quantitative", title: "minutes" },
          color: {
            field: "verdict",
            type: "nominal",
            scale: {
              domain: ["within the box", "over the box", "not passed"],
              range: ["#1a7f37", "#cf222e", "#d0d7de"],
            },
            title: null,
          },
        },
      },
      {
        mark: { type: "tick", color: "#24292f", thickness: 2 },
        encoding: { x: { field: "box", type: "quantitative" } },
      },
    ],
  } as PlotSpec;
}

export async function boardHtml(rows: BoardRow[], generatedAt = new Date()): Promise<string> {
  const t = tally(rows);
  const svg = await renderSvg(chartSpec(rows));
  const row = (r: BoardRow) =>
    `<tr data-drill="${esc(r.drill.id)}" data-status="${esc(r.status)}"><td>${esc(r.drill.id)}</td><td>${esc(r.drill.title)}</td>` +
    `<td style="color:${COLOR[r.status]}">${esc(r.status)}</td><td>${r.bestMs === undefined ? "—" : esc(formatDuration(r.bestMs)) + (r.withinBox ? "" : " (over)")}</td>` +
    `<td>${r.drill.minutes} min</td><td>${r.stretch.total ? `${r.stretch.passed}/${r.stretch.total}` : "—"}</td><td>${r.hints}</td><td>${r.reveals}</td><td>${r.attempts}</td></tr>`;
  const sections = bySection(rows)
    .map(
      ([level, rs]) =>
        `<h2>${level}</h2><table>${COLS}<thead><tr><th>Drill</th><th>Title</th><th>Status</th><th>Best time</th><th>Box</th><th>Stretch</th><th>Hints</th><th>Answers seen</th><th>Attempts</th></tr></thead><tbody>${rs.map(row).join("")}</tbody></table>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Drills scoreboard</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;color:#24292f}table{border-collapse:collapse;margin-bottom:1em;table-layout:fixed;width:52em}td,th{white-space:nowrap;padding:.25em .8em;border-bottom:1px solid #d0d7de;text-align:left}</style></head>
<body><h1>Drills scoreboard</h1>
<p>${t.passed} of ${t.total} passed, ${t.withinBox} within the time box, ${t.hints} hint${t.hints === 1 ? "" : "s"} used. Generated ${esc(generatedAt.toISOString())}.</p>
<figure>${svg}</figure>
${sections}
</body></html>
`;
}
