/**
 * Grading a cohort: one candidate folder per entry, each graded exactly as `npm run grade -- <folder>` would, in
 * sorted order, into one report whose notebooks carry their candidate. Sharding splits a cohort by candidate, never
 * inside one, so a candidate's nine notebooks always share one machine and one report section.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { gradeNotebooks, type CandidateGrade, type GradeOptions, type GradeReport, type NotebookGrade } from "./grade";
import { shardKey } from "../shard/shard";

export type CandidateTotal = CandidateGrade;

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
    if (!fs.existsSync(k) || !fs.statSync(k).isDirectory())
      throw new Error(`candidate ${k}: expected a folder of the candidate's notebooks`);
  }
  return keys;
}

export function candidateTotals(notebooks: NotebookGrade[]): CandidateGrade[] {
  const totals = new Map<string, CandidateGrade>();
  for (const g of notebooks) {
    const t = totals.get(g.candidate) ?? { name: g.candidate, earned: 0, total: 0, stretch: { earned: 0, total: 0 } };
    t.earned += g.earned;
    t.total += g.total;
    t.stretch.earned += g.stretch?.earned ?? 0;
    t.stretch.total += g.stretch?.total ?? 0;
    totals.set(g.candidate, t);
  }
  return [...totals.values()];
}

/** Where a candidate's executed notebooks go inside the report folder (never outside it). */
export function candidateDir(candidate: string): string {
  return candidate.replace(/^([A-Za-z]:)?([\\/]|\.\.[\\/])+/, "").replace(/^\.\.$/, "_") || "_";
}

/** A cohort is graded as one run: every folder is one candidate (identity.ts), in sorted order. */
export function gradeCohort(candidates: string[], o: GradeOptions): Promise<GradeReport> {
  return gradeNotebooks([...candidates].sort(), o);
}
