/**
 * The grade in four forms: a terminal table, JSON (the whole GradeReport), JUnit XML (a testsuite per notebook, a
 * testcase per case, plus one for the tamper guard) and a standalone HTML page.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { escapeHtml } from "@drills/lib/dist/html";
import { type JunitCase, type JunitSuite, checkCase, firstLine, junitXml } from "../junit/junit";
import type { GradeReport, NotebookGrade } from "./grade";

/** A notebook's name in reports: its candidate's, when the report holds several candidates, then the drill. */
function labeller(r: GradeReport): (g: NotebookGrade, fallback?: string) => string {
  const many = new Set(r.notebooks.map((g) => g.candidate)).size > 1;
  return (g, fallback = g.file) => `${many ? `${g.candidate} › ` : ""}${g.drill ?? fallback}`;
}

const pct = (e: number, t: number) => (t > 0 ? `${Math.round((100 * e) / t)}%` : "—");

export function gradeTable(r: GradeReport): string {
  const label = labeller(r);
  const head = ["Drill", "Score", "", "Pass", "Fail", "Todo", "Hidden", "Stretch", "Tamper"];
  const rows = r.notebooks.map((g) => {
    const n = (s: string) => String(g.cases.filter((c) => c.status === s).length);
    const hid = g.cases.filter((c) => c.hidden);
    return [
      label(g, path.basename(g.file)),
      g.status === "graded" ? `${g.earned}/${g.total}` : g.status,
      pct(g.earned, g.total),
      n("pass"),
      String(g.cases.filter((c) => c.status === "fail" || c.status === "error").length),
      n("todo"),
      hid.length ? `${hid.filter((c) => c.status === "pass").length}/${hid.length}` : "—",
      g.stretch?.total ? `${g.stretch.earned}/${g.stretch.total}` : "—",
      g.tamper.length ? g.tamper.map((t) => t.kind).join(", ") : "ok",
    ];
  });
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((s, i) => (i === 1 || (i >= 3 && i <= 5) ? s.padStart(w[i]) : s.padEnd(w[i])))
      .join("  ")
      .trimEnd();
  const stretch = r.stretch?.total ? `; stretch parts (not in the grade) ${r.stretch.earned}/${r.stretch.total}` : "";
  const isolation =
    r.sandbox === "none"
      ? "\nWARNING: graded without a sandbox (--no-sandbox): a hostile notebook could read the oracles or the hidden file, or change the installed packages."
      : `\nKernels sandboxed (${r.sandbox}).`;
  const weights =
    "In-kernel cases (marked ⓚ) rest on what the candidate's kernel measured about itself and weigh a minority of each drill's points.";
  const out = [
    line(head),
    ...rows.map(line),
    "",
    `Total: ${r.earned}/${r.total} (${pct(r.earned, r.total)})${stretch}${r.hiddenFile ? `, hidden cases from ${r.hiddenFile}` : ", no hidden cases"}${isolation}`,
    weights,
  ];
  if (r.candidates.length > 1)
    for (const c of r.candidates)
      out.push(
        `  ${c.name}: ${c.earned}/${c.total} (${pct(c.earned, c.total)})${c.stretch.total ? `; stretch ${c.stretch.earned}/${c.stretch.total}` : ""}`,
      );
  for (const g of r.notebooks) {
    const notes = [
      ...g.tamper.map((t) => `tamper: ${t.detail}`),
      ...(g.status === "missing" ? [] : g.problems.map((p) => `problem: ${p}`)),
    ];
    const lost = g.cases
      .filter((c) => c.status !== "pass")
      .map(
        (c) =>
          `${c.status}: ${c.stretch ? "[stretch] " : ""}${c.name}${c.hidden ? " (hidden)" : ""}${c.inKernel ? " ⓚ" : ""}`,
      );
    if (notes.length || lost.length) out.push("", `${label(g)}:`, ...[...notes, ...lost].map((s) => `  ${s}`));
  }
  return out.join("\n");
}

/** A testsuite per notebook: the tamper guard, a grading error when the notebook could not be graded, then its cases. */
function suite(g: NotebookGrade, label: (g: NotebookGrade) => string): JunitSuite {
  const name = label(g);
  const cases: JunitCase[] = [
    g.tamper.length
      ? {
          classname: name,
          name: "tamper guard",
          ms: 0,
          outcome: "fail",
          message: g.tamper.map((t) => t.kind).join(", "),
          body: g.tamper.map((t) => t.detail).join("\n"),
        }
      : { classname: name, name: "tamper guard", ms: 0, outcome: "pass" },
  ];
  if (g.status !== "graded")
    cases.push({
      classname: name,
      name: "grading",
      ms: g.durationMs,
      outcome: "error",
      message: firstLine(g.problems[0] ?? g.status) || g.status,
      body: g.problems.join("\n"),
    });
  for (const c of g.cases) cases.push(checkCase(`${name} › ${c.check}`, c));
  return { name, ms: g.durationMs, cases };
}

export function gradeJunit(r: GradeReport): string {
  const label = labeller(r);
  return junitXml(
    "drills grade",
    r.notebooks.map((g) => suite(g, label)),
  );
}

const esc = escapeHtml;
const COLOR: Record<string, string> = { pass: "#1a7f37", fail: "#cf222e", todo: "#9a6700", error: "#8250df" };

export function gradeHtml(r: GradeReport): string {
  const label = labeller(r);
  const summary = r.notebooks
    .map(
      (g) =>
        `<tr><td>${esc(label(g))}</td><td>${esc(g.title ?? "")}</td><td>${g.status === "graded" ? `${g.earned}/${g.total}` : esc(g.status)}</td><td>${pct(g.earned, g.total)}</td><td>${g.tamper.length ? `<b style="color:#cf222e">${esc(g.tamper.map((t) => t.kind).join(", "))}</b>` : "ok"}</td></tr>`,
    )
    .join("");
  const details = r.notebooks
    .map((g) => {
      const items = g.cases
        .map(
          (c) =>
            `<li><span style="color:${COLOR[c.status]}">${esc(c.status)}</span> ${esc(c.name)} <small>(${c.earned}/${c.points}${c.hidden ? ", hidden" : ""})</small>${c.message && c.status !== "pass" ? `<pre>${esc(c.message)}</pre>` : ""}</li>`,
        )
        .join("");
      const notes = [...g.tamper.map((t) => `tamper: ${t.detail}`), ...g.problems]
        .map((p) => `<li>${esc(p)}</li>`)
        .join("");
      return `<section><h2>${esc(label(g))} — ${g.earned}/${g.total}</h2>${g.file ? `<p><code>${esc(g.file)}</code></p>` : ""}${notes ? `<ul class="notes">${notes}</ul>` : ""}<ul>${items}</ul></section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Drills grade</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;color:#24292f}table{border-collapse:collapse}td,th{padding:.25em .8em;border-bottom:1px solid #d0d7de;text-align:left}pre{background:#f6f8fa;padding:.5em;white-space:pre-wrap}.notes{color:#9a6700}</style></head>
<body><h1>Drills grade: ${r.earned}/${r.total} (${pct(r.earned, r.total)})</h1>
<p>Generated ${esc(r.generatedAt)}. ${r.hiddenFile ? `Hidden cases: <code>${esc(r.hiddenFile)}</code>.` : "No hidden cases."} Hidden cases are reported by property; their inputs are never shown.</p>
<p>${r.sandbox === "none" ? '<b style="color:#cf222e">Graded without a sandbox (--no-sandbox).</b>' : `Kernels sandboxed: ${esc(r.sandbox ?? "")}.`} Verdicts are computed outside the candidate's kernel; in-kernel cases (ⓚ) weigh a minority of points. Stretch parts are reported apart from the grade${r.stretch?.total ? `: ${r.stretch.earned}/${r.stretch.total}` : ""}.</p>
${r.candidates?.length > 1 ? `<table><thead><tr><th>Candidate</th><th>Score</th><th></th><th>Stretch</th></tr></thead><tbody>${r.candidates.map((c) => `<tr><td>${esc(c.name)}</td><td>${c.earned}/${c.total}</td><td>${pct(c.earned, c.total)}</td><td>${c.stretch?.total ? `${c.stretch.earned}/${c.stretch.total}` : "—"}</td></tr>`).join("")}</tbody></table>\n` : ""}<table><thead><tr><th>Drill</th><th>Title</th><th>Score</th><th></th><th>Tamper guard</th></tr></thead><tbody>${summary}</tbody></table>
${details}
</body></html>
`;
}

/** Writes grade.json, grade.junit.xml and grade.html into dir; returns their paths. */
export function writeReports(r: GradeReport, dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ["grade.json", JSON.stringify(r, null, 2) + "\n"],
    ["grade.junit.xml", gradeJunit(r)],
    ["grade.html", gradeHtml(r)],
  ];
  return files.map(([name, body]) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, body);
    return f;
  });
}
