/**
 * A notebook open in the classic Jupyter Notebook 6 UI, driven the way a person drives it: menus, clicks and keys.
 * The page's own JavaScript (`Jupyter.notebook`) is never called; what the test asserts is read from the DOM the
 * person sees (prompts, the kernel indicator, rendered outputs).
 */
import type { BrowserContext, Page } from "playwright-core";
import type { JupyterServer } from "./server";
import type { NotebookInfo } from "./notebooks";

/** What one rendered cell shows. `executionCount` is the number in `In [n]:`; null before it ran, NaN for `[*]`. */
export interface CellView {
  kind: string;
  executionCount: number | null;
  running: boolean;
  reports: { drill: string; status: string; cases: { status: string; text: string }[]; text: string }[];
  errors: string[];
}

const CELLS = "#notebook-container > .cell";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class NotebookPage {
  private constructor(
    readonly page: Page,
    readonly nb: NotebookInfo,
    private readonly server: JupyterServer,
  ) {}

  /** Opens the notebook in a new tab; `waitIdle` then waits for its kernel. */
  static async open(context: BrowserContext, server: JupyterServer, nb: NotebookInfo): Promise<NotebookPage> {
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/notebooks/${nb.rel}?token=${server.token}`);
    } catch (error) {
      await page.close();
      throw error;
    }
    return new NotebookPage(page, nb, server);
  }

  /** The kernel name in the top-right indicator, e.g. "TypeScript". */
  async kernelName(): Promise<string> {
    return (await this.page.locator("#kernel_indicator .kernel_indicator_name").innerText()).trim();
  }

  /** Cell ▸ Run All. */
  async runAll(timeoutMs = 120_000): Promise<void> {
    await this.page.click("#celllink");
    await this.page.click("#run_all_cells");
    await this.waitIdle(timeoutMs);
  }

  /**
   * Waits until the kernel indicator shows idle and no cell is running (`In [*]`), stable for half a second: the
   * shell reply that clears a cell's `[*]` and the iopub idle status travel on different channels, and between two
   * queued cells the kernel is briefly idle. A dialog (kernel not found, kernel died) fails at once with its text.
   */
  async waitIdle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let stableSince: number | undefined;
    for (;;) {
      const state = await this.page.evaluate(() => {
        const doc = (globalThis as any).document;
        const dialog = doc.querySelector(".modal.in");
        if (dialog) return `dialog: ${dialog.innerText.replace(/\s+/g, " ").trim()}`;
        const icon = doc.querySelector("#kernel_indicator_icon")?.className ?? "";
        if (/kernel_dead/.test(icon)) return "dead";
        return /kernel_idle_icon/.test(icon) && !doc.querySelector("#notebook-container .cell.running")
          ? "idle"
          : "busy";
      });
      if (state.startsWith("dialog") || state === "dead") throw new Error(`${this.nb.rel}: ${state}`);
      if (state === "idle") {
        stableSince ??= Date.now();
        if (Date.now() - stableSince >= 500) return;
      } else stableSince = undefined;
      if (Date.now() > deadline) throw new Error(`${this.nb.rel}: kernel still ${state} after ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  /** Every cell as rendered, in page order. */
  async cells(): Promise<CellView[]> {
    return this.page.$$eval(CELLS, (els: any[]) =>
      els.map((el) => {
        const prompt = el.querySelector(".input_prompt")?.innerText ?? "";
        const m = /\[(.*?)\]/.exec(prompt);
        const count = !m || m[1].trim() === "" ? null : m[1] === "*" ? NaN : Number(m[1]);
        const text = (e: any) => (e.innerText as string).replace(/\u00a0/g, " ");
        return {
          kind: ["code_cell", "text_cell", "raw_cell"].find((k) => el.classList.contains(k)) ?? el.className,
          executionCount: count,
          running: el.classList.contains("running"),
          reports: [...el.querySelectorAll(".drills-report")].map((r: any) => ({
            drill: r.dataset.drill,
            status: r.dataset.status,
            cases: [...r.querySelectorAll("li[data-status]")].map((li: any) => ({
              status: li.dataset.status,
              text: text(li),
            })),
            text: text(r),
          })),
          // tslab reports a compile error on stderr (red box), a runtime error as an error output; both are errors.
          errors: [...el.querySelectorAll(".output_error, .output_stderr")].map(text),
        };
      }),
    );
  }

  /** The code of a cell as the editor shows it. */
  async cellSource(index: number): Promise<string> {
    const lines = await this.page.locator(CELLS).nth(index).locator(".CodeMirror-line").allTextContents();
    return lines.map((l) => l.replace(/\u200b/g, "").replace(/\u00a0/g, " ")).join("\n");
  }

  /** Clicks into the line that reads `old` and types `typed` over it, as a person replacing a stub would. */
  async retypeLine(index: number, old: string, typed: string): Promise<void> {
    const line = this.page.locator(CELLS).nth(index).locator(".CodeMirror-line", { hasText: old });
    await line.first().click();
    // End, then Shift+Home (CodeMirror's smart home stops at the indentation): the line's code is selected.
    await this.page.keyboard.press("End");
    await this.page.keyboard.press("Shift+Home");
    await this.page.keyboard.type(typed);
  }

  /** Clicks into a code cell and runs it with Shift+Enter. */
  async runCell(index: number, timeoutMs = 60_000): Promise<void> {
    await this.page.locator(CELLS).nth(index).locator(".CodeMirror").click();
    await this.page.keyboard.press("Shift+Enter");
    await this.waitIdle(timeoutMs);
  }

  /** Saves a screenshot of the whole notebook (tall viewport), scrolled so cell `top` is at the top. */
  async screenshot(file: string, top?: number): Promise<void> {
    const size = this.page.viewportSize() ?? { width: 1280, height: 1000 };
    if (top !== undefined) await this.page.locator(CELLS).nth(top).scrollIntoViewIfNeeded();
    const height = await this.page.evaluate(() => {
      const doc = (globalThis as any).document;
      return doc.querySelector("#header").offsetHeight + doc.querySelector("#notebook").scrollHeight;
    });
    // The classic UI scrolls inside #site and sizes it on window resize, so a tall window shows the whole notebook.
    await this.page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 12_000) });
    await sleep(300);
    await this.page.screenshot({ path: file });
    await this.page.setViewportSize(size);
  }

  /**
   * File ▸ Close and Halt, then waits until the server no longer lists the notebook's session (its kernel is shut
   * down). The UI closes its window with `window.close()`, which a browser may ignore for a tab it did not open by
   * script, so the tab is closed here once the kernel is gone.
   */
  async closeAndHalt(): Promise<void> {
    await this.page.click("#filelink");
    await this.page.click("#close_and_halt");
    for (let i = 0; i < 100; i++) {
      const sessions = await this.server.api<{ path: string }[]>("/api/sessions");
      if (!sessions.some((s) => s.path === this.nb.rel)) {
        if (!this.page.isClosed()) await this.page.close({ runBeforeUnload: false });
        return;
      }
      await sleep(100);
    }
    throw new Error(`${this.nb.rel}: Close and Halt left its session running`);
  }
}
