/**
 * Progress while notebooks run. On a terminal one status line is redrawn in place (which notebooks are on which
 * cell); elsewhere (CI logs, pipes) only a plain line per finished notebook, because redraws become noise in a file.
 */
import { NotebookResult } from "./execute";
import { formatResultLine } from "./report";

export class Progress {
  private readonly running = new Map<string, string>();
  private done = 0;
  private statusShown = false;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stdout,
    private readonly live = Boolean(stream.isTTY) && process.env.TERM !== "dumb",
  ) {}

  started(file: string): void {
    this.running.set(file, "starting kernel");
    this.redraw();
  }

  cell(file: string, index: number, total: number): void {
    this.running.set(file, `cell ${index + 1}/${total}`);
    this.redraw();
  }

  finished(result: NotebookResult): void {
    this.running.delete(result.path);
    this.done++;
    this.clearStatus();
    this.stream.write(formatResultLine(result) + "\n");
    this.redraw();
  }

  /** Leaves the terminal clean before the report is printed. */
  close(): void {
    this.clearStatus();
  }

  private redraw(): void {
    if (!this.live) return;
    const width = Math.max(20, (this.stream.columns || 100) - 1);
    const now = [...this.running].map(([file, what]) => `${file.split("/").pop()} ${what}`).join(" | ");
    const line = `[${this.done}/${this.total}] ${now}`;
    this.stream.write(`\r\x1b[2K${line.length > width ? line.slice(0, width - 1) + "…" : line}`);
    this.statusShown = true;
  }

  private clearStatus(): void {
    if (!this.statusShown) return;
    this.stream.write("\r\x1b[2K");
    this.statusShown = false;
  }
}
