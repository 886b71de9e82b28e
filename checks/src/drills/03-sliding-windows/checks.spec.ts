/** Drill 03's checks pass the model answers and reject each known-wrong answer with the expected message. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { todo, useBackend } from "@drills/lib";
import { evaluate } from "../../drill";
import { caseText } from "../../render";
import { expectPass, expectRejects, expectTodo } from "../../testing";
import { matrixCheck, viewsCheck } from "./checks";
import { meta } from "./meta";
import { frameAnswer, gatherAnswer, viewsAnswer } from "./test/answers";
import { wrongMatrix, wrongViews } from "./test/wrong";
import * as tf from "@tensorflow/tfjs-core";

test.before(async () => {
  await useBackend();
});

test("the gather answer passes every matrix case", async () => {
  await expectPass(matrixCheck, gatherAnswer);
});

test("the tf.signal.frame answer passes every matrix case", async () => {
  await expectPass(matrixCheck, frameAnswer);
});

test("the subarray answer passes every views case", async () => {
  await expectPass(viewsCheck, viewsAnswer);
});

test("stubs are todo, not failures", async () => {
  const stub = () => {
    throw todo();
  };
  await expectTodo(matrixCheck, stub);
  await expectTodo(viewsCheck, stub);
});

for (const [name, [impl, id, message]] of Object.entries(wrongMatrix))
  test(`matrix rejects: ${name}`, () => expectRejects(matrixCheck, impl, id, message).then(() => undefined));
for (const [name, [impl, id, message]] of Object.entries(wrongViews))
  test(`views rejects: ${name}`, () => expectRejects(viewsCheck, impl, id, message).then(() => undefined));

test("an off-by-one fails every value case with one cause: the same what, note and hint", async () => {
  const report = await evaluate(matrixCheck, wrongMatrix["off by one: n − k rows"][0]);
  const failed = report.results.filter((r) => r.status === "fail");
  assert.equal(
    failed.map((r) => r.id),
    ["small", "numpy-parity", "edges", "property-baseline"],
    failed.map(caseText).join("\n"),
  );
  const causes = new Set(
    failed.map((r) => JSON.stringify([(r.failure?.what ?? "").replace(/^.*: /, ""), r.failure?.note, r.hint])),
  );
  assert.is(causes.size, 1, [...causes].join("\n"));
});

test("a reversed-window bug is named, not left as a bare mismatch", async () => {
  const reversed = (x: tf.Tensor1D, k: number) => tf.tidy(() => tf.reverse(gatherAnswer(x, k), 1)) as tf.Tensor2D;
  await expectRejects(matrixCheck, reversed, "small", /each window is reversed/);
});

test("hostile answers are reported, never crash a check", async () => {
  const hostile: unknown[] = [
    () => null,
    () => "windows",
    (x: tf.Tensor1D) => x,
    (x: tf.Tensor1D, k: number) => {
      const y = gatherAnswer(x, k);
      y.dispose();
      return y;
    },
    () => {
      throw "a string";
    },
    () => ({ shape: [4, 3], dtype: "float32", dataSync: () => [1, 2, 3] }),
  ];
  for (const impl of hostile) {
    for (const check of [matrixCheck, viewsCheck] as const) {
      const report = await evaluate(check as typeof matrixCheck, impl as never);
      assert.equal(report.results.filter((r) => r.status === "error").map(caseText), []);
      assert.is(report.status, "fail");
    }
  }
});

test("in-kernel cases are a minority of the drill's points, and weigh what the meta comment says", () => {
  const all = [...matrixCheck.cases, ...viewsCheck.cases];
  const points = (cs: typeof all) => cs.reduce((s, c) => s + (c.points ?? 1), 0);
  const inKernel = points(all.filter((c) => c.inKernel));
  assert.equal(
    [
      points(matrixCheck.cases),
      points(matrixCheck.cases.filter((c) => c.inKernel)),
      points(viewsCheck.cases),
      points(viewsCheck.cases.filter((c) => c.inKernel)),
    ],
    [10, 2, 5, 3],
  );
  assert.ok(inKernel / points(all) < 0.5, `${inKernel} of ${points(all)}`);
});

test("meta: Medium, a core part and a ★★ stretch part", () => {
  assert.is(meta.level, "Medium");
  assert.equal(
    meta.parts.map((p) => [p.id, p.check, p.stretch ?? "core"]),
    [
      ["matrix", "checkWindowMatrix", "core"],
      ["views", "checkSlidingWindows", "★★"],
    ],
  );
  assert.equal([matrixCheck.part, viewsCheck.part], ["matrix", "views"]);
});

test("every case id is unique across both parts, and old names (was) map to one case only", () => {
  const ids = [...matrixCheck.cases, ...viewsCheck.cases].map((c) => c.id ?? "");
  assert.equal(ids.length, new Set(ids).size);
  // Old names never map to a case of the other part that now has that name.
  const names = [...matrixCheck.cases, ...viewsCheck.cases].flatMap((c) => [
    c.name,
    ...(c.was ?? []).filter((w) => w !== c.name),
  ]);
  assert.equal(names.length, new Set(names).size, names.join("\n"));
});

test.run();
