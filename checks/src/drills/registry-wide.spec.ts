/**
 * What every registered drill owes the grader, checked over the registry rather than drill by drill: its kernel half
 * loads nothing of the judge's side (in a fresh process, as a grading kernel would), every judge — public and the
 * sample file's hidden cases — fails forged or malformed replies instead of passing or crashing on them, and the
 * cases measured inside the kernel are a minority of the drill's points. A new drill is covered the day it registers.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { useBackend } from "@drills/lib";
import { REGISTRY } from "../registry";
import { loadDrill } from "../loader";
import type { Check } from "../drill";
import { hiddenCasesOf, readHiddenFile } from "../experience/hidden";
import { expectJudgesHold } from "../testing";
import { JUDGE_SIDE } from "../judge-side";

const SAMPLE = readHiddenFile(path.resolve(__dirname, "../../../grading/hidden.sample.json"));

test.before(async () => {
  await useBackend();
});

for (const drill of REGISTRY) {
  test(`${drill.id}: the kernel half loads nothing of the judge's side`, () => {
    const calls = path.join(__dirname, drill.id, "calls.js");
    const script = `require(${JSON.stringify(calls)}); console.log(JSON.stringify(Object.keys(require.cache)))`;
    const loaded: string[] = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
    const own = loaded.filter((f) => f.startsWith(path.resolve(__dirname, "..")) && !f.includes("node_modules"));
    assert.ok(own.includes(calls));
    assert.equal(
      own.filter((f) => JUDGE_SIDE.test(f)).map((f) => path.relative(__dirname, f)),
      [],
    );
  });

  test(`${drill.id}: forged replies fail every judge, public and hidden`, async () => {
    const { checks } = loadDrill(drill.id);
    const withHidden: Record<string, Check> = Object.fromEntries(
      Object.entries(checks).map(([part, c]) => [
        part,
        { ...c, cases: [...c.cases, ...hiddenCasesOf(drill.id, part, SAMPLE)] },
      ]),
    );
    // Judged as the grader judges a kernel's reply: untrusted data.
    await expectJudgesHold(withHidden, { untrusted: true });
  });

  test(`${drill.id}: its judges fail forged replies by themselves, before the grader's untrusted rule`, async () => {
    const { checks } = loadDrill(drill.id);
    const withHidden: Record<string, Check> = Object.fromEntries(
      Object.entries(checks).map(([part, c]) => [
        part,
        { ...c, cases: [...c.cases, ...hiddenCasesOf(drill.id, part, SAMPLE)] },
      ]),
    );
    await expectJudgesHold(withHidden);
  });

  test(`${drill.id}: every case id is a unique slug within its part; every part has 1–3 hints and a why`, () => {
    for (const [part, check] of Object.entries(loadDrill(drill.id).checks)) {
      const ids = check.cases.map((c) => c.id ?? "");
      assert.equal(
        ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)),
        [],
        `${drill.id} ${part}: ids that are not slugs`,
      );
      assert.is(new Set(ids).size, ids.length, `${drill.id} ${part}: ids repeat`);
    }
    for (const p of drill.parts)
      assert.ok(p.hints.length >= 1 && p.hints.length <= 3 && !!p.why, `${drill.id} ${p.id}`);
  });

  test(`${drill.id}: in-kernel cases are a minority of the drill's points`, () => {
    const cases = Object.values(loadDrill(drill.id).checks).flatMap((c) => c.cases);
    const points = (inKernel: boolean) =>
      cases.filter((c) => !!c.inKernel === inKernel).reduce((s, c) => s + (c.points ?? 1), 0);
    assert.ok(points(true) < points(false), `${drill.id}: ${points(true)} in-kernel points vs ${points(false)}`);
  });
}

test.run();
