/**
 * A kernel connection file: random key, readable by the owner only, in a private temp dir that is removed when the
 * kernel is gone (the key is a credential for code execution; the supervisor removes it even if the runner dies).
 *
 * Transport "tcp": free loopback ports. Transport "ipc": socket files in the same dir, for a kernel without a
 * network (the sandbox). tslab 1.0.22 binds `${transport}://${ip}:${port}` (jupyter.js, ZmqServer.bindSocket) —
 * a colon, where Jupyter's own convention for ipc is `<ip>-<port>` — so `ip` is a path prefix in that dir and
 * `address()` uses tslab's form; the "ports" only name the files.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

export type Transport = "tcp" | "ipc";

export interface ConnectionInfo {
  transport: Transport;
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  signature_scheme: "hmac-sha256";
  key: string;
  kernel_name: string;
}

export interface Connection {
  info: ConnectionInfo;
  file: string;
  dir: string;
  remove(): void;
}

const LOOPBACK = "127.0.0.1";

/** A unix socket path is at most 107 bytes; the longest file name here is "k:5". */
const MAX_IPC_PREFIX = 100;

export async function createConnection(kernelName: string, transport: Transport = "tcp"): Promise<Connection> {
  // The runner's pid in the name: a folder left behind can be traced to the run that made it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `drills-kernel-${process.pid}-`));
  fs.chmodSync(dir, 0o700);
  const ipcPrefix = path.join(dir, "k");
  if (transport === "ipc" && Buffer.byteLength(ipcPrefix) > MAX_IPC_PREFIX) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`the temp dir ${os.tmpdir()} is too long a path for unix sockets; set TMPDIR to a shorter one`);
  }
  const [shell_port, iopub_port, stdin_port, control_port, hb_port] =
    transport === "ipc" ? [1, 2, 3, 4, 5] : await freePorts(5);
  const info: ConnectionInfo = {
    transport,
    ip: transport === "ipc" ? ipcPrefix : LOOPBACK,
    shell_port,
    iopub_port,
    stdin_port,
    control_port,
    hb_port,
    signature_scheme: "hmac-sha256",
    key: randomBytes(32).toString("hex"),
    kernel_name: kernelName,
  };
  const file = path.join(dir, "connection.json");
  fs.writeFileSync(file, JSON.stringify(info, null, 2), { mode: 0o600 });
  return { info, file, dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function address(info: ConnectionInfo, port: number): string {
  return `${info.transport}://${info.ip}:${port}`;
}

/**
 * Holds all listeners open until every port is chosen, so one call never returns the same port twice. Another
 * process can still grab a port before the kernel binds it; the kernel then fails to start and the error says so.
 */
async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, LOOPBACK, () => resolve());
      });
    }
    return servers.map((server) => (server.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
