/**
 * One piece of code sent to a live kernel outside any notebook — the grader's calls after the candidate's cells
 * ran. The answer is plain data: a status, the stdout and stderr text, the time. A call that hangs is interrupted,
 * then its kernel killed; a dead kernel answers "died" to every later call until the session restarts it.
 */
import { Kernel } from "./kernel";
import { CellOutputs, DisplayRegistry } from "./outputs";
import { Tracker } from "./tracker";

export type RequestStatus = "ok" | "error" | "timeout" | "died";

export interface RequestResult {
  status: RequestStatus;
  stdout: string;
  /** Includes errors that escaped the call (an unhandled rejection reported after it finished). */
  stderr: string;
  ms: number;
  /** Output beyond the cap was dropped: stdout is incomplete and must not be parsed as a whole answer. */
  truncated: boolean;
  /** Set for "timeout": the kernel did not stop on the interrupt and was killed. */
  killed?: boolean;
}

export interface RequestOptions {
  /** 0 or absent: no timeout (not advised for untrusted code). */
  timeoutMs?: number;
  /** After the interrupt, how long the call may take to stop before the kernel is killed. */
  graceMs?: number;
  /** Characters of output kept; the default is 16 MiB, since answers travel as JSON on stdout. */
  outputCap?: number;
}

/** tslab aborts requests arriving within ~200 ms of an error (kernel-notes quirk 3). */
const AFTER_ERROR_MS = 250;
const MAX_ABORTS = 5;
export const DEFAULT_REQUEST_CAP = 16 * 1024 * 1024;
const MAX_TIMER_MS = 2 ** 31 - 1;

export class RequestChannel {
  private lastErrorAt = 0;
  private readonly trackers = new Map<string, Tracker>();
  private readonly displays = new DisplayRegistry();

  constructor(private readonly kernel: Kernel) {
    kernel.onIopub((message) => {
      const parentId = message.parent_header.msg_id;
      if (parentId) this.trackers.get(parentId)?.deliver(message);
    });
  }

  async execute(code: string, options: RequestOptions = {}): Promise<RequestResult> {
    // The timeout rule, in milliseconds: a caller's mistake is thrown, never turned into a timer that fires at once.
    for (const [name, value] of [
      ["timeoutMs", options.timeoutMs],
      ["graceMs", options.graceMs],
    ] as const) {
      if (
        value !== undefined &&
        value !== 0 &&
        value !== -1 &&
        !(Number.isFinite(value) && value >= 1 && value <= MAX_TIMER_MS)
      ) {
        throw new RangeError(`${name}: ${value} is out of range; use 0 or -1 for none, else 1 to ${MAX_TIMER_MS} ms`);
      }
    }
    const started = Date.now();
    const outputs = new CellOutputs(this.displays, options.outputCap ?? DEFAULT_REQUEST_CAP);
    const answer = (status: RequestStatus, extra: Partial<RequestResult> = {}): RequestResult => {
      if (status !== "ok") this.lastErrorAt = Date.now();
      return { status, ...texts(outputs), ms: Date.now() - started, ...extra };
    };
    if (!this.kernel.alive) return answer("died");
    for (let attempt = 0; attempt < MAX_ABORTS; attempt++) {
      const wait = this.lastErrorAt + AFTER_ERROR_MS - Date.now();
      if (wait > 0) await sleep(wait);
      outputs.finished = false;
      const request = this.kernel.send("shell", "execute_request", {
        code,
        silent: false,
        store_history: false,
        user_expressions: {},
        allow_stdin: false,
        stop_on_error: true,
      });
      const tracker = new Tracker(request.msgId, outputs);
      this.trackers.set(request.msgId, tracker);
      try {
        const timeoutMs = options.timeoutMs && options.timeoutMs > 0 ? options.timeoutMs : undefined;
        let ending = await tracker.wait(this.kernel, request.reply, timeoutMs);
        if (ending.kind === "timeout") {
          this.kernel.interrupt();
          ending = await tracker.wait(this.kernel, request.reply, options.graceMs ?? 2000);
          if (ending.kind === "replied") return answer("timeout", { killed: false });
          this.kernel.kill();
          await this.kernel.exited;
          return answer("timeout", { killed: true });
        }
        if (ending.kind !== "replied") return answer("died");
        const status = ending.reply.content?.status;
        if (status === "abort") {
          this.lastErrorAt = Date.now();
          continue;
        }
        // Late reports (unhandled rejections) arrive after idle; a barrier would cost a round trip per call, so
        // they surface in the next call's stderr, or are lost with the session — the call itself already answered.
        return answer(status === "ok" && !outputs.escaped ? "ok" : "error");
      } finally {
        this.trackers.delete(request.msgId);
      }
    }
    return answer("error", { stderr: `the kernel aborted this request ${MAX_ABORTS} times in a row` });
  }
}

function texts(outputs: CellOutputs): { stdout: string; stderr: string; truncated: boolean } {
  const truncated = outputs.droppedBytes > 0;
  let stdout = "";
  let stderr = "";
  for (const output of outputs.outputs) {
    if (output.output_type !== "stream") continue;
    if (output.name === "stdout") stdout += output.text;
    else stderr += output.text;
  }
  return { stdout, stderr: stderr + outputs.escaped, truncated };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
