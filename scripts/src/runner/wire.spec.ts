import { test } from "uvu";
import * as assert from "uvu/assert";
import { createHmac } from "node:crypto";
import { DELIMITER, createMessage, parse, serialize, sign } from "./wire";

const KEY = "secret-key";

test("sign is hex HMAC-SHA256 over the frames in order", () => {
  const expected = createHmac("sha256", KEY).update("a").update("b").digest("hex");
  assert.is(sign(KEY, ["a", "b"]), expected);
  assert.is.not(sign(KEY, ["b", "a"]), expected);
});

test("serialize → parse round-trips, keeping routing ids and buffers", () => {
  const message = createMessage("execute_request", { code: "1 + 1" }, "session-1");
  message.identities = [Buffer.from("id-a"), Buffer.from("id-b")];
  message.buffers = [Buffer.from([1, 2, 3])];
  const frames = serialize(message, KEY);
  assert.is(frames[2].toString(), DELIMITER);
  const outcome = parse(frames, KEY);
  if (!outcome.ok) throw new Error(outcome.reason);
  assert.equal(outcome.message.header, message.header);
  assert.equal(outcome.message.content, { code: "1 + 1" });
  assert.equal(outcome.message.identities.map(String), ["id-a", "id-b"]);
  assert.equal([...outcome.message.buffers[0]], [1, 2, 3]);
});

test("the delimiter is found after any number of routing ids (tslab prefixes iopub with one)", () => {
  const message = createMessage("stream", { name: "stdout", text: "x" }, "s");
  for (const ids of [0, 1, 3]) {
    message.identities = Array.from({ length: ids }, (_, i) => Buffer.from(`id${i}`));
    assert.ok(parse(serialize(message, KEY), KEY).ok, `${ids} ids`);
  }
});

test("a bad signature is dropped, never trusted", () => {
  const frames = serialize(createMessage("execute_reply", { status: "ok" }, "s"), "another-key");
  assert.equal(parse(frames, KEY), { ok: false, reason: "bad signature" });
});

test("an empty signature on a keyed session is rejected", () => {
  const frames = serialize(createMessage("execute_reply", { status: "ok" }, "s"), KEY);
  frames[1] = Buffer.from("");
  assert.equal(parse(frames, KEY), { ok: false, reason: "bad signature" });
});

test("tampering with any JSON frame breaks the signature", () => {
  const frames = serialize(createMessage("execute_reply", { status: "error" }, "s"), KEY);
  frames[5] = Buffer.from(JSON.stringify({ status: "ok" }));
  assert.not.ok(parse(frames, KEY).ok);
});

test("frames without a delimiter or with too few parts are refused with a reason", () => {
  assert.equal(parse([Buffer.from("x"), Buffer.from("y")], KEY), { ok: false, reason: "no <IDS|MSG> delimiter" });
  const short = parse([Buffer.from(DELIMITER), Buffer.from("sig"), Buffer.from("{}")], KEY);
  assert.not.ok(short.ok);
});

test("signed but unparsable JSON is refused, not thrown", () => {
  const frames = ["{not json", "{}", "{}", "{}"].map((f) => Buffer.from(f));
  const outcome = parse([Buffer.from(DELIMITER), Buffer.from(sign(KEY, frames)), ...frames], KEY);
  assert.not.ok(outcome.ok);
});

test.run();
