/**
 * One running kernel: its process, its zeromq sockets and request/reply bookkeeping. Every request has a timeout
 * and every pending request fails when the process exits, because a kernel that drops or never sends a message
 * must not hang the runner.
 */
import { randomUUID } from "node:crypto";
import * as path from "node:path";
import * as zmq from "zeromq";
import { kernelEnv } from "../kernelspec/kernelspec";
import type { SandboxSpec } from "../sandbox/sandbox";
import { SandboxError, sandboxLaunch } from "../sandbox/launch";
import { Connection, address, createConnection } from "./connection";
import { NotebookError, text } from "./errors";
import { Isolation, isolationWrapper } from "./isolation";
import { findKernelSpec, kernelArgv, kernelProcessEnv } from "./spec";
import { ExitInfo, Supervised } from "./supervised";
import { Message, createMessage, parse, serialize } from "./wire";

export type { ExitInfo } from "./supervised";

export interface KernelOptions {
  name: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  startupTimeoutMs?: number;
  /** Run the kernel in bubblewrap (sandbox/); without it, a PID namespace where possible (isolation.ts). */
  sandbox?: SandboxSpec;
}

type Channel = "shell" | "control";
const TAIL_BYTES = 4000;

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
    private readonly supervised: Supervised,
    private readonly connection: Connection,
  ) {
    this.pid = supervised.pid;
    supervised.onOutput((chunk) => {
      this.outputTail = (this.outputTail + chunk.toString("utf8")).slice(-TAIL_BYTES);
    });
    this.exited = supervised.exited.then(({ code, signal }) => {
      this.exit = { code, signal };
      for (const { reject } of this.pending.values()) reject(new KernelExitedError(text.kernelExit(code, signal)));
      this.pending.clear();
      return this.exit;
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
    // A sandbox has no network: its channels are socket files in the connection folder, bound into it.
    const connection = await createConnection(options.name, options.sandbox ? "ipc" : "tcp");
    const argv = kernelArgv(found, connection.file);
    let started: Supervised;
    try {
      const launch = options.sandbox
        ? sandboxLaunch(options.sandbox, {
            cwd: options.cwd,
            connectionDir: connection.dir,
            env: kernelProcessEnv(found, env),
          })
        : { ...isolationWrapper(env).wrapper, env: kernelProcessEnv(found, env), cwd: options.cwd };
      started = await Supervised.start({
        argv,
        prefix: launch.prefix,
        isolation: launch.isolation,
        cwd: launch.cwd,
        env: launch.env,
        cleanup: [connection.dir],
      });
    } catch (error) {
      connection.remove();
      if (error instanceof SandboxError) throw new NotebookError("kernel-start", error.message);
      throw new NotebookError("kernel-start", text.spawnFailed(argv[0], (error as Error).message));
    }
    const kernel = new Kernel(started, connection);
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
  send(
    channel: Channel,
    msgType: string,
    content: unknown,
    timeoutMs?: number,
  ): { msgId: string; reply: Promise<Message> } {
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
      if (timeoutMs !== undefined)
        timer = setTimeout(
          () => this.pending.get(msgId)?.reject(new Error(`no ${msgType} reply within ${timeoutMs} ms`)),
          timeoutMs,
        );
    });
    const socket = channel === "shell" ? this.shell : this.control;
    const previous = this.sendQueues.get(channel) ?? Promise.resolve();
    // zeromq allows one pending send per socket; chain them.
    const sent = previous
      .then(() => socket.send(serialize(message, this.connection.info.key)))
      .catch((error) => {
        this.pending.get(msgId)?.reject(error as Error);
      });
    this.sendQueues.set(channel, sent);
    return { msgId, reply };
  }

  /** How the kernel's process tree is held: "pid-namespace" (nothing escapes) or the "process-group" fallback. */
  get isolation(): Isolation {
    return this.supervised.isolation;
  }

  interrupt(): void {
    // tslab only supports signal interrupts: SIGINT to the kernel process alone.
    this.supervised.interrupt();
  }

  /**
   * Polite shutdown_request, then SIGTERM, then SIGKILL — each only if the previous step did not end it. Says how it
   * ended: "exited" on the request (tslab exits once its event loop is empty, so anything else means pending work),
   * "stopped" when signals were needed, "dead" when it had already exited.
   */
  async shutdown(graceMs = 1500): Promise<"exited" | "stopped" | "dead"> {
    let ending: "exited" | "stopped" | "dead" = "dead";
    if (this.alive) {
      ending = "exited";
      this.send("control", "shutdown_request", { restart: false }, graceMs).reply.catch(() => undefined);
      if (!(await this.exitsWithin(graceMs))) {
        ending = "stopped";
        this.supervised.terminate();
        if (!(await this.exitsWithin(graceMs))) this.supervised.kill();
      }
    }
    // Whatever the kernel started dies with it; the supervisor exits only once that is done and the files are gone.
    this.supervised.kill();
    await this.exitsWithin(10_000);
    this.close();
    return ending;
  }

  /** Ends the kernel's whole process tree. */
  kill(): void {
    this.supervised.kill();
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    // jupyter_client's wait_for_ready: a shell reply alone does not prove iopub is connected, and outputs sent
    // before the SUB socket joins are lost; keep asking until both channels have spoken.
    while (Date.now() < deadline) {
      if (!this.alive)
        throw new NotebookError(
          "kernel-start",
          text.kernelExitedEarly(text.kernelExit(this.exit!.code, this.exit!.signal), this.tail),
        );
      const attempt = this.send("shell", "kernel_info_request", {}, 1000).reply;
      const replied = await attempt.then(
        (reply) => {
          const info = (reply.content as { language_info?: unknown }).language_info;
          if (info && typeof info === "object" && !Array.isArray(info))
            this.languageInfo = info as Record<string, unknown>;
          return true;
        },
        () => false,
      );
      if (replied && this.iopubSeen) return;
      if (replied) await new Promise((r) => setTimeout(r, 100));
    }
    if (!this.alive)
      throw new NotebookError(
        "kernel-start",
        text.kernelExitedEarly(text.kernelExit(this.exit!.code, this.exit!.signal), this.tail),
      );
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
