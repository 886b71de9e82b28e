/**
 * Preloaded into every kernel (NODE_OPTIONS=--require) so a kernel never outlives a runner that was SIGKILLed —
 * the one death the runner's own exit hooks cannot see. Processes the kernel starts inherit it and follow the same
 * rule, which is what we want: nothing of a run survives the runner. The timer is unref'd so it never keeps a
 * process alive by itself.
 */
const runner = Number(process.env.DRILLS_RUNNER_PID);

function runnerAlive(): boolean {
  try {
    process.kill(runner, 0);
    return true;
  } catch (error) {
    // EPERM: a process with that pid exists but is not ours to signal; be conservative and keep running.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

if (runner > 0) {
  // Reparenting is the faster signal for the kernel itself (a killed runner may linger as an unreaped zombie);
  // the liveness probe covers grandchildren and a runner killed before this process finished starting.
  const directChild = process.ppid === runner;
  const timer = setInterval(() => {
    if ((directChild && process.ppid !== runner) || !runnerAlive()) process.exit(70);
  }, 1000);
  timer.unref();
}
