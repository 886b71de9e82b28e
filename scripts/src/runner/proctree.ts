/**
 * The process tree from /proc (Linux): who a process is (pid, parent, start time, argv[0]) and all of its
 * descendants. The start time makes a pid safe to signal later: a pid reused after our process ended has another.
 */
import * as fs from "node:fs";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Clock ticks since boot (field 22 of /proc/<pid>/stat). */
  start: string;
  argv0: string;
}

export function processInfo(pid: number): ProcessInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses; fields are counted from the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] === "Z") return undefined;
    const argv0 = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0];
    return { pid, ppid: Number(fields[1]), start: fields[19], argv0 };
  } catch {
    return undefined;
  }
}

export function descendants(root: number): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const info = processInfo(Number(entry));
    if (!info) continue;
    const list = children.get(info.ppid) ?? [];
    list.push(info);
    children.set(info.ppid, list);
  }
  const found: ProcessInfo[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}
