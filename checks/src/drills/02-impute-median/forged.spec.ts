/**
 * Attack: in grading, what a call returns comes from the candidate's kernel and may be anything. A judge given
 * forged or malformed data must fail the case (or pass it only on data that is right), never crash as a "bug in the
 * pack".
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { judgeOutcome, type Check } from "../../drill";
import { caseText } from "../../render";
import { checks } from "./checks";

export const JUNK: unknown[] = [undefined, null, 0, "x", [], {}, { columns: 5, dtypes: "x" }, { columns: { v: "abc" }, dtypes: {} }, { results: 3 }, { results: [null, 5] }, { threw: { name: 5 } }, { mutated: { part: 1 } }];

export async function expectNoCrash(all: Record<string, Check>): Promise<void> {
  for (const [part, check] of Object.entries(all)) {
    for (const c of check.cases) {
      if (!("judge" in c)) continue;
      const input = await c.input();
      for (const value of JUNK) {
        const r = await judgeOutcome(c, input, { kind: "value", value, ms: 0 });
        assert.ok(r.status !== "error", `${part}/${c.id} crashed on ${JSON.stringify(value)}:\n${caseText(r)}`);
        assert.ok(r.status !== "pass" || c.inKernel, `${part}/${c.id} passed on ${JSON.stringify(value)}`);
      }
    }
  }
}

test("drill 02's judges fail forged or malformed call results, never crash", async () => {
  await expectNoCrash(checks as Record<string, Check>);
});

test.run();
