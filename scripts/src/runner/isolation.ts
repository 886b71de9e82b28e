/**
 * How a kernel's process tree is held. In a PID namespace the kernel's tree cannot escape: `setsid`, `detached`
 * and double forks stay inside, and killing the namespace's init kills every process in it. Where no namespace
 * can be made, the fallback is a process group plus the descendants seen while the kernel ran — a child that
 * daemonises between two looks escapes it, and the result says which mode was used.
 *
 * The namespace's init is `sh` running the kernel as its child (`"$@"; exit $?`, the argv passed as arguments,
 * never parsed by the shell): a kernel that were PID 1 itself could not be killed by its own SIGKILL, and
 * util-linux's `unshare --fork` as an inner init loses the signal a child died of. sh reports it as 128+N.
 */
import { spawnSync } from "node:child_process";

export type Isolation = "pid-namespace" | "process-group";

export interface Wrapper {
  isolation: Isolation;
  /** Put in front of the kernel's argv; empty for the process-group fallback. */
  prefix: string[];
}

const INIT = ["/bin/sh", "-c", '"$@"; exit $?', "drills-init"];
const CANDIDATES: string[][] = [
  ["unshare", "--pid", "--fork", "--kill-child", "--mount-proc"],
  // Without root: a user namespace first, where the kernel allows unprivileged ones.
  ["unshare", "--user", "--map-root-user", "--pid", "--fork", "--kill-child", "--mount-proc"],
];

let probed: { wrapper: Wrapper; reason?: string } | undefined;

/**
 * Probed once per process: the first candidate that runs `true` in a new PID namespace.
 * DRILLS_ISOLATION=process-group forces the fallback (to test it, or where namespaces misbehave).
 */
export function isolationWrapper(env: NodeJS.ProcessEnv = process.env): { wrapper: Wrapper; reason?: string } {
  if (env.DRILLS_ISOLATION === "process-group")
    return { wrapper: { isolation: "process-group", prefix: [] }, reason: "DRILLS_ISOLATION=process-group" };
  if (probed) return probed;
  if (process.platform !== "linux") {
    return (probed = {
      wrapper: { isolation: "process-group", prefix: [] },
      reason: `no PID namespaces on ${process.platform}`,
    });
  }
  const reasons: string[] = [];
  for (const candidate of CANDIDATES) {
    const run = spawnSync(candidate[0], [...candidate.slice(1), ...INIT, "/bin/true"], {
      encoding: "utf8",
      timeout: 5000,
    });
    if (run.status === 0)
      return (probed = { wrapper: { isolation: "pid-namespace", prefix: [...candidate, ...INIT] } });
    reasons.push(`${candidate.join(" ")}: ${run.error?.message ?? (run.stderr.trim() || `exit ${run.status}`)}`);
  }
  return (probed = { wrapper: { isolation: "process-group", prefix: [] }, reason: reasons.join("; ") });
}
