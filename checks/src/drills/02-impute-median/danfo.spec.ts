/** The danfojs imputer check passes the reference and rejects each known-wrong answer with the expected message. */
import { test } from "uvu";
import { todo } from "@drills/lib";
import { danfoCheck } from "./checks";
import { danfoReference } from "./test/answers";
import { danfoWrong } from "./test/wrong";
import { expectPass, expectRejects, expectTodo } from "../../testing";

test("reference passes every case", async () => {
  await expectPass(danfoCheck, danfoReference);
});

test("a stub is todo, not a failure", async () => {
  await expectTodo(danfoCheck, () => {
    throw todo();
  });
});

for (const [name, [impl, caseId, message]] of Object.entries(danfoWrong)) {
  test(`rejects: ${name}`, async () => {
    await expectRejects(danfoCheck, impl, caseId, message);
  });
}

test("the property case shows the smallest failing frame at full precision", async () => {
  await expectRejects(
    danfoCheck,
    danfoWrong["mean instead of median"][0],
    "property",
    /Input: +f \(float\) = \[[^\]]*\][\s\S]*smallest of \d+ failing samples out of 40/,
  );
});

test.run();
