/**
 * Finds and kills processes by a path in their command line. Other people's kernels may run on the same machine, so
 * "no orphan kernels" means none whose command line names *our* private dir (a kernel's argv carries its connection
 * file, which Jupyter puts in its runtime dir; chromium's carries its --user-data-dir) — never a match by name.
 */
import * as fs from "node:fs";

/** Pids (other than this process) whose command line contains `needle`; empty where /proc does not exist. */
export function processesMentioning(needle: string): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    if (cmdline.includes(needle) && !isZombie(entry)) pids.push(Number(entry));
  }
  return pids;
}

function isZombie(pid: string): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) S ..." — the state letter follows the last ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return true;
  }
}

/** SIGKILL a process (or its whole group); one that is already gone is not an error. */
export function killNow(pid: number | undefined, group: boolean): void {
  if (pid === undefined) return;
  try {
    process.kill(group ? -pid : pid, "SIGKILL");
  } catch {
    // already gone
  }
}
