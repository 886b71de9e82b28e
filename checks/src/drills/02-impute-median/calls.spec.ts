/**
 * The kernel half holds no judge: loading calls.js pulls in no oracle, case, hidden property, fixture or test
 * answer. And what the kernel measures about itself is a minority of every part's points.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import type { Check } from "../../drill";
import { checks } from "./checks";

test("calls.js loads no oracle, case, hidden property, fixture or answer", () => {
  const script = `require(${JSON.stringify(path.join(__dirname, "calls.js"))}); console.log(JSON.stringify(Object.keys(require.cache)))`;
  const loaded: string[] = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
  const own = loaded.filter((f) => f.startsWith(path.join(__dirname, "..", "..")) && !f.includes("node_modules"));
  assert.ok(
    own.some((f) => f.endsWith("frame-polars.js")),
    "the spec sees the kernel half's own modules",
  );
  const judges = own.filter((f) =>
    /[\\/](oracle|checks|cases-[^\\/]*|compare|hidden|fixtures)\.js$|[\\/]test[\\/]/.test(f),
  );
  assert.equal(
    judges.map((f) => path.relative(__dirname, f)),
    [],
  );
});

test("in-kernel cases are a minority of each part's points", () => {
  for (const [part, check] of Object.entries(checks as Record<string, Check>)) {
    const points = (inKernel: boolean) =>
      check.cases.filter((c) => !!c.inKernel === inKernel).reduce((s, c) => s + (c.points ?? 1), 0);
    assert.ok(points(true) > 0, `${part}: the mutation case is marked in-kernel`);
    assert.ok(points(true) < points(false), `${part}: ${points(true)} in-kernel points vs ${points(false)}`);
  }
});

test("case ids are unique slugs within each part", () => {
  for (const check of Object.values(checks as Record<string, Check>)) {
    const ids = check.cases.map((c) => c.id ?? "");
    assert.equal(
      ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)),
      [],
    );
    assert.is(new Set(ids).size, ids.length);
  }
});

test.run();
