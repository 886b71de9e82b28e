/**
 * Turns every presented check report into a progress record and a time-box line under the report. Subscribed to
 * `onReport` (present.ts), so the report template stays single and the check functions know nothing of it.
 */
import { findDrill } from "../registry";
import type { DrillReport } from "../drill";
import { onReport } from "../present";
import { elapsedMs, sessionStart, timeNote, type Clock } from "./clock";
import { showNote } from "./display";
import { hintBook } from "./hints";
import { appendRecord, progressFile, readRecords, runMode, SESSION, type CheckRecord } from "./progress";

export interface RecorderOptions {
  clock: Clock;
  start: number;
  /** The log, or undefined when recording is off. */
  file: string | undefined;
  mode: "interactive" | "headless";
  session: string;
  hints(drill: string): number;
  show(text: string): void;
}

export class Recorder {
  private readonly attempts = new Map<string, number>();
  private readonly firstPass = new Map<string, number>();

  constructor(private readonly o: RecorderOptions) {}

  private attempt(drill: string): number {
    // Attempts count across sessions: the log's earlier checks of this drill, then this session's.
    const prior =
      this.attempts.get(drill) ??
      readRecords(this.o.file).filter((r) => r.kind === "check" && r.drill === drill).length;
    this.attempts.set(drill, prior + 1);
    return prior + 1;
  }

  record(report: DrillReport): CheckRecord {
    const now = this.o.clock();
    const elapsed = elapsedMs(now, this.o.start);
    const entry = findDrill(report.drill);
    const hints = this.o.hints(report.drill);
    // Per check, not per drill: in a notebook with several checks, each reports its own first pass.
    const key = `${report.drill}\u0000${report.title}`;
    if (report.status === "pass" && !this.firstPass.has(key)) this.firstPass.set(key, elapsed);
    const rec: CheckRecord = {
      v: 1,
      kind: "check",
      at: new Date(now).toISOString(),
      session: this.o.session,
      mode: this.o.mode,
      drill: report.drill,
      title: report.title,
      ...(report.part ? { part: report.part } : {}),
      status: report.status,
      checks: report.results.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name, status: r.status })),
      elapsedMs: Math.round(elapsed),
      minutes: entry?.minutes ?? 0,
      hints,
      attempt: this.attempt(report.drill),
    };
    appendRecord(rec, this.o.file);
    // A runner's timings are not the candidate's: no time-box line in headless runs.
    if (entry && this.o.mode === "interactive") {
      this.o.show(
        timeNote({
          elapsed,
          minutes: entry.minutes,
          passed: report.status === "pass",
          firstPassMs: this.firstPass.get(key),
          hints,
        }),
      );
    }
    return rec;
  }
}

let detach: (() => void) | undefined;

/** Subscribes the session's recorder to every report (idempotent); the environment is read once, here. */
export function attach(): void {
  if (detach) return;
  const recorder = new Recorder({
    clock: Date.now,
    start: sessionStart,
    file: progressFile(),
    mode: runMode(),
    session: SESSION,
    hints: (drill) => hintBook.count(drill),
    show: (text) => showNote(text, "time"),
  });
  detach = onReport((report) => {
    try {
      recorder.record(report);
    } catch (e) {
      // The log is a convenience: a read-only disk must never break a check.
      console.error(`drills: progress not recorded (${e instanceof Error ? e.message : String(e)})`);
    }
  });
}
