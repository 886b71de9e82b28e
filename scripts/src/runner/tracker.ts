/**
 * What is known about one execute_request: its outputs and whether its reply and its `idle` have arrived. The cell
 * is finished only when both have, in either order; `wait` turns that (or a timeout, the kernel's death, or the
 * runner being interrupted) into one ending.
 */
import { Kernel } from "./kernel";
import { Cell } from "./notebook";
import { CellOutputs } from "./outputs";
import { Message } from "./wire";

export type Ending =
  | { kind: "replied"; reply: Message; idleMissing: boolean }
  | { kind: "timeout" }
  | { kind: "died" }
  | { kind: "interrupted" };

/** nbclient's iopub_timeout: how long to wait for `idle` after the reply, restarted by any output on the way. */
export const IDLE_WAIT_MS = 4000;

export class Tracker {
  busyAt?: Date;
  idleAt?: Date;
  reply?: Message;
  replyAt?: Date;
  private wake: () => void = () => {};

  constructor(
    readonly msgId: string,
    readonly outputs: CellOutputs,
  ) {}

  deliver(message: Message): void {
    if (message.header.msg_type === "status") {
      const state = message.content?.execution_state;
      if (state === "busy") this.busyAt ??= new Date();
      if (state === "idle") {
        this.idleAt ??= new Date();
        // From now on stderr for this request is late output (quirk 4), even if the reply is still on its way.
        this.outputs.finished = true;
      }
    } else {
      this.outputs.add(message);
    }
    this.wake();
  }

  wait(kernel: Kernel, reply: Promise<Message>, timeoutMs: number | undefined, signal?: AbortSignal): Promise<Ending> {
    return new Promise((resolve) => {
      const timers: NodeJS.Timeout[] = [];
      let idleTimer: NodeJS.Timeout | undefined;
      let done = false;
      const finish = (ending: Ending) => {
        if (done) return;
        done = true;
        timers.forEach(clearTimeout);
        if (idleTimer) clearTimeout(idleTimer);
        this.wake = () => {};
        signal?.removeEventListener("abort", onAbort);
        resolve(ending);
      };
      const check = () => {
        if (!this.reply) return;
        if (this.idleAt) return finish({ kind: "replied", reply: this.reply, idleMissing: false });
        if (idleTimer) clearTimeout(idleTimer);
        idleTimer = setTimeout(() => finish({ kind: "replied", reply: this.reply!, idleMissing: true }), IDLE_WAIT_MS);
      };
      const onAbort = () => finish({ kind: "interrupted" });
      this.wake = check;
      reply.then(
        (message) => {
          if (!this.reply) {
            this.reply = message;
            this.replyAt = new Date();
          }
          check();
        },
        () => finish({ kind: "died" }),
      );
      void kernel.exited.then(() => finish({ kind: "died" }));
      if (timeoutMs !== undefined && timeoutMs > 0)
        timers.push(setTimeout(() => finish({ kind: "timeout" }), timeoutMs));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort);
      check();
    });
  }
}

/** nbclient's metadata.execution timestamps for a cell. */
export function recordTimes(cell: Cell, sentAt: Date, tracker: Tracker): void {
  // nbclient's keys; tslab sends no execute_input and no `started` in reply metadata, so busy stands in for it.
  const execution: Record<string, string> = {};
  if (tracker.busyAt) execution["iopub.status.busy"] = tracker.busyAt.toISOString();
  const started = tracker.reply?.metadata?.started;
  execution["shell.execute_reply.started"] =
    typeof started === "string" ? started : (tracker.busyAt ?? sentAt).toISOString();
  if (tracker.replyAt) execution["shell.execute_reply"] = tracker.replyAt.toISOString();
  if (tracker.idleAt) execution["iopub.status.idle"] = tracker.idleAt.toISOString();
  cell.metadata.execution = execution;
}
