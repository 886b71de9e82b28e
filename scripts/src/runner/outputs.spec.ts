import { test } from "uvu";
import * as assert from "uvu/assert";
import { CellOutputs, DisplayRegistry, jsonBundle } from "./outputs";
import { errorFromStderr } from "./tracebacks";
import { createMessage } from "./wire";

const msg = (type: string, content: unknown) => createMessage(type, content, "s");
const stream = (name: string, text: string) => msg("stream", { name, text });

test("consecutive chunks of the same stream coalesce; a different stream starts a new output", () => {
  const cell = new CellOutputs(new DisplayRegistry());
  cell.add(stream("stdout", "a"));
  cell.add(stream("stdout", "b"));
  cell.add(stream("stderr", "c"));
  cell.add(stream("stdout", "d"));
  assert.equal(
    cell.outputs.map((o) => [o.name, o.text]),
    [
      ["stdout", "ab"],
      ["stderr", "c"],
      ["stdout", "d"],
    ],
  );
});

test("output beyond the cap is dropped and a marker states how much and the cap", () => {
  const cell = new CellOutputs(new DisplayRegistry(), 10);
  cell.add(stream("stdout", "0123456"));
  cell.add(stream("stdout", "789abcdef"));
  cell.seal();
  assert.is(cell.outputs.length, 1);
  assert.ok(cell.outputs[0].text.startsWith("0123456789"));
  assert.match(cell.outputs[0].text, "6 more bytes dropped; the cap is 10 bytes per cell");
});

test("update_display_data rewrites the display with that id, even in an earlier cell", () => {
  const displays = new DisplayRegistry();
  const first = new CellOutputs(displays);
  const second = new CellOutputs(displays);
  first.add(
    msg("display_data", { data: { "text/html": "<i>old</i>" }, metadata: {}, transient: { display_id: "d1" } }),
  );
  second.add(
    msg("update_display_data", { data: { "text/html": "<i>new</i>" }, metadata: {}, transient: { display_id: "d1" } }),
  );
  assert.equal(first.outputs[0].data, { "text/html": "<i>new</i>" });
  assert.is(second.outputs.length, 0);
  assert.is(first.outputs[0].transient, undefined, "transient is not stored in the notebook");
});

test("clear_output(wait) clears on the next output", () => {
  const cell = new CellOutputs(new DisplayRegistry());
  cell.add(stream("stdout", "old"));
  cell.add(msg("clear_output", { wait: true }));
  assert.is(cell.outputs.length, 1);
  cell.add(stream("stdout", "new"));
  assert.equal(
    cell.outputs.map((o) => o.text),
    ["new"],
  );
});

test("stderr after the cell went idle escapes the cell; late stdout is just output", () => {
  const cell = new CellOutputs(new DisplayRegistry());
  cell.finished = true;
  cell.add(stream("stderr", "Error: from a timer\n"));
  cell.add(stream("stdout", "late but harmless\n"));
  assert.is(cell.escaped, "Error: from a timer\n");
  assert.equal(
    cell.outputs.map((o) => o.name),
    ["stdout"],
  );
});

test("tslab's unhandled-rejection report escapes the cell whenever it arrives", () => {
  const cell = new CellOutputs(new DisplayRegistry());
  cell.add(stream("stderr", "a normal warning\n"));
  cell.add(stream("stderr", "UnhandledPromiseRejection: Error: x\n"));
  cell.add(stream("stderr", "UncaughtException: Error: y\n"));
  assert.is(cell.escaped, "UnhandledPromiseRejection: Error: x\nUncaughtException: Error: y\n");
  assert.equal(
    cell.outputs.map((o) => o.text),
    ["a normal warning\n"],
  );
});

test("fail() turns the cell's stderr into an nbformat error output", () => {
  const cell = new CellOutputs(new DisplayRegistry());
  cell.add(stream("stdout", "before\n"));
  cell.add(
    stream(
      "stderr",
      'evalmachine.<anonymous>:2\nthrow new RangeError("boom");\n^\n\nRangeError: boom\n    at f (evalmachine.<anonymous>:2:7)\n    at sigintHandlersWrap (node:vm:280:12)\n',
    ),
  );
  const error = cell.fail({ ename: "Error", evalue: "?" });
  assert.equal(
    cell.outputs.map((o) => o.output_type),
    ["stream", "error"],
  );
  assert.is(error.ename, "RangeError");
  assert.is(error.evalue, "boom");
  assert.ok(error.traceback.includes("    at f (evalmachine.<anonymous>:2:7)"));
  assert.not.ok(
    error.traceback.some((l: string) => l.includes("sigintHandlersWrap")),
    "kernel frames trimmed",
  );
});

test("fail() keeps a kernel-sent error output instead of synthesising a second one", () => {
  const cell = new CellOutputs(new DisplayRegistry());
  cell.add(msg("error", { ename: "ValueError", evalue: "bad", traceback: ["tb"] }));
  cell.add(stream("stderr", "noise\n"));
  assert.is(cell.fail({ ename: "E", evalue: "v" }).ename, "ValueError");
  assert.equal(
    cell.outputs.map((o) => o.output_type),
    ["error", "stream"],
  );
});

test("errorFromStderr: compiler diagnostics, unhandled rejections, and no text at all", () => {
  const diagnostic = errorFromStderr("1:7 - Type 'string' is not assignable to type 'number'.\n", {
    ename: "E",
    evalue: "v",
  });
  assert.is(diagnostic.ename, "CompileError");
  assert.is(diagnostic.evalue, "1:7 - Type 'string' is not assignable to type 'number'.");
  const late = errorFromStderr("UnhandledPromiseRejection: Error: nobody\n    at x (evalmachine.<anonymous>:1:1)\n", {
    ename: "E",
    evalue: "v",
  });
  assert.is(late.ename, "UnhandledPromiseRejection");
  assert.is(late.evalue, "Error: nobody");
  const empty = errorFromStderr("", { ename: "KernelError", evalue: "no text" });
  assert.equal([empty.ename, empty.evalue, empty.traceback], ["KernelError", "no text", ["KernelError: no text"]]);
});

test("JSON MIME text from display.raw is stored as JSON", () => {
  const bundle = jsonBundle({
    "application/vnd.drills.check+json": '{"drill":"d"}',
    "text/plain": '{"a":1}',
    "application/json": "not json",
  });
  assert.equal(bundle, {
    "application/vnd.drills.check+json": { drill: "d" },
    "text/plain": '{"a":1}',
    "application/json": "not json",
  });
});

test.run();
