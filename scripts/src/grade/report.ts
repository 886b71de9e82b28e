/**
 * The grade in four forms: a terminal table, JSON (the whole GradeReport), JUnit XML (a testsuite per notebook, a
 * testcase per case, plus one for the tamper guard) and a standalone HTML page.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { GradeReport, NotebookGrade } from "./grade";

const pct = (e: number, t: number) => (t > 0 ? `${Math.round((100 * e) / t)}%` : "—");
/** A notebook's name in every form: its drill, prefixed by the candidate when grading a cohort. */
const label = (g: NotebookGrade, fallback = g.file) => `${g.candidate !== undefined ? `${g.candidate} › ` : ""}${g.drill ?? fallback}`;

export function gradeTable(r: GradeReport): string {
  const head = ["Drill", "Score", "", "Pass", "Fail", "Todo", "Hidden", "Tamper"];
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
      g.tamper.length ? g.tamper.map((t) => t.kind).join(", ") : "ok",
    ];
  });
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((s, i) => (i === 1 || (i >= 3 && i <= 5) ? s.padStart(w[i]) : s.padEnd(w[i]))).join("  ").trimEnd();
  const out = [line(head), ...rows.map(line), "", `Total: ${r.earned}/${r.total} (${pct(r.earned, r.total)})${r.hiddenFile ? `, hidden cases from ${r.hiddenFile}` : ", no hidden cases"}`];
  for (const c of r.candidates ?? []) out.push(`  ${c.candidate}: ${c.earned}/${c.total} (${pct(c.earned, c.total)})`);
  for (const g of r.notebooks) {
    const notes = [...g.tamper.map((t) => `tamper: ${t.detail}`), ...(g.status === "missing" ? [] : g.problems.map((p) => `problem: ${p}`))];
    const lost = g.cases.filter((c) => c.status !== "pass").map((c) => `${c.status}: ${c.name}${c.hidden ? " (hidden)" : ""}`);
    if (notes.length || lost.length) out.push("", `${label(g)}:`, ...[...notes, ...lost].map((s) => `  ${s}`));
  }
  return out.join("\n");
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

function suite(g: NotebookGrade): string {
  const cases: string[] = [];
  const name = label(g);
  cases.push(
    g.tamper.length
      ? `<testcase classname="${xml(name)}" name="tamper guard"><failure message="${xml(g.tamper.map((t) => t.kind).join(", "))}">${xml(g.tamper.map((t) => t.detail).join("\n"))}</failure></testcase>`
      : `<testcase classname="${xml(name)}" name="tamper guard"/>`,
  );
  if (g.status !== "graded") cases.push(`<testcase classname="${xml(name)}" name="grading"><error message="${xml(g.status)}">${xml(g.problems.join("\n"))}</error></testcase>`);
  for (const c of g.cases) {
    const open = `<testcase classname="${xml(`${name} › ${c.check}`)}" name="${xml(c.name)}"`;
    if (c.status === "pass") cases.push(`${open}/>`);
    else if (c.status === "error") cases.push(`${open}><error message="error">${xml(c.message ?? "")}</error></testcase>`);
    else cases.push(`${open}><failure message="${c.status}">${xml(c.message ?? c.status)}</failure></testcase>`);
  }
  const failures = g.cases.filter((c) => c.status === "fail" || c.status === "todo").length + (g.tamper.length ? 1 : 0);
  const errors = g.cases.filter((c) => c.status === "error").length + (g.status !== "graded" ? 1 : 0);
  return `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${(g.durationMs / 1000).toFixed(3)}">\n    ${cases.join("\n    ")}\n  </testsuite>`;
}

export function gradeJunit(r: GradeReport): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="drills grade">\n${r.notebooks.map(suite).join("\n")}\n</testsuites>\n`;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const COLOR: Record<string, string> = { pass: "#1a7f37", fail: "#cf222e", todo: "#9a6700", error: "#8250df" };

export function gradeHtml(r: GradeReport): string {
  const summary = r.notebooks
    .map((g) => `<tr><td>${esc(label(g))}</td><td>${esc(g.title ?? "")}</td><td>${g.status === "graded" ? `${g.earned}/${g.total}` : esc(g.status)}</td><td>${pct(g.earned, g.total)}</td><td>${g.tamper.length ? `<b style="color:#cf222e">${esc(g.tamper.map((t) => t.kind).join(", "))}</b>` : "ok"}</td></tr>`)
    .join("");
  const details = r.notebooks
    .map((g) => {
      const items = g.cases
        .map((c) => `<li><span style="color:${COLOR[c.status]}">${esc(c.status)}</span> ${esc(c.name)} <small>(${c.earned}/${c.points}${c.hidden ? ", hidden" : ""})</small>${c.message && c.status !== "pass" ? `<pre>${esc(c.message)}</pre>` : ""}</li>`)
        .join("");
      const notes = [...g.tamper.map((t) => `tamper: ${t.detail}`), ...g.problems].map((p) => `<li>${esc(p)}</li>`).join("");
      return `<section><h2>${esc(label(g))} — ${g.earned}/${g.total}</h2>${g.file ? `<p><code>${esc(g.file)}</code></p>` : ""}${notes ? `<ul class="notes">${notes}</ul>` : ""}<ul>${items}</ul></section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Drills grade</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;color:#24292f}table{border-collapse:collapse}td,th{padding:.25em .8em;border-bottom:1px solid #d0d7de;text-align:left}pre{background:#f6f8fa;padding:.5em;white-space:pre-wrap}.notes{color:#9a6700}</style></head>
<body><h1>Drills grade: ${r.earned}/${r.total} (${pct(r.earned, r.total)})</h1>
<p>Generated ${esc(r.generatedAt)}. ${r.hiddenFile ? `Hidden cases: <code>${esc(r.hiddenFile)}</code>.` : "No hidden cases."} Hidden cases are reported by property; their inputs are never shown.</p>
${r.candidates ? `<table><thead><tr><th>Candidate</th><th>Score</th><th></th></tr></thead><tbody>${r.candidates.map((c) => `<tr><td>${esc(c.candidate)}</td><td>${c.earned}/${c.total}</td><td>${pct(c.earned, c.total)}</td></tr>`).join("")}</tbody></table>\n` : ""}<table><thead><tr><th>Drill</th><th>Title</th><th>Score</th><th></th><th>Tamper guard</th></tr></thead><tbody>${summary}</tbody></table>
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
