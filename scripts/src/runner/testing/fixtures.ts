/** Shared helpers for the integration specs: fixture paths, nbformat validation, process liveness. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../kernelspec/kernelspec";

export const FIXTURES = path.join(PROJECT_ROOT, "scripts", "test-notebooks");
export const fixture = (name: string) => path.join(FIXTURES, name);
export const CLI = path.join(PROJECT_ROOT, "scripts", "dist", "runner", "cli.js");

/** Debian's interpreter: the first python3 on PATH here has no nbformat. */
const PYTHON = "/usr/bin/python3";

/** Why validation cannot run here, or undefined when it can. */
export function nbformatMissing(): string | undefined {
  if (!fs.existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ["-c", "import nbformat"], { encoding: "utf8" });
  return probe.status === 0 ? undefined : `${PYTHON} lacks nbformat`;
}

/** Validates all files in one interpreter start; returns "file: problem" lines (empty when all are valid). */
export function nbformatProblems(files: string[]): string[] {
  const script = [
    "import sys, nbformat",
    "for p in sys.argv[1:]:",
    "    try:",
    "        nbformat.validate(nbformat.read(p, 4))",
    "    except Exception as e:",
    "        print(p + ': ' + str(e).splitlines()[0])",
  ].join("\n");
  const run = spawnSync(PYTHON, ["-c", script, ...files], { encoding: "utf8" });
  return [...run.stdout.split("\n").filter(Boolean), ...(run.status === 0 ? [] : [run.stderr])];
}

/** Alive means running: a zombie waiting for a parent that never reaps it (PID 1 in a container) counts as gone. */
export function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** Direct children of a process, from /proc. */
export function childPids(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parent) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
