/**
 * A grading session on one candidate's notebook: a kernel that has run the candidate's cells (their own run, which
 * is what the shareable report shows), then takes the grader's requests. `restart` gives a fresh kernel that has
 * re-run the candidate's cells, for when a request hung or killed the previous one. The notebook decides nothing
 * about how it runs: timeouts in its metadata are ignored, the interviewer's apply.
 */
import { Kernel } from "../runner/kernel";
import { runCells, type CellResult } from "../runner/cells";
import { normalize, sourceOf, type Notebook } from "../runner/notebook";
import type { ExecResult, KernelSession } from "./verdicts";

export interface SessionOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The interviewer's per-cell timeout, seconds (0 = none). */
  timeoutSeconds: number;
  kernelName?: string;
}

/** Requests carry every case's result: far more than a notebook cell's output cap. */
const REQUEST_OUTPUT_CAP = 256 * 1024 * 1024;

/** The candidate's cells without any say over their own timeouts. */
function withoutTimeouts(nb: Notebook): Notebook {
  const copy: Notebook = structuredClone(nb);
  for (const c of copy.cells) {
    const m = c.metadata as Record<string, any> | undefined;
    if (!m) continue;
    delete m.timeout;
    if (m.drills && typeof m.drills === "object") delete m.drills.timeout;
    if (m.execution && typeof m.execution === "object") delete m.execution.timeout;
  }
  const md = copy.metadata as Record<string, any>;
  if (md.drills && typeof md.drills === "object") delete md.drills.timeout;
  if (md.execution && typeof md.execution === "object") delete md.execution.timeout;
  return copy;
}

export class GradingSession implements KernelSession {
  private kernel: Kernel | undefined;
  /** The candidate's own run: their notebook with its outputs, and each cell's result. */
  notebook: Notebook;
  cells: CellResult[] = [];
  restarts = 0;

  private constructor(
    private readonly original: Notebook,
    private readonly o: SessionOptions,
  ) {
    this.notebook = withoutTimeouts(normalize(original));
  }

  static async open(notebook: Notebook, o: SessionOptions): Promise<GradingSession> {
    const s = new GradingSession(notebook, o);
    s.cells = await s.start(s.notebook);
    return s;
  }

  private async start(nb: Notebook): Promise<CellResult[]> {
    this.kernel = await Kernel.start({ name: this.o.kernelName ?? "tslab", cwd: this.o.cwd, env: this.o.env });
    return runCells(this.kernel, nb, { timeoutSeconds: this.o.timeoutSeconds, allowErrors: true, outputCap: 1024 * 1024 });
  }

  async execute(code: string, timeoutMs: number): Promise<ExecResult> {
    const started = Date.now();
    if (!this.kernel || !this.kernel.alive) return { status: "died", stdout: "", stderr: "", ms: 0 };
    const nb = normalize({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code", metadata: {}, source: code, outputs: [], execution_count: null }] });
    const [r] = await runCells(this.kernel, nb, { timeoutSeconds: timeoutMs / 1000, allowErrors: true, outputCap: REQUEST_OUTPUT_CAP });
    const streams = (name: string) =>
      (nb.cells[0].outputs ?? [])
        .filter((o: any) => o.output_type === "stream" && o.name === name)
        .map((o: any) => (Array.isArray(o.text) ? o.text.join("") : String(o.text)))
        .join("");
    const status: ExecResult["status"] = !r ? "error" : r.status === "ok" ? "ok" : r.status === "timeout" ? "timeout" : r.status === "kernel-died" ? "died" : "error";
    const stderr = streams("stderr") + (r?.message ? `\n${r.message}` : "");
    return { status, stdout: streams("stdout"), stderr, ms: Date.now() - started };
  }

  async restart(): Promise<void> {
    await this.close();
    this.restarts++;
    await this.start(withoutTimeouts(normalize(this.original)));
  }

  async close(): Promise<void> {
    const k = this.kernel;
    this.kernel = undefined;
    if (k) await k.shutdown();
  }
}

export { sourceOf };
