/**
 * Attacks on the judges of drills 08 and 09, as a hostile kernel would mount them: whatever data comes back in place
 * of a call's real result, every public and hidden case fails (or is todo) — never a pass (except the marked in-kernel
 * cases, which rest on the kernel's own measurement), and never a crash blamed on the pack.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { judgeOutcome, type Case, type Check } from "../drill";
import { hiddenCasesOf } from "../experience/hidden";
import { checks as checks08 } from "./08-metrics-design/checks";
import { checks as checks09 } from "./09-feature-store/checks";
import { sample } from "./test/hidden-sample";

const FORGED: unknown[] = [
  null,
  undefined,
  42,
  "pass",
  {},
  [],
  [null],
  [{ threw: "ValueError" }],
  [{ threw: null, mutated: false }],
  [{ threw: null, value: { frame: true } }],
  [{ threw: null, value: { frame: true, columns: "x", rows: 7 } }],
  Array.from({ length: 500 }, () => ({ threw: null, mutated: false, value: {} })),
  { text: 42 },
];

async function attack(check: Check, cases: Case[]): Promise<void> {
  for (const c of cases) {
    const input = await c.input();
    for (const value of FORGED) {
      const r = await judgeOutcome(c, input, { kind: "value", value, ms: 0 });
      // In-kernel cases rest on what the kernel says about itself, so a forged "nothing was mutated" may pass them:
      // that is why they are marked and weigh a minority. They must still never crash.
      const allowed = c.inKernel ? ["fail", "todo", "pass"] : ["fail", "todo"];
      assert.ok(
        allowed.includes(r.status),
        `${check.id}/${check.part} ${c.id} on ${JSON.stringify(value)?.slice(0, 60)}: ${r.status} ${JSON.stringify(r.failure)}`,
      );
    }
  }
}

for (const [id, checks] of [
  ["08-metrics-design", checks08],
  ["09-feature-store", checks09],
] as const) {
  for (const check of Object.values(checks) as Check[]) {
    test(`${id}/${check.part}: forged results never pass and never crash a judge`, async () => {
      await attack(check, [...(check.cases as Case[]), ...hiddenCasesOf(id, check.part!, sample())]);
    });
  }
}

test.run();
