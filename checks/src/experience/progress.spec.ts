/**
 * The progress log: location and switches from the environment, whole lines only, torn lines skipped, and no
 * corruption when several kernels append at once (child processes racing on one file).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { appendRecord, encodeRecord, MAX_LINE_BYTES, progressFile, readRecords, type CheckRecord } from "./progress";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "drills-progress-"));

function check(drill: string, i: number, nChecks = 3): CheckRecord {
  return {
    v: 1,
    kind: "check",
    at: new Date(0).toISOString(),
    session: "s",
    mode: "interactive",
    drill,
    title: drill,
    status: "fail",
    checks: Array.from({ length: nChecks }, (_, j) => ({
      name: `case ${j} of writer ${drill}, record ${i}`,
      status: "pass" as const,
    })),
    elapsedMs: i,
    minutes: 10,
    hints: 0,
    attempt: i + 1,
  };
}

test("the log is .progress/progress.jsonl at the project root unless moved or turned off", () => {
  const root = path.resolve(__dirname, "../../..");
  assert.is(progressFile({}), path.join(root, ".progress", "progress.jsonl"));
  assert.ok(fs.existsSync(path.join(root, "package.json")), "the resolved root holds the project's package.json");
  assert.is(progressFile({ DRILLS_PROGRESS_FILE: "/tmp/x/p.jsonl" }), "/tmp/x/p.jsonl");
  assert.is(progressFile({ DRILLS_PROGRESS: "0", DRILLS_PROGRESS_FILE: "/tmp/x/p.jsonl" }), undefined);
  assert.is(progressFile({ DRILLS_PROGRESS: "off" }), undefined);
  assert.is(progressFile({}, path.join(root, "notebooks", "solutions")), undefined, "solution notebooks never record");
  assert.is(
    progressFile({}, path.join(root, "notebooks", "exercises")),
    path.join(root, ".progress", "progress.jsonl"),
  );
});

test("records round-trip; a torn or foreign line is skipped, not fatal", () => {
  const file = path.join(tmp, "roundtrip", "p.jsonl");
  appendRecord(check("01-zscore", 0), file);
  fs.appendFileSync(file, '{"v":1,"kind":"check","drill":"01-zs'); // a crash mid-write
  fs.appendFileSync(file, "\nnot json\n" + JSON.stringify({ hello: 1 }) + "\n");
  appendRecord(check("01-zscore", 1), file);
  const recs = readRecords(file);
  assert.equal(
    recs.map((r) => (r as CheckRecord).attempt),
    [1, 2],
  );
  assert.equal(readRecords(path.join(tmp, "missing.jsonl")), []);
  assert.equal(readRecords(undefined), []);
});

test("an append after a torn last line (no newline) keeps the new record; the fragment alone is skipped", () => {
  const file = path.join(tmp, "torn-tail.jsonl");
  appendRecord(check("a", 0), file);
  fs.appendFileSync(file, '{"v":1,"kind":"check","drill":"b"'); // a crash mid-write: no closing brace, no newline
  appendRecord(check("c", 1), file);
  appendRecord(check("d", 2), file);
  assert.equal(
    readRecords(file).map((r) => r.drill),
    ["a", "c", "d"],
  );
  assert.is(
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.startsWith('{"v":1,"kind":"check","drill":"b"')).length,
    1,
    "the fragment stays on its own line",
  );
});

test("appendRecord with recording off writes nothing", () => {
  appendRecord(check("01-zscore", 0), undefined);
  assert.is(fs.readdirSync(tmp).includes("undefined"), false);
});

test("a record too long for one atomic append is shortened, never split", () => {
  const line = encodeRecord(check("01-zscore", 0, 400));
  assert.ok(Buffer.byteLength(line) <= MAX_LINE_BYTES + 1, `${Buffer.byteLength(line)} bytes`);
  assert.ok(line.endsWith("}\n") && JSON.parse(line).status === "fail");
});

test("concurrent writers (8 processes × 250 records) never corrupt a line", async () => {
  const file = path.join(tmp, "race.jsonl");
  const mod = path.join(__dirname, "progress.js");
  const writer = (w: number) =>
    new Promise<void>((resolve, reject) => {
      // ~3 KB lines: big enough that a non-atomic append would interleave visibly.
      const code = `const p = require(${JSON.stringify(mod)});
        const pad = "x".repeat(2800);
        for (let i = 0; i < 250; i++) p.appendRecord({ v: 1, kind: "hint", at: pad, session: "w${w}", mode: "interactive", drill: "d${w}", hint: i, elapsedMs: i }, ${JSON.stringify(file)});`;
      const child = spawn(process.execPath, ["-e", code], { stdio: "inherit" });
      child.on("error", reject);
      child.on("exit", (c) => (c === 0 ? resolve() : reject(new Error(`writer ${w} exited ${c}`))));
    });
  await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
  const lines = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
  assert.is(lines.length, 2000);
  for (const l of lines) JSON.parse(l); // throws on an interleaved line
  const recs = readRecords(file);
  for (let w = 0; w < 8; w++) {
    const mine = recs.filter((r) => r.drill === `d${w}`).map((r) => (r.kind === "hint" ? r.hint : -1));
    assert.equal(
      mine,
      Array.from({ length: 250 }, (_, i) => i),
      `writer ${w}'s records are all there, in its order`,
    );
  }
});

test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test.run();
