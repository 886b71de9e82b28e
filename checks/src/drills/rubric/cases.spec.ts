/** The rubric self-check: a covered point passes, a missed one fails naming it, an empty or placeholder answer is todo. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { todo } from "@drills/lib";
import type { Check } from "../../drill";
import { evaluate } from "../../drill";
import { expectRejects, expectTodo } from "../../testing";
import { rubricCases, type WrittenAnswer } from "./cases";
import { answerCalls } from "./calls";

const drill: Check<WrittenAnswer> = {
  id: "test-rubric",
  title: "rubric",
  calls: answerCalls,
  cases: rubricCases([
    { label: "calibration", anyOf: [/calibrat/, /brier/], why: "scores are used as probabilities." },
    { label: "a latency guardrail", anyOf: [/latency/], why: "slower can lose." },
  ]),
};
const bullets =
  (...lines: string[]) =>
  () =>
    lines.map((l) => `- ${l}`).join("\n");
const full = bullets(
  "NDCG@10 offline",
  "Calibration via reliability curve",
  "p99 Latency guardrail",
  "error rate",
  "SRM",
  "rollback",
);

test("an answer covering every point passes (case-insensitive)", async () => {
  const r = await evaluate(drill, full);
  assert.is(r.status, "pass", JSON.stringify(r.results));
});

test("a missed point fails and the hint names it", async () => {
  await expectRejects(
    drill,
    bullets("NDCG", "Brier score", "errors", "SRM", "ramp", "rollback"),
    "rubric: a latency guardrail",
    /not found by the keyword self-check[\s\S]*Hint: not covered: a latency guardrail/,
  );
});

test("a wall of text fails the shape point", async () => {
  await expectRejects(
    drill,
    () => "calibration latency ".repeat(400),
    "rubric: concise bullets",
    /800 words, 0 bullet lines/,
  );
});

test("empty, whitespace and placeholder answers are todo, never a pass", async () => {
  for (const text of ["", "   \n ", "_Your answer here._", "TODO"]) await expectTodo(drill, () => text);
  await expectTodo(drill, () => {
    throw todo();
  });
});

test("every case has a stable id", () => {
  assert.equal(
    drill.cases.map((c) => c.id),
    ["rubric-shape", "rubric-calibration", "rubric-a-latency-guardrail"],
  );
});

test("a non-string answer or a throwing answer fails, not crashes", async () => {
  await expectRejects(
    drill,
    (() => 42) as unknown as WrittenAnswer,
    "rubric: calibration",
    /should return your written answer as a string/,
  );
  await expectRejects(
    drill,
    () => {
      throw new Error("oops");
    },
    "rubric: calibration",
    /threw Error: oops/,
  );
});

test.run();
