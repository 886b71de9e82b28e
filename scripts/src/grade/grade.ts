/**
 * `gradeNotebooks`: for each candidate notebook, find its drill and the generated exercise it came from, restore
 * the original check cells (tamper guard), execute it headlessly with the hidden cases in the kernel's environment,
 * and score the cases reported by the original check cells.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { CATALOGUE, findDrill, readHiddenFile, type HiddenFile } from "@drills/checks";
import { executeNotebook, defaultJobs } from "../runner";
import { readNotebook, writeNotebook, type Notebook } from "../runner/notebook";
import { possiblePoints, scoreCells, type CaseScore } from "./score";
import { guard, type TamperFinding } from "./tamper";

/** The project root: scripts/dist/grade → three levels up. Kernels must start inside it to resolve @drills/*. */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..", "..");

export interface NotebookGrade {
  file: string;
  /** The candidate's folder, when grading a cohort (npm run grade -- --cohort LIST). */
  candidate?: string;
  drill?: string;
  title?: string;
  status: "graded" | "missing" | "error";
  /** The notebook the check cells were compared with. */
  original?: string;
  tamper: TamperFinding[];
  cases: CaseScore[];
  earned: number;
  total: number;
  /** Problems that stopped grading, or cells of the candidate's that failed (informational). */
  problems: string[];
  executed?: string;
  durationMs: number;
}

export interface GradeReport {
  generatedAt: string;
  hiddenFile?: string;
  notebooks: NotebookGrade[];
  earned: number;
  total: number;
  /** Per-candidate totals, when grading a cohort. */
  candidates?: { candidate: string; earned: number; total: number }[];
}

export interface GradeOptions {
  hiddenFile?: string;
  /** Where executed notebooks go (a folder); omit to not keep them. */
  executedDir?: string;
  jobs?: number;
  timeoutSeconds?: number;
  /** Where originals are looked up: notebooks/exercises, then notebooks/solutions (same check cells). */
  root?: string;
}

/** Candidate notebooks from files and folders; a folder also yields a "missing" entry for every drill not in it. */
export function collectCandidates(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const seen = new Set<string>();
  let folder = false;
  for (const input of inputs) {
    const stat = fs.statSync(input);
    if (stat.isDirectory()) {
      folder = true;
      for (const f of fs.readdirSync(input).sort()) if (f.endsWith(".ipynb")) files.push(path.join(input, f));
    } else files.push(input);
  }
  for (const f of files) seen.add(path.basename(f, ".ipynb"));
  const missing = folder ? CATALOGUE.filter((d) => !seen.has(d.id)).map((d) => d.id) : [];
  return { files, missing };
}

export function originalFor(drill: string, root = PROJECT_ROOT): string | undefined {
  return ["exercises", "solutions"].map((d) => path.join(root, "notebooks", d, `${drill}.ipynb`)).find((f) => fs.existsSync(f));
}

function drillOf(file: string, nb: Notebook): string | undefined {
  const meta = nb.metadata?.drills?.id;
  return findDrill(typeof meta === "string" ? meta : path.basename(file, ".ipynb"))?.id;
}

/** Output names for executed notebooks: the candidate's file names, suffixed when two inputs share one. */
function outputNames(files: string[]): string[] {
  const used = new Map<string, number>();
  return files.map((f) => {
    const base = path.basename(f, ".ipynb");
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? `${base}.ipynb` : `${base}-${n}.ipynb`;
  });
}

async function gradeOne(file: string, hidden: HiddenFile | undefined, o: GradeOptions, work: string, outName: string): Promise<NotebookGrade> {
  const started = Date.now();
  const g: NotebookGrade = { file, status: "error", tamper: [], cases: [], earned: 0, total: 0, problems: [], durationMs: 0 };
  try {
    const candidate = readNotebook(file);
    g.drill = drillOf(file, candidate);
    if (!g.drill) throw new Error(`not a drill notebook: metadata.drills.id and the file name match none of ${CATALOGUE.map((d) => d.id).join(", ")}`);
    g.title = findDrill(g.drill)!.title;
    g.total = possiblePoints(g.drill, hidden);
    g.original = originalFor(g.drill, o.root);
    if (!g.original) throw new Error(`no original notebook for ${g.drill} under notebooks/exercises or notebooks/solutions`);
    const original = readNotebook(g.original);
    const guarded = guard(candidate, original);
    g.tamper = guarded.findings;
    const checkIds = new Set(original.cells.filter((c) => c.metadata?.tags?.includes?.("check")).map((c) => c.id!));
    const staged = path.join(work, `${g.drill}.ipynb`);
    writeNotebook(staged, guarded.notebook);
    const env: NodeJS.ProcessEnv = { ...process.env, DRILLS_PROGRESS: "0", DRILLS_MODE: "headless" };
    delete env.DRILLS_STRICT;
    if (o.hiddenFile) env.DRILLS_HIDDEN_FILE = path.resolve(o.hiddenFile);
    else delete env.DRILLS_HIDDEN_FILE;
    const outPath = o.executedDir ? path.join(o.executedDir, outName) : undefined;
    const result = await executeNotebook(staged, { env, allowErrors: true, strict: false, timeoutSeconds: o.timeoutSeconds, outPath });
    g.executed = result.outPath;
    for (const f of result.failures) g.problems.push(`${f.kind}${f.cell ? ` in cell ${f.cell.index + 1}` : ""}: ${f.message.split("\n")[0]}`);
    if (!result.notebook) throw new Error(result.failures.map((f) => f.message).join("; ") || "the notebook did not run");
    g.cases = scoreCells(result.notebook, checkIds, g.drill, hidden);
    g.total = Math.max(g.total, g.cases.reduce((n, c) => n + c.points, 0));
    g.earned = g.cases.reduce((n, c) => n + c.earned, 0);
    g.status = "graded";
  } catch (e) {
    g.problems.unshift(e instanceof Error ? e.message : String(e));
  }
  g.durationMs = Date.now() - started;
  return g;
}

export async function gradeNotebooks(inputs: string[], o: GradeOptions = {}): Promise<GradeReport> {
  const hidden = o.hiddenFile ? readHiddenFile(o.hiddenFile) : undefined;
  const { files, missing } = collectCandidates(inputs);
  // Staged copies live inside the project (git-ignored build/), so the kernel resolves @drills/* packages.
  const work = path.join(PROJECT_ROOT, "build", "grade-work", `${process.pid}-${randomBytes(3).toString("hex")}`);
  const grades: NotebookGrade[] = new Array(files.length);
  const names = outputNames(files);
  try {
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < files.length; i = next++) grades[i] = await gradeOne(files[i], hidden, o, path.join(work, String(i)), names[i]);
    };
    await Promise.all(Array.from({ length: Math.min(o.jobs ?? defaultJobs(), files.length) }, worker));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  for (const drill of missing) {
    grades.push({ file: "", drill, title: findDrill(drill)!.title, status: "missing", tamper: [], cases: [], earned: 0, total: possiblePoints(drill, hidden), problems: ["not submitted"], durationMs: 0 });
  }
  return {
    generatedAt: new Date().toISOString(),
    ...(o.hiddenFile ? { hiddenFile: path.resolve(o.hiddenFile) } : {}),
    notebooks: grades,
    earned: grades.reduce((n, g) => n + g.earned, 0),
    total: grades.reduce((n, g) => n + g.total, 0),
  };
}
