/**
 * A scriptable stand-in kernel for socket-level tests: it speaks the wire protocol like tslab, and for each
 * execute_request it first sends a forged (badly signed) "ok" reply and a forged stream, then the real, signed
 * reply. The runner must act only on the signed one. `code` selects the real reply: "fail" → error with stderr,
 * "hang" → no reply at all (for timeouts), anything else → ok with the code echoed on stdout.
 */
import * as fs from "node:fs";
import * as zmq from "zeromq";
import { Message, createMessage, parse, serialize } from "../wire";

async function run(connectionFile: string): Promise<void> {
  const info = JSON.parse(fs.readFileSync(connectionFile, "utf8"));
  const url = (port: number) => `${info.transport}://${info.ip}:${port}`; // tslab's form
  const shell = new zmq.Router({ linger: 0 });
  const control = new zmq.Router({ linger: 0 });
  const iopub = new zmq.Publisher({ linger: 0 });
  await shell.bind(url(info.shell_port));
  await control.bind(url(info.control_port));
  await iopub.bind(url(info.iopub_port));

  const reply = (request: Message, type: string, content: unknown): Message => {
    const message = createMessage(type, content, request.header.session, request.header);
    message.identities = request.identities;
    return message;
  };
  const publish = (request: Message, type: string, content: unknown, key = info.key) =>
    iopub.send(serialize({ ...reply(request, type, content), identities: [Buffer.from("kernel")] }, key));

  const serve = async (socket: zmq.Router) => {
    for await (const frames of socket) {
      const parsed = parse(frames, info.key);
      if (!parsed.ok) continue;
      const request = parsed.message;
      await publish(request, "status", { execution_state: "busy" });
      const type = request.header.msg_type;
      if (type === "kernel_info_request") {
        await socket.send(
          serialize(reply(request, "kernel_info_reply", { protocol_version: "5.3", implementation: "fake" }), info.key),
        );
      } else if (type === "execute_request") {
        const code = String(request.content.code);
        // Forgeries first: signed with the wrong key, they must be dropped.
        await socket.send(
          serialize(reply(request, "execute_reply", { status: "ok", execution_count: 1 }), "wrong-key"),
        );
        await publish(request, "stream", { name: "stdout", text: "FORGED\n" }, "wrong-key");
        if (code === "hang") continue;
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (code === "fail") {
          await publish(request, "stream", { name: "stderr", text: "Error: real failure\n" });
          await socket.send(
            serialize(reply(request, "execute_reply", { status: "error", execution_count: 1 }), info.key),
          );
        } else {
          await publish(request, "stream", { name: "stdout", text: `${code}\n` });
          await socket.send(serialize(reply(request, "execute_reply", { status: "ok", execution_count: 1 }), info.key));
        }
      } else if (type === "shutdown_request") {
        await socket.send(serialize(reply(request, "shutdown_reply", { restart: false }), info.key));
        process.exit(0);
      }
      await publish(request, "status", { execution_state: "idle" });
    }
  };
  void serve(shell);
  void serve(control);
}

void run(process.argv[2]);
