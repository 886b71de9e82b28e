/**
 * The runner's JUnit report: one testcase per notebook, and one per check found in its check reports, so a red
 * check shows up by name rather than hidden inside a notebook failure. Written by the shared writer (../junit).
 */
import { type JunitCase, checkCase, errorMessage, junitXml, writeJunitFile } from "../junit/junit";
import { NotebookResult, Failure } from "./execute";
import { formatFailure, stripAnsi } from "./report";

/** `RangeError: boom` when a cell threw (tslab's stderr parsed into ename/evalue), else the failure's kind and text. */
export function failureMessage(f: Failure): string {
  if (f.cell?.ename) return errorMessage(f.cell.ename, stripAnsi(f.cell.evalue ?? ""));
  return `${f.kind}: ${stripAnsi(f.message).split("\n")[0]}`;
}

function notebookCases(result: NotebookResult): JunitCase[] {
  const notebook: JunitCase = {
    classname: "notebooks",
    name: result.path,
    ms: result.durationMs,
    outcome: result.passed
      ? "pass"
      : result.failures.some((f) => f.kind === "cell-error" || f.kind === "uncaught-error")
        ? "fail"
        : "error",
    ...(result.passed
      ? {}
      : {
          message: result.failures.map(failureMessage).join("; "),
          body: result.failures.map((f) => formatFailure(result, f)).join("\n\n"),
        }),
  };
  const checks = result.checks.flatMap((drill) =>
    drill.checks.map((check) => checkCase(`${result.path} › ${drill.drill}`, check)),
  );
  return [notebook, ...checks];
}

export function toJunit(results: NotebookResult[], wallMs: number): string {
  return renderJunit(results.flatMap(notebookCases), wallMs);
}

/** The runner's report from its cases (merge re-renders shards' cases with it). */
export function renderJunit(cases: JunitCase[], wallMs: number): string {
  return junitXml("drills notebooks", [{ name: "drills notebooks", ms: wallMs, cases }], wallMs);
}

export function writeJunit(file: string, results: NotebookResult[], wallMs: number): void {
  writeJunitFile(file, toJunit(results, wallMs));
}
