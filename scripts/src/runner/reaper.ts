/**
 * The live supervisors (supervisor.ts), so the runner can end every kernel at once (a second Ctrl-C). Nothing here
 * is needed for a runner that dies: each supervisor notices its stdin pipe close and ends its kernel by itself.
 */
const live = new Set<number>();

export function adopt(pid: number): void {
  live.add(pid);
}

export function release(pid: number): void {
  live.delete(pid);
}

export function livePids(): number[] {
  return [...live];
}

/** SIGTERM to each supervisor: it kills its kernel's tree and removes the connection files, then exits. */
export function killAllNow(): void {
  for (const pid of live) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  live.clear();
}
