/**
 * The Jupyter wire format: `[ids…, "<IDS|MSG>", hmac, header, parent, metadata, content, buffers…]`, signed with
 * hex HMAC-SHA256 over the four JSON frames. Parsing never trusts a frame set it cannot verify: the caller gets a
 * reason instead of a message, so a forged or corrupted reply is counted and dropped rather than acted upon.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export const DELIMITER = "<IDS|MSG>";
const DELIMITER_BYTES = Buffer.from(DELIMITER);
export const PROTOCOL_VERSION = "5.3";

export interface Header {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

export interface Message<C = any> {
  identities: Buffer[];
  header: Header;
  parent_header: Partial<Header>;
  metadata: Record<string, unknown>;
  content: C;
  buffers: Buffer[];
}

export type ParseOutcome = { ok: true; message: Message } | { ok: false; reason: string };

export function sign(key: string, frames: Array<string | Buffer>): string {
  // An empty key means "unsigned" in the spec; we never run kernels that way, but stay faithful to it.
  if (key === "") return "";
  const hmac = createHmac("sha256", key);
  for (const frame of frames) hmac.update(frame);
  return hmac.digest("hex");
}

export function createMessage<C>(
  msgType: string,
  content: C,
  session: string,
  parent: Partial<Header> = {},
): Message<C> {
  return {
    identities: [],
    header: {
      msg_id: randomUUID(),
      msg_type: msgType,
      session,
      username: "drills-runner",
      date: new Date().toISOString(),
      version: PROTOCOL_VERSION,
    },
    parent_header: parent,
    metadata: {},
    content,
    buffers: [],
  };
}

export function serialize(message: Message, key: string): Buffer[] {
  const frames = [message.header, message.parent_header, message.metadata, message.content].map((part) =>
    Buffer.from(JSON.stringify(part)),
  );
  return [...message.identities, DELIMITER_BYTES, Buffer.from(sign(key, frames)), ...frames, ...message.buffers];
}

export function parse(raw: Buffer[], key: string): ParseOutcome {
  // Routing ids come first and their number varies (tslab prefixes iopub frames with one), so scan for the delimiter.
  const at = raw.findIndex((frame) => frame.equals(DELIMITER_BYTES));
  if (at < 0) return { ok: false, reason: "no <IDS|MSG> delimiter" };
  if (raw.length < at + 6) return { ok: false, reason: `only ${raw.length - at - 1} frames after the delimiter` };
  const signature = raw[at + 1].toString("ascii");
  const frames = raw.slice(at + 2, at + 6);
  if (!signatureMatches(key, signature, frames)) return { ok: false, reason: "bad signature" };
  try {
    const [header, parent_header, metadata, content] = frames.map((frame) => JSON.parse(frame.toString("utf8")));
    if (!header || typeof header.msg_type !== "string") return { ok: false, reason: "header without msg_type" };
    return {
      ok: true,
      message: {
        identities: raw.slice(0, at),
        header,
        parent_header: parent_header ?? {},
        metadata: metadata ?? {},
        content: content ?? {},
        buffers: raw.slice(at + 6),
      },
    };
  } catch (error) {
    return { ok: false, reason: `unparsable JSON frame (${(error as Error).message})` };
  }
}

function signatureMatches(key: string, signature: string, frames: Buffer[]): boolean {
  if (key === "") return true;
  // An empty signature on a keyed session is a forgery or a bug, never a pass.
  if (signature.length === 0) return false;
  const expected = Buffer.from(sign(key, frames), "ascii");
  const given = Buffer.from(signature, "ascii");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
