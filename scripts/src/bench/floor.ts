/**
 * Shared by the floor-relative sections: the bare-kernel floor (a one-cell `1+1` notebook, median of a few runs) and
 * throwaway notebooks written inside the project (kernels start in a notebook's folder and must resolve @drills/*).
 * Notebooks are run one at a time, so a ratio compares like with like whatever --jobs says.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
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
  const cells = sources.map((source, i) => ({
    cell_type: "code",
    id: `c${i}`,
    metadata: {},
    execution_count: null,
    outputs: [],
    source,
  }));
  const kernelspec = { name: "tslab", display_name: "TypeScript", language: "typescript" };
  fs.writeFileSync(file, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec }, cells }, null, 1));
  return file;
}

export interface Alone {
  passed: boolean;
  wallMs: number;
  /** User + system CPU of the runner and its kernel (bash's `time`): steadier than wall time on a shared machine. */
  cpuMs: number;
}

/**
 * Runs one notebook alone through `npm run execute -- --jobs 1 --allow-errors` (every cell runs, as Run All does)
 * in a child, timed by bash: the runner waits for its kernel, so the kernel's CPU is counted.
 */
export function runAlone(context: BenchContext, file: string, env: NodeJS.ProcessEnv = process.env): Alone {
  const cli = path.join(PROJECT_ROOT, "scripts", "dist", "runner", "cli.js");
  const out = path.join(context.workDir, "alone");
  const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const script = `TIMEFORMAT='%R %U %S'; time ${q(process.execPath)} ${q(cli)} --jobs 1 --allow-errors --out ${q(out)} ${q(file)} >/dev/null 2>&1; echo "exit $?" >&2`;
  const r = spawnSync("bash", ["-c", `{ ${script}; } 2>&1`], { encoding: "utf8", env });
  const m = /(\d+\.\d+) (\d+\.\d+) (\d+\.\d+)\s+exit (\d+)/.exec(r.stdout ?? "");
  if (!m) throw new Error(`bench: could not time ${file}: ${(r.error?.message ?? r.stdout ?? "").slice(-300)}`);
  return { passed: m[4] === "0", wallMs: Number(m[1]) * 1000, cpuMs: (Number(m[2]) + Number(m[3])) * 1000 };
}

export interface Floor {
  wallMs: number;
  cpuMs: number;
}

/** Median wall and CPU time of a bare kernel running `1+1`, measured once per bench run. */
export function bareFloor(context: BenchContext, runs = 3): Floor {
  const cached = context.shared.get(FLOOR) as Floor | undefined;
  if (cached) return cached;
  const file = writeNotebook(path.join(scratch(context), "bare.ipynb"), ["1+1"]);
  const times = Array.from({ length: runs }, () => runAlone(context, file));
  const floor = { wallMs: median(times.map((t) => t.wallMs)), cpuMs: median(times.map((t) => t.cpuMs)) };
  context.print(
    `bare kernel (1+1), ${runs} runs: wall ${seconds(floor.wallMs)}, CPU ${seconds(floor.cpuMs)} (medians)`,
  );
  context.shared.set(FLOOR, floor);
  return floor;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** A difference in seconds with its sign: "+0.46 s", "−0.20 s" (a run can beat the floor's median). */
export const signedSeconds = (ms: number) => `${ms < 0 ? "−" : "+"}${seconds(Math.abs(ms))}`;
