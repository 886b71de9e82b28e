/**
 * The runner's handle on a kernel started by a supervisor (supervisor.ts): the kernel's pid, its exit, its output,
 * and the commands interrupt / terminate / kill. The supervisor's stdin stays open for as long as this process
 * lives; that open pipe is the whole "runner alive" protocol.
 */
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { Isolation } from "./isolation";
import { adopt, release } from "./reaper";
import type { SupervisorConfig, SupervisorEvent } from "./supervisor";

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SuperviseOptions {
  /** The kernel's own argv. */
  argv: string[];
  /** Put in front of argv (isolation.ts's namespace, or the sandbox's bwrap). */
  prefix: string[];
  isolation: Isolation;
  cwd: string;
  env: NodeJS.ProcessEnv;
  cleanup: string[];
  findTimeoutMs?: number;
}

const SUPERVISOR = path.join(__dirname, "supervisor.js");

export class Supervised {
  exit: ExitInfo | undefined;
  readonly exited: Promise<ExitInfo>;
  /** The kernel's pid as this process sees it; 0 until started. */
  pid = 0;
  private outputHandler: (chunk: Buffer) => void = () => {};
  private startError: string | undefined;
  private readonly started: Promise<boolean>;

  private constructor(
    private readonly child: ChildProcess,
    readonly isolation: Isolation,
  ) {
    adopt(child.pid!);
    let lastEvent: SupervisorEvent | undefined;
    let onStarted: (ok: boolean) => void = () => {};
    this.started = new Promise((resolve) => (onStarted = resolve));
    let buffer = "";
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      buffer += chunk;
      for (let at = buffer.indexOf("\n"); at >= 0; at = buffer.indexOf("\n")) {
        const event = JSON.parse(buffer.slice(0, at)) as SupervisorEvent;
        buffer = buffer.slice(at + 1);
        lastEvent = event;
        if (event.type === "started") {
          this.pid = event.pid;
          onStarted(true);
        } else if (event.error) this.startError = event.error;
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => this.outputHandler(chunk));
    child.stdin!.on("error", () => undefined);
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        release(child.pid!);
        // The kernel's exit as the supervisor saw it; if the supervisor itself was killed, its own.
        this.exit = lastEvent?.type === "exit" ? { code: lastEvent.code, signal: lastEvent.signal } : { code, signal };
        if (lastEvent?.type !== "exit" && this.pid) {
          // The supervisor was killed before it could act: end the kernel ourselves (best effort).
          try {
            process.kill(this.pid, "SIGKILL");
          } catch {
            // Gone.
          }
        }
        onStarted(false);
        resolve(this.exit);
      });
    });
  }

  /** Resolves once the kernel process runs (its pid known); fails with the reason when it could not start. */
  static async start(options: SuperviseOptions): Promise<Supervised> {
    const child = spawn(process.execPath, [SUPERVISOR], {
      cwd: options.cwd,
      env: options.env,
      // Its own process group: a terminal's Ctrl-C reaches the runner, which decides; the supervisor acts on the pipe.
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const config: SupervisorConfig = {
      argv: [...options.prefix, ...options.argv],
      kernelExe: options.argv[0],
      isolation: options.isolation,
      cwd: options.cwd,
      cleanup: options.cleanup,
      findTimeoutMs: options.findTimeoutMs ?? 10_000,
    };
    child.stdin!.write(JSON.stringify(config) + "\n");
    const supervised = new Supervised(child, options.isolation);
    if (!(await supervised.started)) {
      await supervised.exited;
      throw new Error(supervised.startError ?? `the kernel process did not start (${describe(supervised.exit!)})`);
    }
    return supervised;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  get supervisorPid(): number {
    return this.child.pid!;
  }

  onOutput(handler: (chunk: Buffer) => void): void {
    this.outputHandler = handler;
  }

  /** SIGINT to the kernel process only: tslab's interrupt. */
  interrupt(): void {
    this.send("interrupt");
  }

  terminate(): void {
    this.send("terminate");
  }

  /** The whole tree, at once. */
  kill(): void {
    this.send("kill");
  }

  private send(command: string): void {
    if (this.alive && this.child.stdin?.writable) this.child.stdin.write(command + "\n");
  }
}

function describe(exit: ExitInfo): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
