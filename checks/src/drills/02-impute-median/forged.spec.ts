/** Attack: forged or malformed call results fail drill 02's cases, never crash a judge (testing.ts). */
import { test } from "uvu";
import type { Check } from "../../drill";
import { expectJudgesHold } from "../../testing";
import { checks } from "./checks";

test("drill 02's judges fail forged or malformed call results, never crash", async () => {
  await expectJudgesHold(checks as Record<string, Check>);
});

test.run();
