/** Every report becomes one record (statuses, time, hints, attempt) and, interactively, one time-box line. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { DrillReport, Status } from "../drill";
import { Recorder, type RecorderOptions } from "./recorder";
import { readRecords, type CheckRecord } from "./progress";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "drills-recorder-"));
const MIN = 60_000;

function report(drill: string, statuses: Status[]): DrillReport {
  const results = statuses.map((status, i) => ({ name: `case ${i}`, status, ms: 1 }));
  const status: Status = statuses.includes("todo") ? "todo" : statuses.includes("fail") ? "fail" : "pass";
  return { drill, title: drill, status, results };
}

function setup(file: string | undefined, mode: RecorderOptions["mode"] = "interactive") {
  let now = 1_000_000;
  const shown: string[] = [];
  const rec = new Recorder({
    clock: () => now,
    start: 1_000_000,
    file,
    mode,
    session: "t",
    hints: () => 1,
    show: (s) => shown.push(s),
  });
  return { rec, shown, advance: (ms: number) => (now += ms) };
}

test("records statuses, elapsed time, hints and attempts; the note reports the first pass", () => {
  const file = path.join(tmp, "a.jsonl");
  const { rec, shown, advance } = setup(file);
  advance(2 * MIN);
  rec.record(report("01-zscore", ["pass", "fail"]));
  advance(4 * MIN);
  rec.record(report("01-zscore", ["pass", "pass"]));
  advance(5 * MIN);
  rec.record(report("01-zscore", ["pass", "pass"]));
  const recs = readRecords(file) as CheckRecord[];
  assert.equal(
    recs.map((r) => [r.status, r.elapsedMs, r.attempt, r.hints, r.minutes]),
    [
      ["fail", 2 * MIN, 1, 1, 10],
      ["pass", 6 * MIN, 2, 1, 10],
      ["pass", 11 * MIN, 3, 1, 10],
    ],
  );
  assert.equal(recs[0].checks, [
    { name: "case 0", status: "pass" },
    { name: "case 1", status: "fail" },
  ]);
  assert.match(shown[0], /2 min 00 s into your 10-minute time box: 8 min 00 s left \(1 hint\)/);
  assert.match(shown[1], /first pass after 6 min 00 s — within your 10-minute time box/);
  assert.match(shown[2], /first pass after 6 min 00 s/, "later passes keep reporting the first");
});

test("attempts continue from the log across sessions", () => {
  const file = path.join(tmp, "b.jsonl");
  setup(file).rec.record(report("04-binary-auc", ["todo"]));
  setup(file).rec.record(report("04-binary-auc", ["todo"]));
  const { rec } = setup(file);
  assert.is(rec.record(report("04-binary-auc", ["fail"])).attempt, 3);
  assert.is(rec.record(report("01-zscore", ["fail"])).attempt, 1);
});

test("headless runs record but show no time line; recording off writes nothing", () => {
  const file = path.join(tmp, "c.jsonl");
  const headless = setup(file, "headless");
  headless.rec.record(report("01-zscore", ["pass"]));
  assert.equal(headless.shown, []);
  assert.is((readRecords(file)[0] as CheckRecord).mode, "headless");
  const off = setup(undefined);
  const r = off.rec.record(report("01-zscore", ["pass"]));
  assert.is(r.attempt, 1);
  assert.is(off.shown.length, 1);
});

test("a drill outside the catalogue is recorded without a time box", () => {
  const file = path.join(tmp, "d.jsonl");
  const { rec, shown } = setup(file);
  assert.is(rec.record(report("99-test", ["pass"])).minutes, 0);
  assert.equal(shown, []);
});

test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test.run();
