/**
 * Grading a cohort: one candidate folder per entry, each graded exactly as `npm run grade -- <folder>` would, in
 * sorted order, into one report whose notebooks carry their candidate. Sharding splits a cohort by candidate, never
 * inside one, so a candidate's nine notebooks always share one machine and one report section.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { gradeNotebooks, type GradeOptions, type GradeReport, type NotebookGrade } from "./grade";
import { shardKey } from "../shard/shard";

export interface CandidateTotal {
  candidate: string;
  earned: number;
  total: number;
}

/** Candidate folders from a list file: one per line, relative to the list's folder; blank lines and `#` comments skipped. */
export function readCohortList(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`--cohort: cannot read ${file}: ${(e as Error).message}`);
  }
  const base = path.dirname(file);
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, "").trim())
    .filter(Boolean)
    .map((l) => path.relative(process.cwd(), path.resolve(base, l)) || ".");
}

/** Sorted, deduplicated candidate keys; every one must be an existing folder. */
export function cohortCandidates(folders: string[]): string[] {
  const keys = [...new Set(folders.map(shardKey))].sort();
  for (const k of keys) {
    if (!fs.existsSync(k) || !fs.statSync(k).isDirectory()) throw new Error(`candidate ${k}: expected a folder of the candidate's notebooks`);
  }
  return keys;
}

export function candidateTotals(notebooks: NotebookGrade[]): CandidateTotal[] {
  const totals = new Map<string, CandidateTotal>();
  for (const g of notebooks) {
    if (g.candidate === undefined) continue;
    const t = totals.get(g.candidate) ?? { candidate: g.candidate, earned: 0, total: 0 };
    t.earned += g.earned;
    t.total += g.total;
    totals.set(g.candidate, t);
  }
  return [...totals.values()];
}

/** Where a candidate's executed notebooks go inside the report folder (never outside it). */
export function candidateDir(candidate: string): string {
  return candidate.replace(/^([A-Za-z]:)?([\\/]|\.\.[\\/])+/, "").replace(/^\.\.$/, "_") || "_";
}

export async function gradeCohort(candidates: string[], o: GradeOptions): Promise<GradeReport> {
  const notebooks: NotebookGrade[] = [];
  let hiddenFile: string | undefined;
  const used = new Set<string>();
  for (const candidate of candidates) {
    // `../x` and `x` would share a folder: suffix the later one so no executed notebook overwrites another's.
    let dir = candidateDir(candidate);
    for (let n = 2; used.has(dir); n++) dir = `${candidateDir(candidate)}-${n}`;
    used.add(dir);
    const executedDir = o.executedDir ? path.join(o.executedDir, dir) : undefined;
    const r = await gradeNotebooks([candidate], { ...o, executedDir });
    hiddenFile = r.hiddenFile;
    notebooks.push(...r.notebooks.map((g) => ({ ...g, candidate })));
  }
  return {
    generatedAt: new Date().toISOString(),
    ...(hiddenFile ? { hiddenFile } : {}),
    notebooks,
    earned: notebooks.reduce((n, g) => n + g.earned, 0),
    total: notebooks.reduce((n, g) => n + g.total, 0),
    candidates: candidateTotals(notebooks),
  };
}
