/**
 * Turns iopub messages into nbformat outputs for one cell: coalesced streams, displays (with in-place updates by
 * display_id, which may target an earlier cell), a size cap so a cell printing megabytes cannot exhaust memory,
 * and nbformat `error` outputs synthesised from stderr text, because tslab never sends `error` messages.
 */
import { text } from "./errors";
import { errorFromStderr } from "./tracebacks";
import { Output } from "./notebook";
import { Message } from "./wire";

/** Stored text and display payload per cell; beyond it output is dropped and a marker says how much. */
export const DEFAULT_OUTPUT_CAP = 1024 * 1024;

export class CellOutputs {
  readonly outputs: Output[] = [];
  /**
   * Errors that escaped the cell: tslab's reports of unhandled rejections and uncaught exceptions (whenever they
   * arrive) and any stderr after the cell went idle (a timer that threw). They fail the cell even when its reply
   * said ok, and become an error output instead of a stream.
   */
  escaped = "";
  finished = false;
  private bytes = 0;
  private dropped = 0;
  /** Everything dropped over the cap, kept after seal() puts the marker in. */
  private droppedTotal = 0;
  private clearPending = false;

  constructor(
    private readonly displays: DisplayRegistry,
    private readonly cap = DEFAULT_OUTPUT_CAP,
  ) {}

  add(message: Message): void {
    const content = message.content ?? {};
    switch (message.header.msg_type) {
      case "stream":
        if (content.name === "stderr" && (this.finished || ESCAPED.test(String(content.text ?? "")))) {
          this.escaped = (this.escaped + String(content.text ?? "")).slice(0, this.cap);
          return;
        }
        return this.addStream(content.name === "stderr" ? "stderr" : "stdout", String(content.text ?? ""));
      case "display_data":
      case "execute_result":
        return this.addDisplay(message.header.msg_type, content);
      case "update_display_data":
        return this.displays.update(content);
      case "error":
        return this.push(
          {
            output_type: "error",
            ename: content.ename ?? "Error",
            evalue: content.evalue ?? "",
            traceback: content.traceback ?? [],
          },
          0,
        );
      case "clear_output":
        if (content.wait) this.clearPending = true;
        else this.clear();
        return;
    }
  }

  /** Moves the error text out of the stderr stream into an `error` output, so failures look like any kernel's. */
  fail(fallback: { ename: string; evalue: string }): Output {
    // A kernel that does send `error` messages (any but tslab) already said it best.
    const sent = this.outputs.find((o) => o.output_type === "error");
    if (sent) return sent;
    let stderr = "";
    const last = findLastIndex(this.outputs, (o) => o.output_type === "stream" && o.name === "stderr");
    if (last >= 0) {
      stderr = this.outputs[last].text;
      this.outputs.splice(last, 1);
    }
    const error = errorFromStderr(stderr, fallback);
    this.outputs.push(error);
    return error;
  }

  /** A runner remark shown as stderr; not subject to the cap, so it is never the part that gets cut. */
  note(remark: string): void {
    this.outputs.push({ output_type: "stream", name: "stderr", text: remark });
  }

  addError(error: Output): void {
    this.outputs.push(error);
  }

  get droppedBytes(): number {
    return this.droppedTotal;
  }

  /** Puts the truncation marker in place; called once the cell is done. */
  seal(): void {
    if (this.dropped === 0) return;
    const marker = text.outputTruncated(this.dropped, this.cap);
    const last = this.outputs[this.outputs.length - 1];
    if (last?.output_type === "stream") last.text += marker;
    else this.outputs.push({ output_type: "stream", name: "stderr", text: marker });
    this.dropped = 0;
  }

  private addStream(name: string, chunk: string): void {
    const last = this.outputs[this.outputs.length - 1];
    if (!this.clearPending && last?.output_type === "stream" && last.name === name) {
      const kept = this.take(chunk);
      last.text += kept;
      return;
    }
    this.push({ output_type: "stream", name, text: "" }, 0);
    this.outputs[this.outputs.length - 1].text = this.take(chunk);
  }

  private addDisplay(type: string, content: any): void {
    const size = JSON.stringify(content.data ?? {}).length;
    if (this.bytes + size > this.cap) {
      this.dropped += size;
      this.droppedTotal += size;
      return;
    }
    const output: Output = { output_type: type, data: jsonBundle(content.data), metadata: content.metadata ?? {} };
    if (type === "execute_result") output.execution_count = content.execution_count ?? null;
    this.push(output, size);
    const displayId = content.transient?.display_id;
    if (typeof displayId === "string") this.displays.register(displayId, output);
  }

  /** Keeps what fits under the cap (by UTF-16 length, a cheap stand-in for bytes) and counts the rest. */
  private take(chunk: string): string {
    const room = Math.max(0, this.cap - this.bytes);
    const kept = chunk.length <= room ? chunk : chunk.slice(0, room);
    this.bytes += kept.length;
    this.dropped += chunk.length - kept.length;
    this.droppedTotal += chunk.length - kept.length;
    return kept;
  }

  private push(output: Output, size: number): void {
    if (this.clearPending) this.clear();
    this.bytes += size;
    this.outputs.push(output);
  }

  private clear(): void {
    this.clearPending = false;
    this.outputs.length = 0;
    this.bytes = 0;
  }
}

/** display_id → every output showing it; an update rewrites them all, as Jupyter front ends do. */
export class DisplayRegistry {
  private readonly byId = new Map<string, Output[]>();

  register(id: string, output: Output): void {
    const list = this.byId.get(id) ?? [];
    list.push(output);
    this.byId.set(id, list);
  }

  update(content: any): void {
    const id = content.transient?.display_id;
    for (const output of this.byId.get(id) ?? []) {
      output.data = jsonBundle(content.data);
      output.metadata = content.metadata ?? {};
    }
  }
}

/** How tslab's process-level handlers start their console.error reports. */
const ESCAPED = /^(UnhandledPromiseRejection|UncaughtException):/;

/**
 * JSON MIME types (`application/json`, `application/…+json`) belong in the notebook as JSON, but tslab's
 * `display.raw` can only send them as text; parse such text so front ends and `collectChecks` see objects.
 */
export function jsonBundle(data: unknown): Record<string, unknown> {
  const bundle: Record<string, unknown> = { ...((data as Record<string, unknown>) ?? {}) };
  for (const [mime, value] of Object.entries(bundle)) {
    if (typeof value !== "string" || !/^application\/(.+\+)?json$/.test(mime)) continue;
    try {
      bundle[mime] = JSON.parse(value);
    } catch {
      // Not JSON after all: keep the text rather than lose the output.
    }
  }
  return bundle;
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
