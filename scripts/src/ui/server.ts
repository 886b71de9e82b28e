/**
 * A real Jupyter Notebook server for the UI test: 127.0.0.1, a free port, a random token, the project's kernelspec,
 * and private config/data/runtime dirs so nothing from the user's Jupyter setup leaks in and nothing leaks out.
 *
 * Kernels are started by jupyter_client in their own session (`start_new_session=True`), so killing the server's
 * process group does not reach them. SIGTERM makes the server shut its kernels down itself (NotebookApp.start's
 * `finally: cleanup_kernels()`); anything still alive afterwards is found by its connection file, which lives in
 * our private runtime dir, and killed — and reported, because an orphan kernel is a bug.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { kernelEnv } from "../kernelspec/kernelspec";
import { processesMentioning, killNow } from "./processes";

export interface JupyterServer {
  url: string;
  token: string;
  runtimeDir: string;
  logFile: string;
  /** GET a JSON endpoint of the REST API (`/api/kernels`, ...). */
  api<T>(endpoint: string): Promise<T>;
  /** SIGTERM, wait for exit, then kill whatever is left; returns the pids of kernels that outlived the server. */
  stop(): Promise<number[]>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export function tail(file: string, lines = 25): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Starts `jupyter notebook` serving `rootDir`; all its state lives under `stateDir`. */
export async function startJupyter(rootDir: string, stateDir: string, startupMs = 60_000): Promise<JupyterServer> {
  const port = await freePort();
  const token = crypto.randomBytes(24).toString("hex");
  const dirs = { runtime: "runtime", config: "config", data: "data" };
  for (const d of Object.values(dirs)) fs.mkdirSync(path.join(stateDir, d), { recursive: true });
  const env = kernelEnv({
    ...process.env,
    JUPYTER_RUNTIME_DIR: path.join(stateDir, dirs.runtime),
    JUPYTER_CONFIG_DIR: path.join(stateDir, dirs.config),
    JUPYTER_DATA_DIR: path.join(stateDir, dirs.data),
    // The test's check results are not a candidate's: keep them out of the project's progress log.
    DRILLS_PROGRESS: "0",
  });
  // A person's kernel runs without strict mode: checks render instead of throwing, so Run All reaches the end.
  delete env.DRILLS_STRICT;
  const args = [
    "notebook",
    "--no-browser",
    "--ip=127.0.0.1",
    `--port=${port}`,
    "--NotebookApp.port_retries=0",
    `--NotebookApp.token=${token}`,
    `--notebook-dir=${rootDir}`,
    // The server sends one kernel_info_request to a kernel that may not be listening yet; when that one is lost it
    // holds the page's websocket for this long (default 60 s, and chromium queues the other tab's websocket behind
    // it), then connects anyway and the page's own kernel_info gets its answer. A dead kernel still fails: the page
    // never reports the kernel ready.
    "--MappingKernelManager.kernel_info_timeout=10",
    ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
  ];
  const logFile = path.join(stateDir, "jupyter.log");
  const log = fs.openSync(logFile, "w");
  // Own process group, so a last-resort kill reaches the server and anything it runs in its group.
  const child = spawn("jupyter", args, { cwd: rootDir, env, detached: true, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  const runtimeDir = path.join(stateDir, dirs.runtime);
  const safety = () => {
    killNow(child.pid, true);
    for (const pid of processesMentioning(runtimeDir)) killNow(pid, false);
  };
  process.on("exit", safety);

  const url = `http://127.0.0.1:${port}`;
  const api = async <T>(endpoint: string): Promise<T> => {
    const res = await fetch(`${url}${endpoint}`, { headers: { Authorization: `token ${token}` } });
    if (!res.ok) throw new Error(`GET ${endpoint}: HTTP ${res.status}`);
    return (await res.json()) as T;
  };

  const stop = async (): Promise<number[]> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await exited(child, 20_000))) {
        killNow(child.pid, true);
        await exited(child, 5_000);
      }
    }
    // Give kernels that got their shutdown request a moment to exit before calling them orphans.
    let orphans = processesMentioning(runtimeDir);
    for (let i = 0; i < 20 && orphans.length > 0; i++) {
      await sleep(250);
      orphans = processesMentioning(runtimeDir);
    }
    for (const pid of orphans) killNow(pid, false);
    process.off("exit", safety);
    return orphans;
  };

  const deadline = Date.now() + startupMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`jupyter notebook exited during startup (code ${child.exitCode}):\n${tail(logFile)}`);
    }
    try {
      await api("/api/status");
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`jupyter notebook did not answer on ${url} within ${startupMs} ms:\n${tail(logFile)}`);
      }
      await sleep(200);
    }
  }
  return { url, token, runtimeDir, logFile, api, stop };
}
