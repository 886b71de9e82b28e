/**
 * Combines the reports of a sharded run into the report one run would have written: the runner's JUnit (testcases
 * grouped by notebook, notebooks in path order, like a run over a folder) and the grader's grade.json, from which
 * grade.junit.xml and grade.html are rendered again by the grader's own writers. Timings stay as recorded; the
 * suite's time is the longest shard's (they ran side by side).
 */
import type { GradeReport, NotebookGrade } from "../grade/grade";
import { candidateTotals } from "../grade/cohort";
import { renderJunit } from "../runner/junit";
import type { JunitCase as TestCase } from "../junit/junit";
import { xmlAttr as attr, xmlUnescape as unescape } from "../junit/junit";

export class MergeError extends Error {}

export function isRunnerJunit(xml: string): boolean {
  return /<testsuites\b[^>]*\bname="drills notebooks"/.test(xml);
}

/** Testcases back from the runner's JUnit (the format runner/junit.ts writes), and the suite's time in ms. */
export function parseRunnerJunit(xml: string, source = "input"): { cases: TestCase[]; wallMs: number } {
  if (!isRunnerJunit(xml)) throw new MergeError(`${source}: not the runner's JUnit (npm run execute -- --junit FILE)`);
  const cases: TestCase[] = [];
  const re = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const m of xml.matchAll(re)) {
    const open = `<testcase${m[1]}>`;
    const c: TestCase = {
      classname: attr(open, "classname") ?? "",
      name: attr(open, "name") ?? "",
      ms: Math.round(Number(attr(open, "time") ?? 0) * 1000),
      outcome: "pass",
    };
    const inner = m[3] ?? "";
    const failure = /<(failure|error)\b([^>]*)>([\s\S]*?)<\/(?:failure|error)>/.exec(inner);
    const skipped = /<skipped\b([^>]*)\/>/.exec(inner);
    if (failure)
      Object.assign(c, {
        outcome: failure[1] === "failure" ? "fail" : "error",
        message: attr(failure[2], "message") ?? "",
        body: unescape(failure[3]),
      });
    else if (skipped) Object.assign(c, { outcome: "skipped", message: attr(skipped[1], "message") ?? "" });
    cases.push(c);
  }
  const time = /<testsuites\b[^>]*\stime="([^"]*)"/.exec(xml);
  return { cases, wallMs: Math.round(Number(time?.[1] ?? 0) * 1000) };
}

/** One JUnit from the shards': a notebook's checks stay behind their notebook; a notebook run twice is an error. */
export function mergeRunnerJunit(inputs: { source: string; xml: string }[]): string {
  const groups = new Map<string, { source: string; cases: TestCase[] }>();
  let wallMs = 0;
  for (const { source, xml } of inputs) {
    const parsed = parseRunnerJunit(xml, source);
    wallMs = Math.max(wallMs, parsed.wallMs);
    let current: TestCase[] | undefined;
    for (const c of parsed.cases) {
      if (c.classname === "notebooks") {
        const seen = groups.get(c.name);
        if (seen)
          throw new MergeError(
            `notebook ${c.name} is in both ${seen.source} and ${source}: were two shards given the same part?`,
          );
        current = [c];
        groups.set(c.name, { source, cases: current });
      } else if (current) current.push(c);
      else throw new MergeError(`${source}: a check testcase (${c.classname}) comes before any notebook`);
    }
  }
  const names = [...groups.keys()].sort((a, b) => a.localeCompare(b));
  return renderJunit(
    names.flatMap((n) => groups.get(n)!.cases),
    wallMs,
  );
}

const identity = (g: NotebookGrade) => `${g.candidate ?? ""}\u0000${g.file}\u0000${g.drill ?? ""}`;

/** One grade report from the shards': candidates in sorted order (as a cohort run grades them), totals recomputed. */
export function mergeGrades(inputs: { source: string; report: GradeReport }[]): GradeReport {
  if (inputs.length === 0) throw new MergeError("no grade.json to merge");
  const hidden = new Set(inputs.map((i) => i.report.hiddenFile ?? ""));
  if (hidden.size > 1)
    throw new MergeError(
      `the shards used different hidden-case files (${[...hidden].map((h) => h || "none").join(", ")}): their scores cannot be combined`,
    );
  const seen = new Map<string, string>();
  const notebooks: NotebookGrade[] = [];
  for (const { source, report } of inputs) {
    if (!Array.isArray(report?.notebooks)) throw new MergeError(`${source}: not a grade.json (no notebooks list)`);
    for (const g of report.notebooks) {
      const id = identity(g);
      if (seen.has(id))
        throw new MergeError(
          `${g.candidate ?? ""} ${g.drill ?? g.file} is in both ${seen.get(id)} and ${source}: were two shards given the same part?`,
        );
      seen.set(id, source);
      notebooks.push(g);
    }
  }
  const cohort = notebooks.some((g) => g.candidate !== undefined);
  if (cohort) {
    const order = new Map(notebooks.map((g, i) => [g, i] as const));
    notebooks.sort((a, b) =>
      (a.candidate ?? "") < (b.candidate ?? "")
        ? -1
        : (a.candidate ?? "") > (b.candidate ?? "")
          ? 1
          : order.get(a)! - order.get(b)!,
    );
  }
  const [hiddenFile] = hidden;
  return {
    generatedAt: inputs
      .map((i) => i.report.generatedAt)
      .sort()
      .pop()!,
    ...(hiddenFile ? { hiddenFile } : {}),
    sandbox: [...new Set(inputs.map((i) => i.report.sandbox))].join(" / "),
    timeoutSeconds: Math.max(...inputs.map((i) => i.report.timeoutSeconds ?? 0)),
    candidates: candidateTotals(notebooks),
    notebooks,
    earned: notebooks.reduce((n, g) => n + g.earned, 0),
    total: notebooks.reduce((n, g) => n + g.total, 0),
    stretch: {
      earned: notebooks.reduce((n, g) => n + (g.stretch?.earned ?? 0), 0),
      total: notebooks.reduce((n, g) => n + (g.stretch?.total ?? 0), 0),
    },
  };
}
