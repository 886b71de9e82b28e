/**
 * The kernel's supervisor: its own Node process between the runner and the kernel, so it never shares an event loop
 * with a cell (a `while (true) {}` blocks the kernel, not this) nor dies with the runner. It starts the kernel's
 * tree (in a PID namespace when isolation.ts found one), and ends all of it — then removes the connection folder,
 * key included — when told to, when the kernel exits, and when the runner goes away by any means: its stdin is a
 * pipe from the runner, and the kernel closes that pipe for a runner that exited, crashed or was SIGKILLed.
 *
 * Protocol. stdin: one JSON line (SupervisorConfig), then commands "interrupt", "terminate", "kill", one per line.
 * stdout: JSON lines {type: "started", pid} and, last, {type: "exit", code, signal, error?}. stderr: the kernel's
 * own stdout and stderr. The config travels on stdin, not argv: nothing about the kernel shows in `ps`.
 */
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import type { Isolation } from "./isolation";
import { ProcessInfo, descendants, processInfo } from "./proctree";

export interface SupervisorConfig {
  argv: string[];
  /** The kernel's own argv[0]; below a wrapper, the first descendant running it is the kernel. */
  kernelExe: string;
  isolation: Isolation;
  cwd: string;
  /** Removed once the tree is gone. */
  cleanup: string[];
  findTimeoutMs: number;
}

export type SupervisorEvent =
  | { type: "started"; pid: number }
  | { type: "exit"; code: number | null; signal: NodeJS.Signals | null; error?: string };

const TRACK_MS = 300;
let config: SupervisorConfig;
let child: ChildProcess | undefined;
let kernel: ProcessInfo | undefined;
/** Every descendant seen (process-group mode): a setsid child is found while its parent is still the kernel. */
const seen = new Map<number, ProcessInfo>();
let ending = false;
let finished = false;

function emit(event: SupervisorEvent, then?: () => void): void {
  process.stdout.write(JSON.stringify(event) + "\n", () => then?.());
}

/** Kills the whole tree. In a namespace, killing its init (the kernel's parent) takes every process with it. */
function killTree(): ProcessInfo[] {
  const victims: ProcessInfo[] = [];
  if (config.isolation === "pid-namespace" && kernel) {
    const init = processInfo(kernel.ppid);
    if (init) victims.push(init);
  }
  if (kernel) victims.push(kernel, ...descendants(kernel.pid), ...seen.values());
  for (const victim of victims) {
    // Same pid and same start time: a pid reused by an unrelated process after ours ended is never touched.
    if (processInfo(victim.pid)?.start === victim.start) signal(victim.pid, "SIGKILL");
  }
  if (child?.pid) {
    signal(-child.pid, "SIGKILL");
    signal(child.pid, "SIGKILL");
  }
  return victims;
}

/** A SIGKILLed process with a large heap takes a while to unmap it; "gone" is when it no longer exists (or is a zombie). */
async function awaitGone(victims: ProcessInfo[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const alive = () => victims.filter((v) => processInfo(v.pid)?.start === v.start);
  while (alive().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone already.
  }
}

function cleanUp(): void {
  for (const dir of config.cleanup) fs.rmSync(dir, { recursive: true, force: true });
}

function end(): void {
  if (ending) return;
  ending = true;
  killTree();
  if (!child || child.exitCode !== null || child.signalCode !== null) finish(null, null);
  // Otherwise the child's exit handler finishes.
}

function finish(code: number | null, sig: NodeJS.Signals | null, error?: string): void {
  if (finished) return;
  finished = true;
  void finishing(code, sig, error);
}

async function finishing(code: number | null, sig: NodeJS.Signals | null, error?: string): Promise<void> {
  // Whatever the kernel left running (process-group mode; a namespace is emptied by its init's death).
  await awaitGone(killTree(), 10_000);
  cleanUp();
  // sh, the namespace's init, reports a kernel killed by signal N as 128+N.
  if (config.isolation === "pid-namespace" && code !== null && code > 128 && code < 128 + 65) {
    const signo = code - 128;
    const name = Object.entries(os.constants.signals).find(([, n]) => n === signo)?.[0] as NodeJS.Signals | undefined;
    if (name) [code, sig] = [null, name];
  }
  emit({ type: "exit", code, signal: sig, ...(error ? { error } : {}) }, () => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref(); // a runner that is gone never reads the event
}

/** Programs that only set up the kernel's namespace or uid and then exec or fork it. */
const WRAPPERS = new Set(["unshare", "sh", "bwrap", "setpriv", "drills-init"]);

/**
 * The kernel below the wrappers: the process running the kernel's argv[0], or else (a kernelspec whose argv[0] is a
 * script that execs something else) the first process in the tree that is not a wrapper. In process-group mode
 * there is no wrapper: the child is the kernel.
 */
async function findKernel(root: number): Promise<ProcessInfo | undefined> {
  const started = Date.now();
  const deadline = started + config.findTimeoutMs;
  const isWrapper = (p: ProcessInfo) => WRAPPERS.has(p.argv0.slice(p.argv0.lastIndexOf("/") + 1));
  while (Date.now() < deadline && !ending && child?.exitCode === null && child.signalCode === null) {
    const own = processInfo(root);
    if (own && config.isolation === "process-group") return own;
    const tree = descendants(root);
    const found =
      tree.find((p) => p.argv0 === config.kernelExe) ??
      (Date.now() - started > 1000 ? tree.find((p) => !isWrapper(p)) : undefined);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  return undefined;
}

function command(line: string): void {
  if (!kernel) return;
  if (line === "interrupt") signal(kernel.pid, "SIGINT");
  else if (line === "terminate") signal(kernel.pid, "SIGTERM");
  else if (line === "kill") end();
}

async function start(): Promise<void> {
  child = spawn(config.argv[0], config.argv.slice(1), {
    cwd: config.cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => process.stderr.write(chunk));
  child.stderr!.on("data", (chunk) => process.stderr.write(chunk));
  child.once("error", (error) => finish(null, null, error.message));
  child.once("exit", (code, sig) => finish(code, sig));
  await new Promise((resolve) => child!.once("spawn", resolve));
  kernel = await findKernel(child.pid!);
  if (!kernel) return end();
  if (ending) return;
  emit({ type: "started", pid: kernel.pid });
  if (config.isolation === "process-group") {
    setInterval(() => {
      for (const p of descendants(kernel!.pid)) if (!seen.has(p.pid)) seen.set(p.pid, p);
    }, TRACK_MS).unref();
  }
}

function main(): void {
  process.stderr.on("error", () => undefined); // the runner is gone; keep supervising
  process.stdout.on("error", () => undefined);
  for (const name of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(name, end);
  let buffer = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk: string) => {
    buffer += chunk;
    for (let at = buffer.indexOf("\n"); at >= 0; at = buffer.indexOf("\n")) {
      const line = buffer.slice(0, at).trim();
      buffer = buffer.slice(at + 1);
      if (!config) {
        config = JSON.parse(line);
        void start();
      } else command(line);
    }
  });
  // The runner exited, crashed or was killed: nothing may outlive it.
  process.stdin.on("end", () => (config ? end() : process.exit(0)));
  process.stdin.on("error", () => (config ? end() : process.exit(0)));
}

main();
