/**
 * Keeps the set of live kernel processes so that no path out of the runner — normal end, Ctrl-C, an uncaught
 * exception — leaves one behind. Kernels run in their own process group (spawned detached) so a kill reaches
 * anything they started too; the `exit` hook is synchronous because nothing async runs at that point.
 */
const live = new Set<number>();
let hooked = false;

export function adopt(pid: number): void {
  live.add(pid);
  if (!hooked) {
    hooked = true;
    process.on("exit", killAllNow);
  }
}

export function release(pid: number): void {
  live.delete(pid);
}

export function livePids(): number[] {
  return [...live];
}

/** Signals a kernel's whole process group; a group that is already gone is not an error. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

export function killAllNow(): void {
  for (const pid of live) signalGroup(pid, "SIGKILL");
  live.clear();
}
