/** Drill 04's checks pass the reference and reject each known-wrong answer with the expected message and cause. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { todo } from "@drills/lib";
import type { Roc } from "./calls";
import { aucCheck } from "./checks";
import { expectPass, expectRejects, expectTodo } from "../../testing";
import { evaluate } from "../../drill";
import { caseText, reportText } from "../../render";
import { answer, referenceAnswer, sweep } from "./test/answers";
import { wrong } from "./test/wrong";

test("reference passes every case", async () => {
  await expectPass(aucCheck, referenceAnswer);
});

test("a stub is todo, not a failure", async () => {
  const stub = () => {
    throw todo();
  };
  await expectTodo(aucCheck, { rocCurve: stub, binaryAuc: stub });
});

for (const [name, [impl, id, message]] of Object.entries(wrong))
  test(`rejects: ${name}`, () => expectRejects(aucCheck, impl, id, message).then(() => undefined));

test("the rectangle rule never gets a typed-array or a grouping hint: one cause in every failing case", async () => {
  const report = await evaluate(
    aucCheck,
    answer((y, s) => sweep(y, s), "lower"),
  );
  const failed = report.results.filter((r) => r.status === "fail");
  assert.ok(failed.length >= 3, reportText(report));
  for (const r of failed) {
    assert.match(caseText(r), /rectangle \(step\) rule/);
    assert.not.match(r.hint ?? "", /ArrayLike|typed|group equal/);
  }
});

test("an ungrouped sweep fails every case it breaks with one cause", async () => {
  const report = await evaluate(
    aucCheck,
    answer((y, s) => sweep(y, s, { group: false })),
  );
  const failed = report.results.filter((r) => r.status === "fail");
  assert.ok(failed.length >= 5, reportText(report));
  assert.equal([...new Set(failed.map((r) => r.hint))].length, 1, failed.map(caseText).join("\n"));
  for (const r of failed) assert.match(caseText(r), /equal scores were not grouped/);
});

test("a binaryAuc with its rocCurve still a stub is judged on its own", async () => {
  const impl = {
    rocCurve: (): Roc => {
      throw todo();
    },
    binaryAuc: referenceAnswer.binaryAuc,
  };
  const report = await evaluate(aucCheck, impl);
  assert.is(report.results.find((r) => r.id === "ties-half")?.status, "pass", reportText(report));
});

test("hostile answers are reported, never crash a check", async () => {
  const hostile = [
    { rocCurve: () => null as unknown as Roc, binaryAuc: () => undefined as unknown as number },
    { rocCurve: () => ({ fpr: "0,1", tpr: [0, 1], thresholds: [] }) as unknown as Roc, binaryAuc: () => NaN },
    { rocCurve: () => ({ fpr: [NaN], tpr: [NaN], thresholds: [NaN] }), binaryAuc: () => Infinity },
    {
      rocCurve: () => {
        throw new TypeError("boom");
      },
      binaryAuc: () => {
        throw "a string";
      },
    },
  ];
  for (const impl of hostile) {
    const report = await evaluate(aucCheck, impl);
    const crashed = report.results.filter((r) => r.status === "error");
    assert.equal(
      crashed.map((r) => r.name),
      [],
      reportText(report),
    );
    assert.is(report.status, "fail");
  }
});

test("in-kernel cases are a minority: 1 of 15 points", () => {
  const points = (cs: typeof aucCheck.cases) => cs.reduce((s, c) => s + (c.points ?? 1), 0);
  assert.equal([points(aucCheck.cases), points(aucCheck.cases.filter((c) => c.inKernel))], [15, 1]);
});

test("every case is split: a call and a judge", () => {
  for (const c of aucCheck.cases) assert.type((c as { judge?: unknown }).judge, "function", c.name);
});

test.run();
