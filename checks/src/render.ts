/**
 * The one message template, in three forms: terminal text, notebook HTML, and the machine-readable JSON that the
 * runner and grader count (MIME `application/vnd.drills.check+json`).
 *
 *   ✘ zscore: output std should be 1   (allClose, tol 1e-5)
 *     Input:    x = 1e4 + N(0,1), n = 20000
 *     Expected: std 1.0
 *     Actual:   std 0.0   (one-pass variance cancels in float32)
 *     Hint: subtract the mean first, then square (two-pass).
 */
// The side-effect-free module, not the package index: rendering must not load tfjs.
import { escapeHtml } from "@drills/lib/dist/html";
import type { CaseResult, DrillReport } from "./drill";
import { REPORT_MIME, REPORT_VERSION, slug, type ReportJson, type Status } from "./report";

export { REPORT_MIME };
export type { ReportJson };

const MARK: Record<Status, string> = { pass: "✔", fail: "✘", todo: "…", error: "‼" };

const HEADLINE: Record<Status, string> = {
  pass: "all checks pass",
  fail: "some checks fail",
  todo: "not implemented yet (todo): replace the stub, then run this cell again",
  error: "a check crashed: this is a bug in the pack, please report it",
};

/** The labelled lines under a case's headline; the same for text and HTML. */
export function detailLines(r: CaseResult): [label: string, text: string][] {
  const f = r.failure;
  if (!f) return [];
  const lines: [string, string][] = [];
  if (f.input !== undefined) lines.push(["Input", f.input]);
  lines.push(["Expected", f.expected]);
  lines.push(["Actual", f.note ? `${f.actual}   (${f.note})` : f.actual]);
  if (r.hint) lines.push(["Hint", r.hint]);
  return lines;
}

/** A case slower than this says so: a check cannot stop a slow answer, but it can name it. */
export const SLOW_MS = 2000;

function headline(r: CaseResult): string {
  const slow = r.ms > SLOW_MS ? `   (slow: ${(r.ms / 1000).toFixed(1)} s)` : "";
  if (r.status === "todo") return `${r.name}: todo`;
  if (!r.failure) return `${r.name}${slow}`;
  return `${r.name}: ${r.failure.what}${r.failure.how ? `   (${r.failure.how})` : ""}${slow}`;
}

export function caseText(r: CaseResult): string {
  const pad = (label: string) => (label === "Hint" ? "Hint: " : `${label}:`.padEnd(10));
  return [`${MARK[r.status]} ${headline(r)}`, ...detailLines(r).map(([l, t]) => `  ${pad(l)}${t}`)].join("\n");
}

interface Group {
  first: CaseResult;
  more: CaseResult[];
}

/** A failure's cause, as the reader sees it: what failed, why, and the hint. */
const cause = (r: CaseResult) =>
  r.failure ? JSON.stringify([r.status, r.failure.what, r.failure.note ?? "", r.hint ?? ""]) : undefined;

/**
 * Identical failures across cases read once: the first in full, then "+N more cases, same cause". An off-by-one
 * that breaks seven cases is one bug, and seven copies of its message bury the other findings.
 */
export function groupResults(results: CaseResult[]): Group[] {
  const groups: Group[] = [];
  const byCause = new Map<string, Group>();
  for (const r of results) {
    const key = cause(r);
    const g = key ? byCause.get(key) : undefined;
    if (g) g.more.push(r);
    else {
      const fresh = { first: r, more: [] };
      groups.push(fresh);
      if (key) byCause.set(key, fresh);
    }
  }
  return groups;
}

const sameCause = (more: CaseResult[]) =>
  more.length
    ? `  +${more.length} more ${more.length === 1 ? "case" : "cases"}, same cause: ${more.map((r) => r.name).join("; ")}`
    : undefined;

function counts(report: DrillReport): string {
  const n = (s: Status) => report.results.filter((r) => r.status === s).length;
  const parts = (["pass", "fail", "todo", "error"] as Status[]).filter((s) => n(s) > 0).map((s) => `${n(s)} ${s}`);
  return parts.join(", ");
}

export function reportText(report: DrillReport): string {
  const head = `${MARK[report.status]} ${report.drill} — ${report.title}: ${HEADLINE[report.status]} (${counts(report)})`;
  // A todo drill lists no per-case noise: the headline says what to do.
  const body = report.status === "todo" ? report.results.filter((r) => r.status !== "todo") : report.results;
  const lines = groupResults(body).flatMap((g) => [caseText(g.first), ...(g.more.length ? [sameCause(g.more)!] : [])]);
  return [head, ...lines, ...(report.why ? [`Why: ${report.why}`] : [])].join("\n");
}

const esc = escapeHtml;
const COLOR: Record<Status, string> = { pass: "#1a7f37", fail: "#cf222e", todo: "#9a6700", error: "#8250df" };

export function reportHtml(report: DrillReport): string {
  const item = ({ first: r, more }: Group) => {
    const rows = detailLines(r)
      .map(
        ([l, t]) =>
          `<div><span style="display:inline-block;min-width:5.5em;color:#57606a">${l}:</span><code>${esc(t)}</code></div>`,
      )
      .join("");
    return `<li data-status="${r.status}" style="list-style:none;margin:.2em 0"><span style="color:${COLOR[r.status]}">${MARK[r.status]}</span> ${esc(headline(r))}${rows ? `<div style="margin-left:1.4em">${rows}</div>` : ""}${more.length ? `<div style="margin-left:1.4em;color:#57606a">${esc(sameCause(more)!.trim())}</div>` : ""}</li>`;
  };
  const body = report.status === "todo" ? report.results.filter((r) => r.status !== "todo") : report.results;
  return (
    `<div class="drills-report" data-drill="${esc(report.drill)}" data-status="${report.status}" style="font-family:system-ui,sans-serif;border-left:4px solid ${COLOR[report.status]};padding:.3em .8em">` +
    `<div><b style="color:${COLOR[report.status]}">${MARK[report.status]} ${esc(report.title)}</b> — ${esc(HEADLINE[report.status])} (${esc(counts(report))})</div>` +
    `<ul style="padding-left:0;margin:.3em 0">${groupResults(body).map(item).join("")}</ul>` +
    (report.why ? `<div class="drills-why" style="color:#57606a"><b>Why:</b> ${esc(report.why)}</div>` : "") +
    `</div>`
  );
}

export function reportJson(report: DrillReport): ReportJson {
  return {
    v: REPORT_VERSION,
    drill: report.drill,
    part: report.part ?? slug(report.title),
    title: report.title,
    status: report.status,
    checks: report.results.map((r) => ({
      id: r.id ?? slug(r.name),
      name: r.name,
      status: r.status,
      ...(r.failure ? { message: caseText(r) } : {}),
      ms: Math.round(r.ms * 10) / 10,
      points: r.points ?? 1,
      ...(r.hidden ? { hidden: true } : {}),
      ...(r.inKernel ? { inKernel: true } : {}),
    })),
  };
}
