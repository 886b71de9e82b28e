/**
 * What a person reads after a run: every failure with the notebook, the cell (position, execution count, id), the
 * cell's source and the kernel's own words; a one-line tally; and, with --summary, the check counts per drill.
 */
import { DrillReport } from "./checks";
import { Failure, NotebookResult } from "./execute";

const SOURCE_HEAD = 12;
const SOURCE_TAIL = 6;
const MESSAGE_LINES = 30;

export function formatFailure(result: NotebookResult, failure: Failure): string {
  const lines: string[] = [];
  const cell = failure.cell;
  const where = cell
    ? `cell ${cell.index + 1}${result.notebook ? ` of ${result.notebook.cells.length}` : ""} [${cell.executionCount}] (id ${cell.id})`
    : "notebook";
  lines.push(`FAILED ${result.path} — ${where}: ${failure.kind}`);
  if (cell) {
    lines.push("  source:");
    for (const line of clip(cell.source.split("\n"), SOURCE_HEAD, SOURCE_TAIL)) lines.push(`  | ${line}`);
    if (cell.ename && !failure.message.includes(cell.evalue ?? "")) lines.push(`  ${cell.ename}: ${cell.evalue ?? ""}`);
  }
  lines.push("  kernel says:");
  for (const line of clip(stripAnsi(failure.message).split("\n"), MESSAGE_LINES - 5, 5)) lines.push(`    ${line}`);
  if (result.outPath) lines.push(`  executed notebook: ${result.outPath}`);
  return lines.join("\n");
}

export function formatFailures(results: NotebookResult[]): string {
  return results.flatMap((result) => result.failures.map((failure) => formatFailure(result, failure))).join("\n\n");
}

export function formatTally(results: NotebookResult[], wallMs: number): string {
  const passed = results.filter((r) => r.passed).length;
  const failed = results.length - passed;
  const noun = results.length === 1 ? "notebook" : "notebooks";
  return `${results.length} ${noun}: ${passed} passed, ${failed} failed in ${(wallMs / 1000).toFixed(1)}s`;
}

export function formatResultLine(result: NotebookResult): string {
  const mark = result.passed ? "PASS" : "FAIL";
  const why = result.passed ? "" : `  (${result.failures.map((f) => f.kind).join(", ")})`;
  return `${mark} ${result.path}  ${(result.durationMs / 1000).toFixed(1)}s${why}`;
}

/** One line per drill: `01-zscore  Z-scores  pass 3  fail 1  todo 2  (notebooks/exercises/01-zscore.ipynb)`. */
export function formatSummary(results: NotebookResult[]): string {
  const rows: Array<{ drill: DrillReport; path: string }> = [];
  for (const result of results) for (const drill of result.checks) rows.push({ drill, path: result.path });
  if (rows.length === 0) return "checks: no check reports found in these notebooks";
  rows.sort((a, b) => a.drill.drill.localeCompare(b.drill.drill));
  const idWidth = Math.max(...rows.map((r) => r.drill.drill.length));
  const titleWidth = Math.min(40, Math.max(...rows.map((r) => r.drill.title.length)));
  return rows
    .map(({ drill, path }) => {
      const count = (status: string) => drill.checks.filter((c) => c.status === status).length;
      const failed = count("fail") + count("error");
      const title = drill.title.length > titleWidth ? drill.title.slice(0, titleWidth - 1) + "…" : drill.title;
      return `${drill.status.toUpperCase().padEnd(4)} ${drill.drill.padEnd(idWidth)}  ${title.padEnd(titleWidth)}  pass ${count("pass")}  fail ${failed}  todo ${count("todo")}  (${path})`;
    })
    .join("\n");
}

/** Kernels colour their tracebacks for notebook front ends; in a log or an XML report the codes are noise. */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
}

/** Head and tail of long text with a count of what was left out, so the interesting ends both show. */
function clip(lines: string[], head: number, tail: number): string[] {
  while (lines.length > 1 && lines[lines.length - 1].trim() === "") lines = lines.slice(0, -1);
  if (lines.length <= head + tail + 1) return lines;
  return [...lines.slice(0, head), `… ${lines.length - head - tail} lines omitted …`, ...lines.slice(-tail)];
}
