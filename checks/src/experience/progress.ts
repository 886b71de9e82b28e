/**
 * The progress log: one JSON record per line in `.progress/progress.jsonl` at the project root (git-ignored).
 * `DRILLS_PROGRESS_FILE` moves it, `DRILLS_PROGRESS=0` turns it off (tests and the grader must never touch a
 * candidate's log); solution notebooks never record.
 *
 * Concurrency: each record is one `write(2)` of one whole line on a file opened with O_APPEND. Linux serialises
 * appends to a regular file under the inode lock, so concurrent kernels never interleave bytes within a line; lines
 * are kept under 4 KiB (PIPE_BUF) as a margin for other filesystems. A torn last line (a crash mid-write, a disk
 * full) is skipped by the reader, never fatal.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Status } from "../drill";

export interface CheckRecord {
  v: 1;
  kind: "check";
  at: string;
  /** Kernel session: one per process, so records of one attempt can be grouped. */
  session: string;
  /** "interactive" (a person ran the cell) or "headless" (a runner ran the notebook: times are not the candidate's). */
  mode: "interactive" | "headless";
  drill: string;
  /** The check's title: a notebook may run several checks under one drill id (danfojs and polars variants). */
  title: string;
  /** The part checked (records written before parts existed have only the title). */
  part?: string;
  status: Status;
  checks: { id?: string; name: string; status: Status }[];
  elapsedMs: number;
  minutes: number;
  hints: number;
  attempt: number;
}

export interface HintRecord {
  v: 1;
  kind: "hint";
  at: string;
  session: string;
  mode: "interactive" | "headless";
  drill: string;
  /** The part whose hint it was (records written before parts existed have none: the drill's first part). */
  part?: string;
  /** 1-based number of the hint revealed. */
  hint: number;
  elapsedMs: number;
}

/** A model answer shown with solution(): the scoreboard counts it, as learntools marks a revealed solution. */
export interface RevealRecord {
  v: 1;
  kind: "reveal";
  at: string;
  session: string;
  mode: "interactive" | "headless";
  drill: string;
  /** The part revealed, or "followup-N" for a follow-up question's answer. */
  part: string;
  elapsedMs: number;
}

export type ProgressRecord = CheckRecord | HintRecord | RevealRecord;

export const MAX_LINE_BYTES = 4000;

/** This process's id in the log: one kernel session. */
export const SESSION = `${process.pid.toString(36)}-${randomBytes(3).toString("hex")}`;

/** The project root: checks/dist/experience → three levels up (the workspace package is a symlink to checks/). */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..", "..");

/**
 * The log's path, or undefined when recording is off: DRILLS_PROGRESS=0, or a kernel running a notebook in
 * notebooks/solutions (the kernel's cwd is the notebook's folder) — the pack's own gate and a candidate peeking at a
 * model answer are not the candidate's work, and must never show up as solved drills.
 */
export function progressFile(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string | undefined {
  const off = env.DRILLS_PROGRESS?.trim().toLowerCase();
  if (off === "0" || off === "false" || off === "off") return undefined;
  if (path.resolve(cwd) === path.join(PROJECT_ROOT, "notebooks", "solutions")) return undefined;
  const file = env.DRILLS_PROGRESS_FILE?.trim();
  return file ? path.resolve(file) : path.join(PROJECT_ROOT, ".progress", "progress.jsonl");
}

export function runMode(env: NodeJS.ProcessEnv = process.env): "interactive" | "headless" {
  return env.DRILLS_MODE === "headless" ? "headless" : "interactive";
}

/** One line of JSON; the per-check list is dropped (status kept) if it would make the line too long to append atomically. */
export function encodeRecord(record: ProgressRecord): string {
  let line = JSON.stringify(record);
  if (Buffer.byteLength(line) > MAX_LINE_BYTES && record.kind === "check") {
    line = JSON.stringify({
      ...record,
      checks: record.checks.map((c) => ({ name: c.name.slice(0, 40), status: c.status })),
    });
    if (Buffer.byteLength(line) > MAX_LINE_BYTES) line = JSON.stringify({ ...record, checks: [] });
  }
  return line + "\n";
}

/**
 * Appends one record in one write. If the file ends in a torn line (no newline), the record starts with "\n": glued
 * to the fragment it would be unparsable and lost with it. Two writers racing past the same torn tail each add a
 * newline; the empty line between them is skipped by the reader.
 */
export function appendRecord(record: ProgressRecord, file: string | undefined): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, "a+");
  try {
    const line = encodeRecord(record);
    fs.writeSync(fd, endsTorn(fd) ? "\n" + line : line);
  } finally {
    fs.closeSync(fd);
  }
}

function endsTorn(fd: number): boolean {
  const size = fs.fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  fs.readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

function isRecord(x: unknown): x is ProgressRecord {
  const r = x as ProgressRecord;
  return (
    !!r && r.v === 1 && (r.kind === "check" || r.kind === "hint" || r.kind === "reveal") && typeof r.drill === "string"
  );
}

/** Every well-formed record, in file order; a missing file is an empty log. */
export function readRecords(file: string | undefined): ProgressRecord[] {
  if (!file || !fs.existsSync(file)) return [];
  const out: ProgressRecord[] = [];
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line);
      if (isRecord(r)) out.push(r);
    } catch {
      // a torn line: skip it
    }
  }
  return out;
}
