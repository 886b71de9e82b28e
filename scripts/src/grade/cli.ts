#!/usr/bin/env node
/**
 * `npm run grade -- <candidate notebooks or folder> [--hidden FILE] [--report DIR] [--jobs N] [--timeout S]`:
 * the interviewer's view. Prints a table and writes grade.json, grade.junit.xml, grade.html and the executed
 * notebooks into the report folder. Exit code 0 when every notebook could be graded (whatever the score), 1 when
 * one could not, 2 on a usage error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { gradeNotebooks, PROJECT_ROOT } from "./grade";
import { gradeTable, writeReports } from "./report";
import { cohortCandidates, gradeCohort, readCohortList } from "./cohort";
import { readDurations } from "../shard/durations";
import { parseShard, selectShard } from "../shard/shard";

const USAGE = `usage: npm run grade -- <candidate notebook or folder>… [--hidden FILE] [--report DIR] [--jobs N] [--timeout SECONDS]
  --hidden FILE   extra hidden cases (format: grading/README.md); keep it outside the candidate's copy
  --report DIR    where reports and executed notebooks go (default: build/grade)
  --jobs N        notebooks graded in parallel (default: number of cores)
  --timeout S     per-cell timeout in seconds (default: the runner's)
  --cohort LIST   grade a cohort: every line of LIST (and every argument) is one candidate's folder
  --shard I/N     grade only part I of N of the cohort (split by candidate, never inside one)
  --durations F   a previous grade.json: balance the shards by recorded time (npm run merge combines shards)`;

export interface GradeArgs {
  inputs: string[];
  hidden?: string;
  report: string;
  jobs?: number;
  timeout?: number;
  /** Candidate folders, when grading a cohort (--cohort or --shard). */
  cohort?: string[];
}

export function parseGradeArgs(argv: string[]): GradeArgs {
  const a: GradeArgs = { inputs: [], report: path.join(PROJECT_ROOT, "build", "grade") };
  let cohortFile: string | undefined;
  let shard: string | undefined;
  let durations: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const opt = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${opt} needs a value`);
      return v;
    };
    const count = (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${opt} needs a positive integer, got ${JSON.stringify(v)}`);
      return n;
    };
    if (opt === "--hidden") a.hidden = value();
    else if (opt === "--report") a.report = value();
    else if (opt === "--jobs") a.jobs = count(value());
    else if (opt === "--timeout") a.timeout = count(value());
    else if (opt === "--cohort") cohortFile = value();
    else if (opt === "--shard") shard = value();
    else if (opt === "--durations") durations = value();
    else if (opt === "--help" || opt === "-h") throw new Error("help");
    else if (opt.startsWith("--")) throw new Error(`unknown option ${opt}`);
    else a.inputs.push(opt);
  }
  if (durations && !shard) throw new Error("--durations: only meaningful with --shard I/N");
  if (cohortFile || shard) {
    const all = cohortCandidates([...a.inputs, ...(cohortFile ? readCohortList(cohortFile) : [])]);
    if (all.length === 0) throw new Error("no candidate folders given");
    a.cohort = shard ? selectShard(all, parseShard(shard), durations ? readDurations(durations) : undefined) : all;
    a.inputs = a.cohort;
    if (a.hidden && !fs.existsSync(a.hidden)) throw new Error(`no such hidden-cases file: ${a.hidden}`);
    return a;
  }
  if (a.inputs.length === 0) throw new Error("no candidate notebooks given");
  for (const f of a.inputs) if (!fs.existsSync(f)) throw new Error(`no such file or folder: ${f}`);
  if (a.hidden && !fs.existsSync(a.hidden)) throw new Error(`no such hidden-cases file: ${a.hidden}`);
  return a;
}

/** True when file lies inside one of the folders (a hidden file shipped inside the candidate's copy leaks). */
export function insideAny(file: string, folders: string[]): boolean {
  const f = path.resolve(file);
  return folders.some((d) => fs.existsSync(d) && fs.statSync(d).isDirectory() && !path.relative(path.resolve(d), f).startsWith(".."));
}

export async function grade(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + "\n")): Promise<number> {
  let a: GradeArgs;
  try {
    a = parseGradeArgs(argv);
  } catch (e) {
    const msg = (e as Error).message;
    out(msg === "help" ? USAGE : `grade: ${msg}\n${USAGE}`);
    return msg === "help" ? 0 : 2;
  }
  if (a.hidden && insideAny(a.hidden, a.inputs)) out(`warning: ${a.hidden} is inside the candidate's folder: the candidate could have read the hidden cases`);
  let report;
  try {
    const options = { hiddenFile: a.hidden, executedDir: path.join(a.report, "notebooks"), jobs: a.jobs, timeoutSeconds: a.timeout };
    report = a.cohort ? await gradeCohort(a.cohort, options) : await gradeNotebooks(a.inputs, options);
  } catch (e) {
    out(`grade: ${(e as Error).message}`);
    return 2;
  }
  out(gradeTable(report));
  out(`\nReports: ${writeReports(report, a.report).map((f) => path.relative(process.cwd(), f)).join(", ")}`);
  return report.notebooks.some((g) => g.status === "error") ? 1 : 0;
}

if (require.main === module) {
  grade(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error("grade: internal error:", e);
      process.exit(70);
    },
  );
}
