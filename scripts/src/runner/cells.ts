/**
 * The cell loop: runs a notebook's code cells in order on one kernel and records outputs, counts and timings the
 * way nbclient does, papering over tslab's gaps (no `error` messages, aborts after an error, late output).
 */
import { text } from "./errors";
import { Kernel } from "./kernel";
import { Cell, Notebook, sourceOf } from "./notebook";
import { CellOutputs, DisplayRegistry } from "./outputs";
import { errorFromStderr } from "./tracebacks";
import { IDLE_WAIT_MS, Tracker, recordTimes } from "./tracker";

export type CellStatus = "ok" | "error" | "timeout" | "kernel-died" | "uncaught-error" | "interrupted";

export interface CellResult {
  /** 0-based position among all cells of the notebook. */
  index: number;
  id: string;
  executionCount: number;
  status: CellStatus;
  /** Request sent → finished, as the runner saw it. */
  durationMs: number;
  /** Kernel `busy` → reply: the kernel's own time for the cell. */
  busyMs: number;
  ename?: string;
  evalue?: string;
  /** The kernel's text for a failure (traceback / diagnostics). */
  message?: string;
  /** The cell failed but is tagged `raises-exception`: that is its expected outcome, not a failure. */
  expectedError?: boolean;
  /** Output characters dropped past the cap (the stored outputs end with a marker saying so). */
  droppedBytes?: number;
}

export interface CellLoopOptions {
  /** Timeout in seconds per cell, indexed like `notebook.cells` (timeouts.ts's cellTimeouts); 0 = none. */
  timeouts: number[];
  allowErrors: boolean;
  outputCap: number;
  graceMs?: number;
  signal?: AbortSignal;
  onCell?(event: { index: number; total: number; result?: CellResult }): void;
}

/** tslab aborts requests arriving within 200 ms of an error (quirk 3); stay clear of that window. */
const AFTER_ERROR_MS = 250;
const MAX_ABORT_RETRIES = 5;
const BARRIER_TIMEOUT_MS = 2000;
const SKIP_TAG = "skip-execution";
const RAISES_TAG = "raises-exception";

export async function runCells(kernel: Kernel, notebook: Notebook, options: CellLoopOptions): Promise<CellResult[]> {
  const displays = new DisplayRegistry();
  const trackers = new Map<string, Tracker>();
  kernel.onIopub((message) => {
    const parentId = message.parent_header.msg_id;
    if (parentId) trackers.get(parentId)?.deliver(message);
  });

  const results: CellResult[] = [];
  const outputsByIndex = new Map<number, CellOutputs>();
  const code = notebook.cells.map((cell, index) => ({ cell, index })).filter(({ cell }) => cell.cell_type === "code");
  for (const { cell } of code) {
    cell.outputs = [];
    cell.execution_count = null;
  }
  const runnable = code.filter(({ cell }) => sourceOf(cell).trim() !== "" && !tags(cell).includes(SKIP_TAG));
  let counter = 0;
  let lastErrorAt = 0;

  for (const { cell, index } of runnable) {
    if (options.signal?.aborted) break;
    options.onCell?.({ index, total: notebook.cells.length });
    const outputs = new CellOutputs(displays, options.outputCap);
    outputsByIndex.set(index, outputs);
    cell.outputs = outputs.outputs;
    cell.execution_count = ++counter;
    const result = await runCell(kernel, cell, index, counter, outputs, trackers, options, lastErrorAt);
    results.push(result);
    options.onCell?.({ index, total: notebook.cells.length, result });
    if (result.status !== "ok") lastErrorAt = Date.now();
    if (result.status === "error" && tags(cell).includes(RAISES_TAG)) result.expectedError = true;
    const tolerated = result.status === "error" && (options.allowErrors || result.expectedError);
    if (result.status !== "ok" && !tolerated) break;
    // An error that escaped the cell is a failure too; it is turned into an error output after the drain below.
    if (outputs.escaped && !options.allowErrors) break;
  }

  if (kernel.alive && results.length > 0) await barrier(kernel, trackers, displays);
  for (const result of results) {
    const outputs = outputsByIndex.get(result.index)!;
    if (outputs.escaped) {
      const error = errorFromStderr(outputs.escaped, {
        ename: "UncaughtError",
        evalue: "error outside the cell's execution",
      });
      outputs.addError(error);
      if (result.status === "ok") {
        Object.assign(result, {
          status: "uncaught-error",
          ename: error.ename,
          evalue: error.evalue,
          message: text.escapedError(error.traceback.join("\n")),
        });
      }
    }
    if (outputs.droppedBytes > 0) result.droppedBytes = outputs.droppedBytes;
    outputs.seal();
  }
  return results;
}

/**
 * Unhandled rejections are reported after their cell's idle (quirk 4). iopub is ordered, so once the idle of a
 * request sent after the last cell arrives, everything the kernel printed before handling it has arrived too —
 * a deterministic drain instead of guessing a quiet period.
 */
async function barrier(kernel: Kernel, trackers: Map<string, Tracker>, displays: DisplayRegistry): Promise<void> {
  const request = kernel.send("shell", "kernel_info_request", {}, BARRIER_TIMEOUT_MS);
  const tracker = new Tracker(request.msgId, new CellOutputs(displays));
  trackers.set(request.msgId, tracker);
  await tracker.wait(kernel, request.reply, BARRIER_TIMEOUT_MS);
}

async function runCell(
  kernel: Kernel,
  cell: Cell,
  index: number,
  executionCount: number,
  outputs: CellOutputs,
  trackers: Map<string, Tracker>,
  options: CellLoopOptions,
  lastErrorAt: number,
): Promise<CellResult> {
  const timeoutSeconds = options.timeouts[index] ?? 0;
  const timeoutMs = timeoutSeconds > 0 ? timeoutSeconds * 1000 : undefined;
  const base = { index, id: cell.id!, executionCount };
  const started = Date.now();
  const waitAfterError = lastErrorAt + AFTER_ERROR_MS - Date.now();
  if (waitAfterError > 0) await sleep(waitAfterError);

  for (let attempt = 0; attempt <= MAX_ABORT_RETRIES; attempt++) {
    outputs.finished = false;
    const request = kernel.send("shell", "execute_request", {
      code: sourceOf(cell),
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: !options.allowErrors,
    });
    const tracker = new Tracker(request.msgId, outputs);
    trackers.set(request.msgId, tracker);
    const sentAt = new Date();
    let ending = await tracker.wait(kernel, request.reply, timeoutMs, options.signal);
    let killed = false;
    if (ending.kind === "timeout") {
      kernel.interrupt();
      ending = await tracker.wait(kernel, request.reply, options.graceMs ?? 5000, options.signal);
      if (ending.kind !== "replied") {
        killed = true;
        kernel.kill();
        await kernel.exited;
      }
      ending = { kind: "timeout" };
    }
    if (ending.kind === "died") await sleep(200); // the last words of a dying kernel may still be in flight
    outputs.finished = true;
    recordTimes(cell, sentAt, tracker);
    const timing = {
      durationMs: Date.now() - started,
      busyMs: tracker.replyAt && tracker.busyAt ? tracker.replyAt.getTime() - tracker.busyAt.getTime() : 0,
    };

    switch (ending.kind) {
      case "replied": {
        const status = ending.reply.content?.status;
        // The remark goes in after any error output, so it is never mistaken for the kernel's error text.
        const idleMissing = ending.idleMissing;
        const remark = () => idleMissing && outputs.note(text.idleMissing(IDLE_WAIT_MS / 1000));
        if (status === "ok") {
          remark();
          return { ...base, ...timing, status: "ok" };
        }
        if (status === "abort") {
          // Never success: the cell did not run. Wait out tslab's abort window and send it again.
          await sleep(AFTER_ERROR_MS + 50);
          continue;
        }
        const error = outputs.fail({ ename: "KernelError", evalue: text.errorWithoutText() });
        remark();
        return {
          ...base,
          ...timing,
          status: "error",
          ename: error.ename,
          evalue: error.evalue,
          message: error.traceback.join("\n"),
        };
      }
      case "timeout": {
        const evalue = text.cellTimeout(timeoutSeconds, killed);
        outputs.addError({
          output_type: "error",
          ename: "CellTimeoutError",
          evalue,
          traceback: [`CellTimeoutError: ${evalue}`],
        });
        return { ...base, ...timing, status: "timeout", ename: "CellTimeoutError", evalue, message: evalue };
      }
      case "died": {
        const how = kernel.exit ? text.kernelExit(kernel.exit.code, kernel.exit.signal) : "stopped answering";
        const evalue = text.kernelDied(how, kernel.tail);
        outputs.addError({
          output_type: "error",
          ename: "DeadKernelError",
          evalue,
          traceback: [`DeadKernelError: ${evalue}`],
        });
        return { ...base, ...timing, status: "kernel-died", ename: "DeadKernelError", evalue, message: evalue };
      }
      case "interrupted": {
        const evalue = text.interrupted();
        outputs.addError({
          output_type: "error",
          ename: "RunnerInterrupted",
          evalue,
          traceback: [`RunnerInterrupted: ${evalue}`],
        });
        return { ...base, ...timing, status: "interrupted", ename: "RunnerInterrupted", evalue, message: evalue };
      }
    }
  }
  const evalue = text.abortedTooOften(MAX_ABORT_RETRIES + 1);
  outputs.addError({ output_type: "error", ename: "AbortedError", evalue, traceback: [`AbortedError: ${evalue}`] });
  return {
    ...base,
    durationMs: Date.now() - started,
    busyMs: 0,
    status: "error",
    ename: "AbortedError",
    evalue,
    message: evalue,
  };
}

function tags(cell: Cell): string[] {
  return Array.isArray(cell.metadata?.tags) ? cell.metadata.tags : [];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
