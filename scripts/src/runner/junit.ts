/**
 * JUnit XML for CI dashboards: one testcase per notebook, and one per check found in its check reports, so a red
 * check shows up by name rather than hidden inside a notebook failure. `todo` checks are reported as skipped.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { NotebookResult } from "./execute";
import { formatFailure, stripAnsi } from "./report";

export interface TestCase {
  classname: string;
  name: string;
  seconds: number;
  failure?: { message: string; body: string };
  skipped?: string;
}

export function toJunit(results: NotebookResult[], wallMs: number): string {
  return renderJunit(junitCases(results), wallMs);
}

export function junitCases(results: NotebookResult[]): TestCase[] {
  const cases: TestCase[] = [];
  for (const result of results) {
    cases.push({
      classname: "notebooks",
      name: result.path,
      seconds: result.durationMs / 1000,
      ...(result.passed
        ? {}
        : {
            failure: {
              message: result.failures.map((f) => `${f.kind}: ${stripAnsi(f.message).split("\n")[0]}`).join("; "),
              body: result.failures.map((f) => formatFailure(result, f)).join("\n\n"),
            },
          }),
    });
    for (const drill of result.checks) {
      for (const check of drill.checks) {
        const testCase: TestCase = { classname: `${result.path} › ${drill.drill}`, name: check.name, seconds: 0 };
        if (check.status === "fail" || check.status === "error") {
          testCase.failure = { message: `${check.status}: ${check.message ?? ""}`.trim(), body: check.message ?? "" };
        } else if (check.status === "todo") {
          testCase.skipped = check.message ?? "todo";
        }
        cases.push(testCase);
      }
    }
  }
  return cases;
}

/** The XML for testcases (also used by `npm run merge` on cases read back from shards' files). */
export function renderJunit(cases: TestCase[], wallMs: number): string {
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const body = cases.map(formatCase).join("\n");
  const suite = `name="drills notebooks" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${(wallMs / 1000).toFixed(3)}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${suite}>\n  <testsuite ${suite}>\n${body}\n  </testsuite>\n</testsuites>\n`;
}

export function writeJunit(file: string, results: NotebookResult[], wallMs: number): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, toJunit(results, wallMs));
}

function formatCase(c: TestCase): string {
  const open = `    <testcase classname="${escape(c.classname)}" name="${escape(c.name)}" time="${c.seconds.toFixed(3)}"`;
  if (c.failure) return `${open}>\n      <failure message="${escape(c.failure.message)}">${escape(c.failure.body)}</failure>\n    </testcase>`;
  if (c.skipped !== undefined) return `${open}>\n      <skipped message="${escape(c.skipped)}"/>\n    </testcase>`;
  return `${open}/>`;
}

/** XML-escapes text and drops characters XML 1.0 cannot carry at all (kernel output can contain any byte). */
export function escape(value: string): string {
  return value
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
