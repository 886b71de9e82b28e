/** The nodejs-polars imputer checks (core and ★★ grouped) pass the references and reject known-wrong answers. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { todo } from "@drills/lib";
import { evaluate } from "../../drill";
import { reportText } from "../../render";
import { groupCheck, polarsCheck } from "./checks";
import { grouped, polarsReference } from "./test/answers";
import { groupWrong, polarsWrong } from "./test/wrong";
import { expectPass, expectRejects, expectTodo } from "../../testing";
import type { ImputePolars } from "./calls";
import pl from "nodejs-polars";

test("references pass every case", async () => {
  await expectPass(polarsCheck, polarsReference);
  await expectPass(groupCheck, grouped(true));
});

test("stubs are todo, not failures", async () => {
  await expectTodo(polarsCheck, () => {
    throw todo();
  });
  await expectTodo(groupCheck, () => {
    throw todo();
  });
});

for (const [name, [impl, caseId, message]] of Object.entries(polarsWrong)) {
  test(`rejects (core): ${name}`, async () => {
    await expectRejects(polarsCheck, impl, caseId, message);
  });
}

for (const [name, [impl, caseId, message]] of Object.entries(groupWrong)) {
  test(`rejects (★★ group): ${name}`, async () => {
    await expectRejects(groupCheck, impl, caseId, message);
  });
}

test("polars's query plan never reaches a message", async () => {
  // No validation: every rejects case and the fixture see polars's own errors, plan included in e.message.
  const raw: ImputePolars = (df, cols) => df.withColumns(...cols.map((c) => pl.col(c).fillNull(pl.col(c).median())));
  const text = reportText(await evaluate(polarsCheck, raw));
  assert.match(text, /unable to find column "nope"/);
  assert.not.match(text, /Resolved plan|FAILED HERE|PROJECT \*/, text);
});

test.run();
