/**
 * A notebook's kernel kept open for the grader: run the notebook's cells, then send its own calls and read plain
 * data back, restart after a call that hung or killed the kernel, close. Same supervisor, sandbox and timeout rule
 * as executeNotebook; the caller decides what a call contains and judges the answer in its own process.
 */
import { ExecuteOptions, NotebookResult, Prepared, emptyResult, prepare, runOn } from "./execute";
import { NotebookError } from "./errors";
import { Kernel } from "./kernel";
import { RequestChannel, RequestOptions, RequestResult } from "./request";

export type SessionOptions = Omit<ExecuteOptions, "outPath" | "onCell">;

export interface Session {
  /** Runs the notebook's cells (a fresh copy of them each time) on the current kernel, as executeNotebook does. */
  run(): Promise<NotebookResult>;
  /** One call on the current kernel; see RequestResult. Never throws for the kernel's sake. */
  execute(code: string, options?: RequestOptions): Promise<RequestResult>;
  /** A fresh kernel in the same sandbox; the caller re-runs the cells it needs (run()). */
  restart(): Promise<void>;
  /** Ends the kernel's whole process tree and removes its files. Idempotent. */
  close(): Promise<void>;
  readonly kernelPid: number;
  readonly alive: boolean;
}

/** Starts the notebook's kernel; rejects (NotebookError with a kind) if the notebook is invalid or the kernel cannot start. */
export async function openSession(file: string, options: SessionOptions = {}): Promise<Session> {
  const prepared = prepare(file, options);
  const original = JSON.stringify(prepared.notebook);
  let kernel = await Kernel.start(prepared.kernel);
  let channel = new RequestChannel(kernel);
  let closed = false;
  const mustBeOpen = () => {
    if (closed) throw new NotebookError("internal", `the session for ${file} is closed`);
  };
  return {
    get kernelPid() {
      return kernel.pid;
    },
    get alive() {
      return !closed && kernel.alive;
    },
    async run() {
      mustBeOpen();
      const started = Date.now();
      const notebook: Prepared["notebook"] = JSON.parse(original);
      const result = emptyResult(file, { notebook, kernelPid: kernel.pid, isolation: kernel.isolation });
      try {
        await runOn(kernel, file, notebook, prepared.timeouts, options, result);
      } finally {
        // runCells took over the kernel's iopub; calls get it back.
        channel = new RequestChannel(kernel);
      }
      result.droppedMessages = kernel.dropped;
      result.passed = result.failures.length === 0;
      result.durationMs = Date.now() - started;
      return result;
    },
    async execute(code, requestOptions) {
      mustBeOpen();
      return channel.execute(code, requestOptions);
    },
    async restart() {
      mustBeOpen();
      await kernel.shutdown();
      kernel = await Kernel.start(prepared.kernel);
      channel = new RequestChannel(kernel);
    },
    async close() {
      if (closed) return;
      closed = true;
      await kernel.shutdown();
    },
  };
}
