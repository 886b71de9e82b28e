/**
 * A kernel connection file: random key, free loopback ports, readable by the owner only, in a private temp dir that
 * is removed when the kernel is gone (the key is a credential for code execution).
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

export interface ConnectionInfo {
  transport: "tcp";
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
  remove(): void;
}

const LOOPBACK = "127.0.0.1";

export async function createConnection(kernelName: string): Promise<Connection> {
  const [shell_port, iopub_port, stdin_port, control_port, hb_port] = await freePorts(5);
  const info: ConnectionInfo = {
    transport: "tcp",
    ip: LOOPBACK,
    shell_port,
    iopub_port,
    stdin_port,
    control_port,
    hb_port,
    signature_scheme: "hmac-sha256",
    key: randomBytes(32).toString("hex"),
    kernel_name: kernelName,
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drills-kernel-"));
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, "connection.json");
  fs.writeFileSync(file, JSON.stringify(info, null, 2), { mode: 0o600 });
  return { info, file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
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
