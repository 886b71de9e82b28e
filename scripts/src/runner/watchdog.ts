/**
 * Preloaded into every kernel (NODE_OPTIONS=--require) so a kernel never outlives a runner that was SIGKILLed
 * (the one death the runner's own exit hooks cannot see). It only arms itself in the process the runner spawned
 * directly — children of the kernel inherit NODE_OPTIONS but have another parent — and its timer is unref'd so it
 * never keeps a kernel alive by itself.
 */
const runner = process.env.DRILLS_RUNNER_PID;
if (runner && String(process.ppid) === runner) {
  const timer = setInterval(() => {
    // Reparenting (to init or a subreaper) means the runner is gone.
    if (String(process.ppid) !== runner) process.exit(70);
  }, 1000);
  timer.unref();
}
