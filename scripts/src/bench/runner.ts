/**
 * Runner sections: wall time of `npm run execute --jobs <cores>` against `jupyter nbconvert --execute` run over
 * the same notebooks one after another, and the runner's own overhead on top of the kernel's busy time.
 */
import { spawn, spawnSync } from "node:child_process";
import * as path from "node:path";
import { kernelEnv } from "../kernelspec/kernelspec";
import { NotebookResult } from "../runner/execute";
import { planJobs } from "../runner/inputs";
import { executeNotebooks } from "../runner/pool";
import { BenchContext, registerSection, verdict } from "./sections";

const RESULTS = "runner.results";
const WALL = "runner.wallMs";

/** Runs the notebooks once per bench run; later sections reuse the results. */
export async function runRunner(context: BenchContext): Promise<{ results: NotebookResult[]; wallMs: number }> {
  const cached = context.shared.get(RESULTS) as NotebookResult[] | undefined;
  if (cached) return { results: cached, wallMs: context.shared.get(WALL) as number };
  const jobs = planJobs(context.notebooks, { outDir: path.join(context.workDir, "runner"), inplace: false });
  const started = Date.now();
  const results = await executeNotebooks(jobs, { jobs: context.jobs });
  const wallMs = Date.now() - started;
  context.shared.set(RESULTS, results);
  context.shared.set(WALL, wallMs);
  return { results, wallMs };
}

function nbconvert(input: string, outDir: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      "jupyter",
      ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--output-dir", outDir, input],
      {
        env: kernelEnv(),
        stdio: "ignore",
      },
    );
    child.once("exit", resolve);
    child.once("error", () => resolve(null));
  });
}

registerSection(
  "runner-vs-nbconvert",
  "wall time: runner (--jobs = cores) vs serial jupyter nbconvert --execute",
  async (context) => {
    const { results, wallMs } = await runRunner(context);
    const passed = results.filter((r) => r.passed).length;
    context.print(
      `runner: ${results.length} notebooks (${passed} passed) with --jobs ${context.jobs} in ${(wallMs / 1000).toFixed(1)}s`,
    );
    const probe = spawnSync("jupyter", ["nbconvert", "--version"], { encoding: "utf8" });
    if (probe.error || probe.status !== 0) {
      context.print("nbconvert: skipped: jupyter not installed");
      return;
    }
    const started = Date.now();
    // --allow-errors so a failing notebook costs nbconvert the same full run it costs the runner with faults.
    for (const notebook of context.notebooks) await nbconvert(notebook, path.join(context.workDir, "nbconvert"));
    const serialMs = Date.now() - started;
    const ratio = serialMs / wallMs;
    context.print(`nbconvert: same notebooks one after another in ${(serialMs / 1000).toFixed(1)}s`);
    context.print(verdict("speed-up over serial nbconvert", `${ratio.toFixed(2)}×`, `≥ 2× on 2 cores`, ratio >= 2));
  },
);

registerSection(
  "runner-overhead",
  "the runner's time per notebook beyond the kernel's own busy time",
  async (context) => {
    const { results } = await runRunner(context);
    context.print("notebook                                   wall    start   busy    cells   overhead");
    let busy = 0;
    let cells = 0;
    let beyondStart = 0;
    for (const result of results) {
      const cellsMs = result.cells.reduce((sum, cell) => sum + cell.durationMs, 0);
      busy += result.busyMs;
      cells += cellsMs;
      beyondStart += result.durationMs - result.startupMs;
      const pct = result.busyMs > 0 ? `${(((cellsMs - result.busyMs) / result.busyMs) * 100).toFixed(1)}%` : "-";
      const s = (ms: number) => `${(ms / 1000).toFixed(2)}s`.padStart(7);
      context.print(
        `${fit(path.relative(process.cwd(), result.path), 42)} ${s(result.durationMs)} ${s(result.startupMs)} ${s(result.busyMs)} ${s(cellsMs)}  ${pct}`,
      );
    }
    context.print(
      "(wall = read → kernel shut down; start = kernel start to ready; busy = Σ kernel busy→reply; cells = Σ request→finished)",
    );
    const overhead = busy > 0 ? (cells - busy) / busy : 0;
    context.print(
      verdict("per-cell overhead (cells vs busy)", `${(overhead * 100).toFixed(1)}%`, "≤ 5%", overhead <= 0.05),
    );
    // Also counts reading/writing the notebook, the late-output drain and kernel shutdown; only kernel start is excluded.
    const whole = busy > 0 ? (beyondStart - busy) / busy : 0;
    context.print(
      verdict("per-notebook overhead (wall−start vs busy)", `${(whole * 100).toFixed(1)}%`, "≤ 5%", whole <= 0.05),
    );
  },
);

/** Keeps the end of a long path (the file name is the informative part), marking the cut. */
function fit(text: string, width: number): string {
  return (text.length > width ? "…" + text.slice(text.length - width + 1) : text).padEnd(width);
}
