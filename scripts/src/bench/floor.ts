/**
 * Shared by the floor-relative sections: the bare-kernel floor (a one-cell `1+1` notebook, median of a few runs) and
 * throwaway notebooks written inside the project (kernels start in a notebook's folder and must resolve @drills/*).
 * Notebooks are run one at a time, so a ratio compares like with like whatever --jobs says.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { executeNotebook, type NotebookResult } from "../runner";
import { median, type BenchContext } from "./sections";

const FLOOR = "floor.bareMs";

/** A folder under build/ for this bench run's notebooks; removed when the process exits. */
export function scratch(context: BenchContext): string {
  const key = "floor.scratch";
  let dir = context.shared.get(key) as string | undefined;
  if (!dir) {
    dir = path.join(PROJECT_ROOT, "build", `bench-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    const made = dir;
    process.once("exit", () => fs.rmSync(made, { recursive: true, force: true }));
    context.shared.set(key, dir);
  }
  return dir;
}

export function writeNotebook(file: string, sources: string[]): string {
  const cells = sources.map((source, i) => ({ cell_type: "code", id: `c${i}`, metadata: {}, execution_count: null, outputs: [], source }));
  const kernelspec = { name: "tslab", display_name: "TypeScript", language: "typescript" };
  fs.writeFileSync(file, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec }, cells }, null, 1));
  return file;
}

/** Runs one notebook alone (allowErrors: every cell runs, as Run All does until an error). */
export async function runAlone(file: string, env?: NodeJS.ProcessEnv): Promise<NotebookResult> {
  return executeNotebook(file, { allowErrors: true, ...(env ? { env } : {}) });
}

/** Median wall time of a bare kernel running `1+1`, measured once per bench run. */
export async function bareFloorMs(context: BenchContext, runs = 3): Promise<number> {
  const cached = context.shared.get(FLOOR) as number | undefined;
  if (cached) return cached;
  const file = writeNotebook(path.join(scratch(context), "bare.ipynb"), ["1+1"]);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await runAlone(file)).durationMs);
  const floor = median(times);
  context.print(`bare kernel (1+1): ${times.map((t) => (t / 1000).toFixed(2)).join(", ")} s → floor ${(floor / 1000).toFixed(2)} s`);
  context.shared.set(FLOOR, floor);
  return floor;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
