/**
 * What the kernel measures about itself is a minority of every part's points (that the kernel half reaches no
 * judge is checked for every drill by drills/registry-wide.spec.ts).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Check } from "../../drill";
import { checks } from "./checks";

test("in-kernel cases are a minority of each part's points", () => {
  for (const [part, check] of Object.entries(checks as Record<string, Check>)) {
    const points = (inKernel: boolean) =>
      check.cases.filter((c) => !!c.inKernel === inKernel).reduce((s, c) => s + (c.points ?? 1), 0);
    assert.ok(points(true) > 0, `${part}: the mutation case is marked in-kernel`);
    assert.ok(points(true) < points(false), `${part}: ${points(true)} in-kernel points vs ${points(false)}`);
  }
});

test.run();
