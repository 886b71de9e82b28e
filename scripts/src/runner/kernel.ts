/**
 * One running kernel: its process, its zeromq sockets and request/reply bookkeeping. Every request has a timeout
 * and every pending request fails when the process exits, because a kernel that drops or never sends a message
 * must not hang the runner.
 */
import { ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import * as path from "node:path";
import * as zmq from "zeromq";
import { kernelEnv } from "../kernelspec/kernelspec";
import { Connection, address, createConnection } from "./connection";
import { NotebookError, text } from "./errors";
import { adopt, release, signalGroup } from "./reaper";
import { findKernelSpec, kernelArgv, kernelProcessEnv } from "./spec";
import { Message, createMessage, parse, serialize } from "./wire";

export interface KernelOptions {
  name: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  startupTimeoutMs?: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

type Channel = "shell" | "control";
const TAIL_BYTES = 4000;
const WATCHDOG = path.join(__dirname, "watchdog.js");

export class KernelExitedError extends Error {}

export class Kernel {
  readonly session = randomUUID();
  readonly pid: number;
  /** Messages that failed verification; they are never acted upon, only counted. */
  dropped = 0;
  exit: ExitInfo | undefined;
  readonly exited: Promise<ExitInfo>;
  iopubSeen = false;
  /** `language_info` from the kernel's kernel_info_reply (name, version, mimetype, …), for the executed notebook. */
  languageInfo: Record<string, unknown> | undefined;
  private iopubHandler: (message: Message) => void = () => {};
  private readonly pending = new Map<string, { resolve(m: Message): void; reject(e: Error): void }>();
  private readonly shell = new zmq.Dealer({ linger: 0 });
  private readonly control = new zmq.Dealer({ linger: 0 });
  private readonly iopub = new zmq.Subscriber({ linger: 0, receiveHighWaterMark: 0 });
  private readonly sendQueues = new Map<Channel, Promise<void>>();
  private outputTail = "";
  private closed = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: Connection,
  ) {
    this.pid = child.pid!;
    adopt(this.pid);
    const capture = (chunk: Buffer) => {
      this.outputTail = (this.outputTail + chunk.toString("utf8")).slice(-TAIL_BYTES);
    };
    child.stdout?.on("data", capture);
    child.stderr?.on("data", capture);
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.exit = { code, signal };
        for (const { reject } of this.pending.values()) reject(new KernelExitedError(text.kernelExit(code, signal)));
        this.pending.clear();
        resolve(this.exit);
      });
    });
    const { info } = connection;
    this.shell.connect(address(info, info.shell_port));
    this.control.connect(address(info, info.control_port));
    this.iopub.connect(address(info, info.iopub_port));
    this.iopub.subscribe();
    void this.receive(this.shell, (m) => this.settle(m));
    void this.receive(this.control, (m) => this.settle(m));
    void this.receive(this.iopub, (m) => {
      this.iopubSeen = true;
      this.iopubHandler(m);
    });
  }

  static async start(options: KernelOptions): Promise<Kernel> {
    const env = options.env ?? kernelEnv();
    const found = findKernelSpec(options.name, env);
    const connection = await createConnection(options.name);
    const argv = kernelArgv(found, connection.file);
    const child = spawn(argv[0], argv.slice(1), {
      cwd: options.cwd,
      // Own process group: a terminal Ctrl-C reaches only the runner, which then shuts kernels down in order.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: kernelProcessEnv(found, env, WATCHDOG),
    });
    const spawnError = await new Promise<Error | undefined>((resolve) => {
      child.once("spawn", () => resolve(undefined));
      child.once("error", resolve);
    });
    if (spawnError || child.pid === undefined) {
      connection.remove();
      throw new NotebookError("kernel-start", text.spawnFailed(argv[0], spawnError?.message ?? "no pid"));
    }
    const kernel = new Kernel(child, connection);
    try {
      await kernel.waitReady(options.startupTimeoutMs ?? 60_000);
    } catch (error) {
      await kernel.shutdown();
      throw error;
    }
    return kernel;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  /** The last few KB the kernel process wrote outside the protocol; the only clue when it dies. */
  get tail(): string {
    return this.outputTail.trim();
  }

  onIopub(handler: (message: Message) => void): void {
    this.iopubHandler = handler;
  }

  /** Sends a request; `reply` settles with the reply, or fails on timeout or kernel exit. */
  send(channel: Channel, msgType: string, content: unknown, timeoutMs?: number): { msgId: string; reply: Promise<Message> } {
    const message = createMessage(msgType, content, this.session);
    const msgId = message.header.msg_id;
    const reply = new Promise<Message>((resolve, reject) => {
      if (!this.alive) return reject(new KernelExitedError(text.kernelExit(this.exit!.code, this.exit!.signal)));
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        this.pending.delete(msgId);
      };
      this.pending.set(msgId, {
        resolve: (m) => (done(), resolve(m)),
        reject: (e) => (done(), reject(e)),
      });
      if (timeoutMs !== undefined) timer = setTimeout(() => this.pending.get(msgId)?.reject(new Error(`no ${msgType} reply within ${timeoutMs} ms`)), timeoutMs);
    });
    const socket = channel === "shell" ? this.shell : this.control;
    const previous = this.sendQueues.get(channel) ?? Promise.resolve();
    // zeromq allows one pending send per socket; chain them.
    const sent = previous.then(() => socket.send(serialize(message, this.connection.info.key))).catch((error) => {
      this.pending.get(msgId)?.reject(error as Error);
    });
    this.sendQueues.set(channel, sent);
    return { msgId, reply };
  }

  interrupt(): void {
    // tslab only supports signal interrupts; send to the main process only, not its group.
    try {
      if (this.alive) process.kill(this.pid, "SIGINT");
    } catch {
      // Already gone: the exit handler reports it.
    }
  }

  /** Polite shutdown_request, then SIGTERM, then SIGKILL — each only if the previous step did not end it. */
  async shutdown(graceMs = 1500): Promise<void> {
    if (this.alive) {
      this.send("control", "shutdown_request", { restart: false }, graceMs).reply.catch(() => undefined);
      if (!(await this.exitsWithin(graceMs))) {
        signalGroup(this.pid, "SIGTERM");
        if (!(await this.exitsWithin(graceMs))) {
          signalGroup(this.pid, "SIGKILL");
          await this.exitsWithin(5000);
        }
      }
    }
    // Whatever the kernel itself started is in its group; end it too.
    signalGroup(this.pid, "SIGKILL");
    release(this.pid);
    this.close();
  }

  kill(): void {
    signalGroup(this.pid, "SIGKILL");
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    // jupyter_client's wait_for_ready: a shell reply alone does not prove iopub is connected, and outputs sent
    // before the SUB socket joins are lost; keep asking until both channels have spoken.
    while (Date.now() < deadline) {
      if (!this.alive) throw new NotebookError("kernel-start", text.kernelExitedEarly(text.kernelExit(this.exit!.code, this.exit!.signal), this.tail));
      const attempt = this.send("shell", "kernel_info_request", {}, 1000).reply;
      const replied = await attempt.then(
        (reply) => {
          const info = (reply.content as { language_info?: unknown }).language_info;
          if (info && typeof info === "object" && !Array.isArray(info)) this.languageInfo = info as Record<string, unknown>;
          return true;
        },
        () => false,
      );
      if (replied && this.iopubSeen) return;
      if (replied) await new Promise((r) => setTimeout(r, 100));
    }
    if (!this.alive) throw new NotebookError("kernel-start", text.kernelExitedEarly(text.kernelExit(this.exit!.code, this.exit!.signal), this.tail));
    throw new NotebookError("kernel-start", text.kernelNotReady(Math.round(timeoutMs / 1000), this.tail));
  }

  private async exitsWithin(ms: number): Promise<boolean> {
    if (!this.alive) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const result = await Promise.race([this.exited.then(() => true), timeout]);
    clearTimeout(timer);
    return result;
  }

  private settle(message: Message): void {
    const parentId = message.parent_header.msg_id;
    if (parentId) this.pending.get(parentId)?.resolve(message);
  }

  private async receive(socket: zmq.Dealer | zmq.Subscriber, deliver: (m: Message) => void): Promise<void> {
    try {
      for await (const frames of socket) {
        const outcome = parse(frames, this.connection.info.key);
        if (outcome.ok) deliver(outcome.message);
        else this.dropped++;
      }
    } catch {
      // The socket was closed under the loop: that is how receiving ends.
    }
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const socket of [this.shell, this.control, this.iopub]) socket.close();
    this.connection.remove();
  }
}
