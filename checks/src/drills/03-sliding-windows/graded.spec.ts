/**
 * The grading path, in one process: each case's input is encoded as the grader sends it, the call is found the way
 * the kernel finds it (loadCalls by drill id), its outcome crosses as the kernel's stdout line, and the judge runs on
 * what was parsed. The model answers pass every case; the off-by-one fails the value cases, not the in-kernel ones.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { useBackend } from "@drills/lib";
import { decode, encode } from "../../codec";
import { judgeOutcome, type Case, type Check } from "../../drill";
import { outcomeLine, parseOutcomes } from "../../kernel";
import { loadCalls } from "../../loader";
import { callCase } from "../../outcome";
import { caseText } from "../../render";
import { matrixCheck, viewsCheck } from "./checks";
import { gatherAnswer, viewsAnswer } from "./test/answers";
import { wrongMatrix } from "./test/wrong";

async function gradeApart<I>(check: Check<I>, impl: I) {
  const calls = loadCalls(check.id);
  const results = [];
  for (const [i, c] of (check.cases as Case[]).entries()) {
    const input = await c.input();
    const outcome = await callCase(calls[c.call], impl, decode(encode(input)), c.call);
    const parsed = parseOutcomes(outcomeLine("n0nce", i, outcome), "n0nce").get(i)!;
    results.push(await judgeOutcome(c, input, parsed));
  }
  return results;
}

test.before(async () => {
  await useBackend();
});

test("graded apart, the model answers pass every case of both parts", async () => {
  for (const [check, impl] of [
    [matrixCheck, gatherAnswer],
    [viewsCheck, viewsAnswer],
  ] as const) {
    const rs = await gradeApart(check as Check, impl);
    assert.equal(rs.filter((r) => r.status !== "pass").map(caseText), [], check.part);
  }
});

test("graded apart, an off-by-one fails the value cases and is marked where it was measured", async () => {
  const rs = await gradeApart(matrixCheck, wrongMatrix["off by one: n − k rows"][0]);
  assert.equal(
    rs.filter((r) => r.status === "fail").map((r) => r.id),
    ["small", "numpy-parity", "edges", "property-baseline"],
  );
  assert.equal(
    rs.filter((r) => r.inKernel).map((r) => r.id),
    ["tensor-ops-only", "hygiene"],
  );
});

test.run();
