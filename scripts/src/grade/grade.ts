/**
 * `gradeNotebooks`: for each candidate (one input folder) and each drill notebook in it, run the candidate's own
 * notebook (original check cells restored; their outputs are the shareable report), then judge every public and
 * hidden case outside the kernel (verdicts.ts). Totals come from the registry and the hidden file, never from a
 * notebook. The kernel sees a checks package with no judge in it (kernel-build.ts).
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { REGISTRY, findDrill } from "@drills/checks/meta";
import { readHiddenFile, type HiddenFile } from "@drills/checks/grading";
import { defaultJobs, mapPool } from "../runner/pool";
import { readNotebook, writeNotebook, type Notebook } from "../runner/notebook";
import { sandboxAvailable } from "../sandbox/sandbox";
import { buildKernelChecks } from "./kernel-build";
import { collectCandidates, drillOf, type Candidate } from "./identity";
import { GradingSession } from "./session";
import { readReleased } from "./released";
import { guard, type TamperFinding } from "./tamper";
import { judgeDrill, possiblePoints, type CaseScore } from "./verdicts";

export type { CaseScore } from "./verdicts";

/** The project root: scripts/dist/grade → three levels up. Kernels must start inside it to resolve packages. */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..", "..");

export const DEFAULT_GRADE_TIMEOUT_SECONDS = 120;

export interface NotebookGrade {
  /** The candidate: their folder as given (loose files together are "(files)"). */
  candidate: string;
  file: string;
  drill?: string;
  title?: string;
  status: "graded" | "missing" | "error" | "duplicate";
  /** The notebook the check cells were compared with. */
  original?: string;
  tamper: TamperFinding[];
  cases: CaseScore[];
  /** The grade: the core parts' points (the drill's scope in its time box). */
  earned: number;
  total: number;
  /** Optional stretch parts, reported apart and never part of the grade. */
  stretch: { earned: number; total: number };
  /** Problems that stopped grading, or cells of the candidate's that failed (informational). */
  problems: string[];
  /** The candidate's own run (never any output of the grading requests). */
  executed?: string;
  /** Kernels restarted because a case hung or killed one. */
  restarts: number;
  durationMs: number;
}

export interface CandidateGrade {
  name: string;
  folder?: string;
  earned: number;
  total: number;
  stretch: { earned: number; total: number };
}

export interface GradeReport {
  generatedAt: string;
  hiddenFile?: string;
  /** How the kernels were isolated; "none" only with an explicit --no-sandbox. */
  sandbox: string;
  timeoutSeconds: number;
  candidates: CandidateGrade[];
  notebooks: NotebookGrade[];
  /** The core's points over every notebook (what the grade is). */
  earned: number;
  total: number;
  stretch: { earned: number; total: number };
}

export interface GradeOptions {
  hiddenFile?: string;
  /** Where the candidates' own runs go (a folder; one subfolder per candidate); omit to not keep them. */
  executedDir?: string;
  jobs?: number;
  /** The interviewer's per-cell and per-request timeout; notebooks cannot change it. */
  timeoutSeconds?: number;
  /** Where originals are looked up: notebooks/exercises, then notebooks/solutions (same check cells). */
  root?: string;
  signal?: AbortSignal;
  /** Run kernels without the sandbox (the report says so); refused unless asked for explicitly. */
  noSandbox?: boolean;
  onProgress?(event: { candidate: string; file: string; drill?: string; done: boolean; grade?: NotebookGrade }): void;
}

export function originalFor(drill: string, root = PROJECT_ROOT): string | undefined {
  return ["exercises", "solutions"]
    .map((d) => path.join(root, "notebooks", d, `${drill}.ipynb`))
    .find((f) => fs.existsSync(f));
}

/** The kernel's switches: grading mode (no hints, no reveals), no progress log. Never a path or a secret. */
const GRADING_ENV = { DRILLS_MODE: "grading", DRILLS_PROGRESS: "0" };

/** The kernel build's dist folder for a grading run's work folder (see gradeNotebooks). */
const kernelChecks = (notebookWork: string) =>
  path.join(path.dirname(notebookWork), "node_modules", "@drills", "checks", "dist");

const blank = (candidate: string, file: string): NotebookGrade => ({
  candidate,
  file,
  status: "error",
  tamper: [],
  cases: [],
  earned: 0,
  total: 0,
  stretch: { earned: 0, total: 0 },
  problems: [],
  restarts: 0,
  durationMs: 0,
});

interface Job {
  candidate: Candidate;
  file: string;
  /** Set when another notebook of this candidate already holds the drill. */
  duplicateOf?: string;
  drill?: string;
  problem?: string;
  notebook?: Notebook;
}

/** Reads every notebook, finds its drill, and marks second notebooks for a drill as duplicates. */
function plan(candidates: Candidate[]): Job[] {
  const jobs: Job[] = [];
  for (const candidate of candidates) {
    const holder = new Map<string, string>();
    for (const file of candidate.files) {
      const job: Job = { candidate, file };
      try {
        job.notebook = readNotebook(file);
        const who = drillOf(file, job.notebook);
        if ("problem" in who) job.problem = who.problem;
        else {
          job.drill = who.drill;
          if (holder.has(who.drill)) job.duplicateOf = holder.get(who.drill);
          else holder.set(who.drill, file);
        }
      } catch (e) {
        job.problem = e instanceof Error ? e.message : String(e);
      }
      jobs.push(job);
    }
  }
  return jobs;
}

async function gradeOne(
  job: Job,
  hidden: HiddenFile | undefined,
  o: GradeOptions,
  work: string,
  timeoutSeconds: number,
): Promise<NotebookGrade> {
  const started = Date.now();
  const g = blank(job.candidate.name, job.file);
  g.drill = job.drill;
  try {
    if (job.problem || !job.drill || !job.notebook) throw new Error(job.problem ?? "not a drill notebook");
    g.title = findDrill(job.drill)!.title;
    const possible = possiblePoints(job.drill, hidden);
    g.total = possible.core;
    g.stretch.total = possible.stretch;
    if (job.duplicateOf) {
      g.status = "duplicate";
      g.problems.push(
        `a second notebook for ${job.drill}: ${path.basename(job.duplicateOf)} is graded, this one scores 0`,
      );
      return g;
    }
    g.original = originalFor(job.drill, o.root);
    if (!g.original)
      throw new Error(`no original notebook for ${job.drill} under notebooks/exercises or notebooks/solutions`);
    const guarded = guard(job.notebook, readNotebook(g.original), undefined, readReleased()[job.drill]);
    g.tamper = guarded.findings;
    // The notebook decides nothing about how it runs: always the project's kernel.
    const nb: Notebook = {
      ...guarded.notebook,
      metadata: {
        ...guarded.notebook.metadata,
        kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" },
      },
    };
    fs.mkdirSync(work, { recursive: true });
    const staged = path.join(work, `${job.drill}.ipynb`);
    writeNotebook(staged, nb);
    const session = await GradingSession.open({
      file: staged,
      timeoutSeconds,
      projectRoot: PROJECT_ROOT,
      sandbox: !o.noSandbox,
      kernelChecks: o.noSandbox ? undefined : kernelChecks(work),
      env: GRADING_ENV,
      signal: o.signal,
    });
    try {
      for (const f of session.run.failures)
        g.problems.push(
          `${f.kind}${f.cell ? ` in cell ${f.cell.index + 1} (${f.cell.id})` : ""}: ${f.message.split("\n")[0]}`,
        );
      if (o.executedDir && session.run.notebook) {
        g.executed = path.join(o.executedDir, job.candidate.dir, path.basename(job.file));
        writeNotebook(g.executed, session.run.notebook);
      }
      g.cases = await judgeDrill(session, job.drill, hidden, timeoutSeconds > 0 ? timeoutSeconds * 1000 : 0, o.signal);
      g.restarts = session.restarts;
    } finally {
      await session.close();
    }
    g.earned = g.cases.filter((c) => !c.stretch).reduce((n, c) => n + c.earned, 0);
    g.stretch.earned = g.cases.filter((c) => c.stretch).reduce((n, c) => n + c.earned, 0);
    g.status = "graded";
  } catch (e) {
    g.problems.unshift(e instanceof Error ? e.message : String(e));
  } finally {
    g.durationMs = Date.now() - started;
  }
  return g;
}

export async function gradeNotebooks(inputs: string[], o: GradeOptions = {}): Promise<GradeReport> {
  const probe = sandboxAvailable();
  if (!o.noSandbox && !probe.available) {
    throw new Error(
      `no sandbox on this machine (${probe.reason}): install bubblewrap, or grade with --no-sandbox and accept that a hostile notebook can read the oracles and the hidden file`,
    );
  }
  const hidden = o.hiddenFile ? readHiddenFile(o.hiddenFile) : undefined;
  const timeoutSeconds = o.timeoutSeconds ?? DEFAULT_GRADE_TIMEOUT_SECONDS;
  const candidates = collectCandidates(inputs);
  const jobs = plan(candidates);
  // Staged copies live inside the project (git-ignored build/) so the kernel resolves packages; the kernel's own
  // checks package (no judges) sits in the work folder's node_modules and shadows the real one.
  const work = path.join(PROJECT_ROOT, "build", "grade-work", `${process.pid}-${randomBytes(3).toString("hex")}`);
  let grades: NotebookGrade[] = [];
  try {
    buildKernelChecks(path.join(work, "node_modules", "@drills", "checks"));
    grades = await mapPool(jobs, o.jobs ?? defaultJobs(), async (job, i) => {
      if (o.signal?.aborted) return undefined as unknown as NotebookGrade;
      o.onProgress?.({ candidate: job.candidate.name, file: job.file, drill: job.drill, done: false });
      const g = await gradeOne(job, hidden, o, path.join(work, String(i)), timeoutSeconds);
      o.onProgress?.({ candidate: job.candidate.name, file: job.file, drill: job.drill, done: true, grade: g });
      return g;
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (o.signal?.aborted) throw Object.assign(new Error("grading interrupted"), { name: "AbortError" });
  const notebooks = grades.filter(Boolean);
  for (const c of candidates.filter((x) => x.folder)) {
    const held = new Set(notebooks.filter((g) => g.candidate === c.name && g.drill).map((g) => g.drill));
    for (const d of REGISTRY.filter((x) => !held.has(x.id))) {
      const missing: NotebookGrade = {
        ...blank(c.name, ""),
        drill: d.id,
        title: d.title,
        status: "missing",
        problems: ["not submitted"],
      };
      try {
        const possible = possiblePoints(d.id, hidden);
        missing.total = possible.core;
        missing.stretch.total = possible.stretch;
      } catch (e) {
        missing.problems.push(e instanceof Error ? e.message : String(e));
      }
      notebooks.push(missing);
    }
  }
  const sum = (gs: NotebookGrade[], k: "earned" | "total") => gs.reduce((n, g) => n + g[k], 0);
  const stretch = (gs: NotebookGrade[]) => ({
    earned: gs.reduce((n, g) => n + g.stretch.earned, 0),
    total: gs.reduce((n, g) => n + g.stretch.total, 0),
  });
  return {
    generatedAt: new Date().toISOString(),
    ...(o.hiddenFile ? { hiddenFile: path.resolve(o.hiddenFile) } : {}),
    sandbox: o.noSandbox
      ? "none"
      : `bubblewrap${probe.dropsPrivileges ? ", unprivileged uid" : ""}, no network, own PID namespace`,
    timeoutSeconds,
    candidates: candidates.map((c) => {
      const mine = notebooks.filter((g) => g.candidate === c.name);
      return {
        name: c.name,
        ...(c.folder ? { folder: c.folder } : {}),
        earned: sum(mine, "earned"),
        total: sum(mine, "total"),
        stretch: stretch(mine),
      };
    }),
    notebooks,
    earned: sum(notebooks, "earned"),
    total: sum(notebooks, "total"),
    stretch: stretch(notebooks),
  };
}
