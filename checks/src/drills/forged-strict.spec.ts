/**
 * Attack, at its strictest, for drills 03 and 04 (whose judges check every reply's shape, in-kernel cases included):
 * a forged or malformed reply fails its case with a CheckFailure — never passes, not even a case measured in the
 * kernel, and never crashes the judge. Every drill meets the milder form in registry-wide.spec.ts.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { CheckFailure } from "../failure";
import type { Case } from "../drill";
import { hiddenCasesOf, readHiddenFile } from "../experience/hidden";
import { loadDrill } from "../loader";
import { JUNK } from "../testing";

const file = readHiddenFile(path.resolve(__dirname, "../../../grading/hidden.sample.json"));
const all: [string, Case][] = ["03-sliding-windows", "04-binary-auc"].flatMap((id) =>
  Object.values(loadDrill(id).checks).flatMap((c) =>
    [...c.cases, ...hiddenCasesOf(id, c.part!, file)].map((x) => [id, x] as [string, Case]),
  ),
);

for (const [id, c] of all) {
  test(`${id} ${c.id}: a forged reply fails with a CheckFailure`, async () => {
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
