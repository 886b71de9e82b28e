/** Time-box arithmetic: elapsed time, durations in words, and the verdict against the budget. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { againstBudget, elapsedMs, formatDuration, timeNote } from "./clock";

const MIN = 60_000;

test("elapsed is now − start, never negative (a clock step backwards)", () => {
  assert.is(elapsedMs(10_500, 10_000), 500);
  assert.is(elapsedMs(9_000, 10_000), 0);
});

test("durations round down to whole seconds", () => {
  assert.is(formatDuration(0), "0 s");
  assert.is(formatDuration(59_999), "59 s");
  assert.is(formatDuration(7 * MIN + 5_000), "7 min 05 s");
  assert.is(formatDuration(62 * MIN + 30_000), "1 h 02 min");
});

test("within the budget up to and including the last millisecond", () => {
  assert.equal(againstBudget(10 * MIN, 10), { within: true, marginMs: 0, fraction: 1 });
  const over = againstBudget(12 * MIN, 10);
  assert.is(over.within, false);
  assert.is(over.marginMs, -2 * MIN);
  assert.is(over.fraction, 1.2);
  assert.is(againstBudget(3 * MIN, 15).marginMs, 12 * MIN);
});

test("the note reports time to first pass against the budget", () => {
  assert.is(
    timeNote({ elapsed: 9 * MIN, minutes: 10, passed: true, firstPassMs: 6 * MIN + 12_000, hints: 1 }),
    "⏱ first pass after 6 min 12 s — within your 10-minute time box (1 hint).",
  );
  assert.is(
    timeNote({ elapsed: 14 * MIN, minutes: 10, passed: true, firstPassMs: 13 * MIN + 30_000, hints: 0 }),
    "⏱ first pass after 13 min 30 s — 3 min 30 s over your 10-minute time box (no hints).",
  );
});

test("before a pass the note says time used and left, or over", () => {
  assert.is(
    timeNote({ elapsed: 4 * MIN, minutes: 15, passed: false, hints: 2 }),
    "⏱ 4 min 00 s into your 15-minute time box: 11 min 00 s left (2 hints).",
  );
  assert.is(
    timeNote({ elapsed: 21 * MIN, minutes: 20, passed: false, hints: 0 }),
    "⏱ 21 min 00 s into your 20-minute time box: 1 min 00 s over (no hints).",
  );
});

test.run();
