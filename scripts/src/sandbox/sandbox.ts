/**
 * A sandbox for kernels that run untrusted notebooks (the grader's): Debian's bubblewrap with an empty root
 * filesystem, onto which only an allowlist is mounted — system dirs, node, the project's node_modules and the
 * workspace packages' builds, read-only; a fresh tmpfs /tmp; the writable work dir; the connection folder. No
 * network (channels are unix sockets), its own PID namespace, and — when the runner is root — a real unprivileged
 * uid (setpriv drops to it before bwrap starts, so the kernel is that uid on the host too, not root mapped).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";

export interface Bind {
  /** Host path. */
  src: string;
  /** Path inside the sandbox; default the same as src. */
  dest?: string;
  /** Default false: read-only. */
  writable?: boolean;
}

export interface SandboxSpec {
  /**
   * The folder the kernel runs in and may write to: the staged notebook's folder. It is bound at its own path, so
   * packages still resolve upwards from it (keep it under the project root, e.g. build/grade-work/…); when the
   * runner is root it is chowned to `uid`.
   */
  workDir: string;
  /** Extra binds, mounted after the defaults (so a bind over checks/dist replaces it). */
  binds?: Bind[];
  /** Environment variables for the kernel; nothing else of the caller's environment gets in but PATH and locale. */
  env?: Record<string, string>;
  /** The unprivileged uid/gid the kernel runs as when the runner is root; default 65534 (nobody). */
  uid?: number;
  gid?: number;
  /** Project whose node_modules and workspace packages are bound; default this project. */
  projectRoot?: string;
}

export interface SandboxProbe {
  available: boolean;
  /** Why not, when not. */
  reason?: string;
  bwrap?: string;
  /** The kernel runs as `uid` on the host (the runner is root and setpriv works). */
  dropsPrivileges: boolean;
}

let probed: SandboxProbe | undefined;

/** Probed once per process: bwrap present and able to start a process in the namespaces the sandbox uses. */
export function sandboxAvailable(): SandboxProbe {
  if (probed) return probed;
  if (process.platform !== "linux")
    return (probed = {
      available: false,
      reason: `bubblewrap needs Linux, this is ${process.platform}`,
      dropsPrivileges: false,
    });
  const bwrap = ["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"].find((p) => fs.existsSync(p));
  if (!bwrap)
    return (probed = {
      available: false,
      reason: "bubblewrap (bwrap) is not installed: apt-get install bubblewrap",
      dropsPrivileges: false,
    });
  const dropsPrivileges = process.getuid?.() === 0 && fs.existsSync("/usr/bin/setpriv");
  const trial = [
    ...(dropsPrivileges ? privilegeDrop(65534, 65534) : []),
    bwrap,
    "--unshare-user",
    "--unshare-pid",
    "--unshare-net",
    "--die-with-parent",
    "--ro-bind",
    "/",
    "/",
    "--",
    "/bin/true",
  ];
  const run = spawnSync(trial[0], trial.slice(1), { encoding: "utf8", timeout: 10_000 });
  if (run.status !== 0) {
    const why = run.error?.message ?? (run.stderr.trim() || `exit ${run.status}`);
    return (probed = {
      available: false,
      reason: `bwrap cannot create namespaces here: ${why}`,
      bwrap,
      dropsPrivileges,
    });
  }
  return (probed = { available: true, bwrap, dropsPrivileges });
}

/** setpriv drops to uid/gid with no supplementary groups and no capabilities; bwrap then runs unprivileged. */
export function privilegeDrop(uid: number, gid: number): string[] {
  return ["/usr/bin/setpriv", `--reuid=${uid}`, `--regid=${gid}`, "--clear-groups", "--inh-caps=-all", "--"];
}
