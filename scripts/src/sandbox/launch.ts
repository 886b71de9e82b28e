/**
 * The bwrap command line for one kernel: what is mounted where, the namespaces, the uid, the environment. The
 * supervisor runs it; bwrap's own init is PID 1 of the namespace, so killing it ends everything the kernel started.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import type { Isolation } from "../runner/isolation";
import { Bind, SandboxSpec, privilegeDrop, sandboxAvailable } from "./sandbox";

export interface Launch {
  prefix: string[];
  isolation: Isolation;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * What of the caller's environment a sandboxed kernel keeps: system basics and the pack's known switches (values,
 * never paths). Everything else — secrets, DRILLS_HIDDEN_FILE, DRILLS_PROGRESS_FILE — stays out.
 */
const KEPT_ENV = [
  "PATH",
  "LANG",
  "LC_ALL",
  "LC_CTYPE",
  "TZ",
  "DRILLS_MODE",
  "DRILLS_STRICT",
  "DRILLS_PROGRESS",
  "DRILLS_BACKEND",
];
const SYSTEM_DIRS = ["/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32"];
/** /etc is not bound whole: only what libc and node read to start. */
const ETC_FILES = [
  "/etc/passwd",
  "/etc/group",
  "/etc/nsswitch.conf",
  "/etc/hosts",
  "/etc/localtime",
  "/etc/ld.so.cache",
  "/etc/ld.so.conf",
];

export class SandboxError extends Error {}

export function sandboxLaunch(
  spec: SandboxSpec,
  kernel: { cwd: string; connectionDir: string; env: NodeJS.ProcessEnv },
): Launch {
  const probe = sandboxAvailable();
  if (!probe.available) throw new SandboxError(`no sandbox: ${probe.reason}`);
  const workDir = path.resolve(spec.workDir);
  const cwd = path.resolve(kernel.cwd);
  if (cwd !== workDir && !cwd.startsWith(workDir + path.sep)) {
    throw new SandboxError(
      `the notebook's folder ${cwd} is not inside the sandbox's workDir ${workDir}; stage the notebook there`,
    );
  }
  const uid = spec.uid ?? 65534;
  const gid = spec.gid ?? 65534;
  if (probe.dropsPrivileges) {
    // The kernel must read its connection file, create its sockets and write its work dir — nothing else.
    for (const p of [
      kernel.connectionDir,
      ...fs.readdirSync(kernel.connectionDir).map((f) => path.join(kernel.connectionDir, f)),
      workDir,
    ]) {
      fs.chownSync(p, uid, gid);
    }
  }
  const args = [
    probe.bwrap!,
    "--unshare-user",
    "--unshare-pid",
    "--unshare-net",
    "--unshare-ipc",
    "--unshare-uts",
    "--unshare-cgroup-try",
    "--die-with-parent",
    "--new-session",
    "--cap-drop",
    "ALL",
    "--hostname",
    "sandbox",
    ...systemMounts(),
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--tmpfs",
    "/tmp",
    ...readOnlyBinds(spec.projectRoot ?? PROJECT_ROOT).flatMap(bind),
    ...bind({ src: kernel.connectionDir, writable: true }),
    ...bind({ src: workDir, writable: true }),
    ...(spec.binds ?? []).flatMap(bind),
    "--chdir",
    cwd,
    "--",
  ];
  const env: NodeJS.ProcessEnv = { HOME: "/tmp", TMPDIR: "/tmp" };
  for (const key of KEPT_ENV) if (kernel.env[key] !== undefined) env[key] = kernel.env[key];
  Object.assign(env, spec.env ?? {});
  return {
    prefix: [...(probe.dropsPrivileges ? privilegeDrop(uid, gid) : []), ...args],
    isolation: "pid-namespace",
    env,
    cwd,
  };
}

/** System dirs as on the host: a symlink (merged /usr) stays a symlink, a dir is bound read-only. */
function systemMounts(): string[] {
  const out: string[] = [];
  for (const dir of SYSTEM_DIRS) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(dir);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) out.push("--symlink", fs.readlinkSync(dir), dir);
    else out.push("--ro-bind", dir, dir);
  }
  for (const file of ETC_FILES) if (fs.existsSync(file)) out.push("--ro-bind", file, file);
  return out;
}

/** node itself (when outside /usr), the project's node_modules, and each workspace package's package.json and dist. */
export function readOnlyBinds(root: string): Bind[] {
  const binds: Bind[] = [];
  const node = fs.realpathSync(process.execPath);
  if (!node.startsWith("/usr/")) binds.push({ src: path.dirname(path.dirname(node)) });
  const modules = path.join(root, "node_modules");
  binds.push({ src: modules });
  for (const link of workspaceLinks(modules)) {
    const target = fs.realpathSync(link);
    for (const part of ["package.json", "dist", "node_modules"]) {
      if (fs.existsSync(path.join(target, part))) binds.push({ src: path.join(target, part) });
    }
  }
  // The kernelspec's argv preloads the V8 code cache (scripts/src/kernelspec): its compiled folder and the cache,
  // both read-only — a kernel that could write the cache could poison the next candidate's.
  for (const part of [
    path.join(root, "scripts", "dist", "kernelspec"),
    path.join(root, "share", "jupyter", "kernels", "tslab", "v8-cache"),
  ]) {
    if (fs.existsSync(part)) binds.push({ src: part });
  }
  return binds;
}

/** Symlinked packages in node_modules (npm workspaces), scoped or not. */
function workspaceLinks(modules: string): string[] {
  const links: string[] = [];
  const scan = (dir: string, depth: number) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) links.push(full);
      else if (depth === 0 && entry.isDirectory() && entry.name.startsWith("@")) scan(full, 1);
    }
  };
  scan(modules, 0);
  return links;
}

function bind(b: Bind): string[] {
  return [b.writable ? "--bind" : "--ro-bind", path.resolve(b.src), path.resolve(b.dest ?? b.src)];
}
