/**
 * Attack: in grading, a judge receives whatever the candidate's kernel sends back. A forged or malformed reply must
 * fail its case with a CheckFailure — never pass, and never crash the judge (an "error" would blame the pack).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { CheckFailure } from "../../failure";
import type { Case } from "../../drill";
import { hiddenCasesOf, readHiddenFile } from "../../experience/hidden";
import { aucCheck } from "./checks";

const JUNK: unknown[] = [
  null,
  undefined,
  0,
  "pass",
  [],
  {},
  [null, null],
  { values: "1,2,3", shape: [1, 3] },
  { values: new Float32Array(3), shape: [2, 3] },
  { auc: "0.5", curve: null },
  { auc: 0.5, curve: { fpr: [0], tpr: [0, 1], thresholds: [] } },
  { threw: { name: "ValueError", message: 5 } },
  { threw: "ValueError: k" },
  { rows: [[1, 2, 3]], layout: [], xByteOffset: 0, probes: [], xAfter: [] },
];

const file = readHiddenFile(path.resolve(__dirname, "../../../../grading/hidden.sample.json"), "04-binary-auc");
const checks = [aucCheck];
const all: Case[] = checks.flatMap((c) => [...(c.cases as Case[]), ...hiddenCasesOf(c.id, c.part!, file)]);

for (const c of all) {
  test(`${c.id}: a forged reply fails with a CheckFailure`, async () => {
    const input = await c.input();
    for (const junk of JUNK) {
      let thrown: unknown;
      try {
        await c.judge(junk, input);
      } catch (e) {
        thrown = e;
      }
      assert.ok(
        thrown instanceof CheckFailure,
        `${c.id} on ${JSON.stringify(junk)}: ${thrown === undefined ? "passed" : String(thrown)}`,
      );
    }
  });
}

test.run();
