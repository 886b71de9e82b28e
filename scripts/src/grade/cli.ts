#!/usr/bin/env node
/**
 * `npm run grade -- <candidate notebooks or folder> [--hidden FILE] [--report DIR] [--jobs N] [--timeout S]`:
 * the interviewer's view. Prints a table and writes grade.json, grade.junit.xml, grade.html and the executed
 * notebooks into the report folder. Exit code 0 when every notebook could be graded (whatever the score), 1 when
 * one could not, 2 on a usage error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  type Command,
  type Io,
  PROCESS_IO,
  SHARED,
  UsageError,
  type Values,
  exitWith,
  nonNegativeNumber,
  parseCommand,
  positiveInteger,
  runCommand,
} from "../cli/options";
import { checkTimeout } from "../runner/timeouts";
import { gradeNotebooks, PROJECT_ROOT } from "./grade";
import { cohortCandidates, readCohortList } from "./cohort";
import { parseShard, selectShard } from "../shard/shard";
import { readDurations } from "../shard/durations";
import { gradeTable, writeReports } from "./report";

export const GRADE: Command = {
  name: "grade",
  synopsis:
    "npm run grade -- <candidate notebook or folder>… [--hidden FILE] [--report DIR] [--jobs N] [--timeout SECONDS]",
  description:
    "Executes the candidate's notebooks with the original check cells and any hidden cases, and scores them.",
  positionals: true,
  options: {
    hidden: {
      type: "string",
      value: "FILE",
      help: "extra hidden cases (format: grading/README.md); keep it outside the candidate's copy",
    },
    report: { ...SHARED.out, help: "where reports and executed notebooks go (default: build/grade)" },
    jobs: { ...SHARED.jobs, help: "notebooks graded in parallel (default: number of cores)" },
    timeout: {
      ...SHARED.timeout,
      help: "per-cell and per-request timeout in seconds, for every notebook whatever its metadata says (default: 120; 0 = none)",
    },
    "no-sandbox": {
      type: "boolean",
      help: "run kernels without bubblewrap (only where it cannot run; the report says so)",
    },
    cohort: {
      type: "string",
      value: "LIST",
      help: "grade a cohort: every line of LIST (and every argument) is one candidate's folder",
    },
    shard: {
      type: "string",
      value: "I/N",
      help: "grade only part I of N of the candidates (split by candidate, never inside one)",
    },
    durations: {
      type: "string",
      value: "FILE",
      help: "a previous grade.json: balance the shards by recorded time (npm run merge combines shards)",
    },
  },
  footer:
    "Exit status: 0 every notebook could be graded (whatever the score), 1 one could not, 2 bad invocation, 130 interrupted (Ctrl-C).",
};

export interface GradeArgs {
  inputs: string[];
  hidden?: string;
  report: string;
  jobs?: number;
  timeout?: number;
  noSandbox?: boolean;
  /** Candidate folders, when grading a cohort (--cohort or --shard). */
  cohort?: string[];
}

function toGradeArgs(v: Values, inputs: string[]): GradeArgs {
  const a: GradeArgs = {
    inputs,
    report: typeof v.report === "string" ? v.report : path.join(PROJECT_ROOT, "build", "grade"),
  };
  if (typeof v.hidden === "string") a.hidden = v.hidden;
  if (typeof v.jobs === "string") a.jobs = positiveInteger("jobs", v.jobs);
  if (typeof v.timeout === "string") a.timeout = gradeTimeout(v.timeout);
  if (v["no-sandbox"] === true) a.noSandbox = true;
  const cohortFile = typeof v.cohort === "string" ? v.cohort : undefined;
  const shard = typeof v.shard === "string" ? v.shard : undefined;
  if (typeof v.durations === "string" && !shard) throw new UsageError("--durations: only meaningful with --shard I/N");
  if (cohortFile || shard) {
    // A cohort: candidate folders, split by candidate (never inside one) when sharded.
    try {
      const all = cohortCandidates([...a.inputs, ...(cohortFile ? readCohortList(cohortFile) : [])]);
      if (all.length === 0) throw new UsageError("no candidate folders given");
      a.inputs = a.cohort = shard
        ? selectShard(all, parseShard(shard), typeof v.durations === "string" ? readDurations(v.durations) : undefined)
        : all;
    } catch (e) {
      throw e instanceof UsageError ? e : new UsageError((e as Error).message);
    }
    if (a.hidden && !fs.existsSync(a.hidden)) throw new UsageError(`no such hidden-cases file: ${a.hidden}`);
    return a;
  }
  if (a.inputs.length === 0) throw new UsageError("no candidate notebooks given");
  for (const f of a.inputs) if (!fs.existsSync(f)) throw new UsageError(`no such file or folder: ${f}`);
  if (a.hidden && !fs.existsSync(a.hidden)) throw new UsageError(`no such hidden-cases file: ${a.hidden}`);
  return a;
}

/** The runner's one timeout rule: 0 or −1 none, else 1 to 2,147,483 seconds. */
function gradeTimeout(v: string): number {
  const n = nonNegativeNumber("timeout", v === "-1" ? "0" : v);
  try {
    checkTimeout(n, "--timeout");
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return n;
}

/** The options of a grading run (help and version are handled by `grade`). */
export function parseGradeArgs(argv: string[]): GradeArgs {
  const parsed = parseCommand(GRADE, argv);
  if (parsed.action !== "run") throw new UsageError(`${parsed.action} is not a grading run`);
  return toGradeArgs(parsed.values, parsed.positionals);
}

/** True when file lies inside one of the folders (a hidden file shipped inside the candidate's copy leaks). */
export function insideAny(file: string, folders: string[]): boolean {
  const f = path.resolve(file);
  return folders.some(
    (d) => fs.existsSync(d) && fs.statSync(d).isDirectory() && !path.relative(path.resolve(d), f).startsWith(".."),
  );
}

export async function grade(argv: string[], io: Io = PROCESS_IO): Promise<number> {
  return runCommand(
    GRADE,
    argv,
    async (values, positionals) => {
      const a = toGradeArgs(values, positionals);
      if (a.hidden && insideAny(a.hidden, a.inputs))
        io.stderr(
          `grade: warning: ${a.hidden} is inside the candidate's folder: the candidate could have read the hidden cases`,
        );
      let report;
      // Ctrl-C: no new notebook starts, running kernels are ended by their supervisors, staged copies are removed.
      const abort = new AbortController();
      const stop = () => abort.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      const total = { done: 0 };
      try {
        report = await gradeNotebooks(a.inputs, {
          hiddenFile: a.hidden,
          executedDir: path.join(a.report, "notebooks"),
          jobs: a.jobs,
          timeoutSeconds: a.timeout,
          noSandbox: a.noSandbox,
          signal: abort.signal,
          onProgress: (e) => {
            if (!e.done) return;
            total.done++;
            io.stderr(
              `grade: [${total.done}] ${e.candidate}/${path.basename(e.file)}: ${e.grade ? `${e.grade.status} ${e.grade.earned}/${e.grade.total}` : ""}`,
            );
          },
        });
      } catch (e) {
        if (abort.signal.aborted) {
          io.stderr("grade: interrupted; no kernel and no staged copy left");
          return 130;
        }
        // An unreadable hidden file or candidate folder, or no sandbox: the invocation cannot work as given.
        throw new UsageError((e as Error).message);
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
      io.stdout(gradeTable(report));
      io.stdout(
        `\nReports: ${writeReports(report, a.report)
          .map((f) => path.relative(process.cwd(), f))
          .join(", ")}`,
      );
      return report.notebooks.some((g) => g.status === "error") ? 1 : 0;
    },
    io,
  );
}

if (require.main === module) exitWith("grade", grade(process.argv.slice(2)));
