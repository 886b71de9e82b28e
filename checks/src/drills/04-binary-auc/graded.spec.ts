/**
 * The grading path, in one process: each case's input is encoded as the grader sends it, the call is found the way
 * the kernel finds it (loadCalls by drill id), its outcome crosses as the kernel's stdout line, and the judge runs on
 * what was parsed. The reference passes every case; the rectangle rule fails with its cause named.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { decode, encode } from "../../codec";
import { judgeOutcome, type Case } from "../../drill";
import { outcomeLine, parseOutcomes } from "../../kernel";
import { loadCalls } from "../../loader";
import { callCase } from "../../outcome";
import { caseText } from "../../render";
import type { Auc } from "./calls";
import { aucCheck } from "./checks";
import { answer, referenceAnswer, sweep } from "./test/answers";

async function gradeApart(impl: Auc) {
  const calls = loadCalls(aucCheck.id);
  const results = [];
  for (const [i, c] of (aucCheck.cases as Case[]).entries()) {
    const input = await c.input();
    const outcome = await callCase(calls[c.call], impl, decode(encode(input)), c.call);
    const parsed = parseOutcomes(outcomeLine("n0nce", i, outcome), "n0nce").get(i)!;
    results.push(await judgeOutcome(c, input, parsed));
  }
  return results;
}

test("graded apart, the reference passes every case", async () => {
  const rs = await gradeApart(referenceAnswer);
  assert.equal(rs.filter((r) => r.status !== "pass").map(caseText), []);
  assert.equal(
    rs.filter((r) => r.inKernel).map((r) => r.id),
    ["inputs-unchanged"],
  );
});

test("graded apart, the rectangle rule fails with its cause named", async () => {
  const rs = await gradeApart(answer((y, s) => sweep(y, s), "lower"));
  const ties = rs.find((r) => r.id === "ties-half")!;
  assert.is(ties.status, "fail");
  assert.match(caseText(ties), /rectangle \(step\) rule/);
});

test.run();
