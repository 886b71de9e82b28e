/**
 * A grading session on one candidate's notebook, over the runner's openSession: a kernel (sandboxed unless the
 * interviewer said --no-sandbox) that runs the candidate's cells — their own run, which is what the shareable
 * report shows — then takes the grader's requests. `restart` gives a fresh kernel that has re-run the candidate's
 * cells, for when a request hung or killed the previous one. The notebook decides nothing about how it runs: the
 * interviewer's timeout applies to every cell (timeoutPolicy "interviewer").
 */
import * as path from "node:path";
import { openSession, type NotebookResult, type Session } from "../runner";
import type { ExecResult, KernelSession } from "./verdicts";

export interface SessionOptions {
  /** The staged notebook; its folder is the kernel's only writable place. */
  file: string;
  /** The interviewer's per-cell timeout, seconds (0 = none). */
  timeoutSeconds: number;
  /** The kernel's checks package (no judges), bound over checks/dist; undefined without a sandbox. */
  kernelChecks?: string;
  projectRoot: string;
  sandbox: boolean;
  env: Record<string, string>;
  signal?: AbortSignal;
}

/** Requests carry every case's result: far more than a notebook cell's output cap. */
const REQUEST_OUTPUT_CAP = 256 * 1024 * 1024;

export class GradingSession implements KernelSession {
  restarts = 0;
  /** The candidate's own run. */
  run!: NotebookResult;

  private constructor(private readonly session: Session) {}

  static async open(o: SessionOptions): Promise<GradingSession> {
    const session = await openSession(o.file, {
      allowErrors: true,
      timeoutSeconds: o.timeoutSeconds,
      timeoutPolicy: "interviewer",
      env: o.env,
      signal: o.signal,
      ...(o.sandbox
        ? {
            sandbox: {
              workDir: path.dirname(o.file),
              projectRoot: o.projectRoot,
              env: o.env,
              binds: o.kernelChecks ? [{ src: o.kernelChecks, dest: path.join(o.projectRoot, "checks", "dist") }] : [],
            },
          }
        : {}),
    });
    const s = new GradingSession(session);
    try {
      s.run = await session.run();
    } catch (e) {
      await session.close();
      throw e;
    }
    return s;
  }

  async execute(code: string, timeoutMs: number): Promise<ExecResult> {
    const r = await this.session.execute(code, {
      ...(timeoutMs > 0 ? { timeoutMs } : {}),
      outputCap: REQUEST_OUTPUT_CAP,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: r.ms };
  }

  async restart(): Promise<void> {
    this.restarts++;
    await this.session.restart();
    await this.session.run();
  }

  close(): Promise<void> {
    return this.session.close();
  }
}
