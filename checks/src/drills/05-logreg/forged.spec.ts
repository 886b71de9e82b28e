/** Attack: forged or malformed call results fail drill 05's cases, never crash a judge (see 02's forged.spec). */
import { test } from "uvu";
import type { Check } from "../../drill";
import { expectNoCrash } from "../02-impute-median/forged.spec";
import { checks } from "./checks";

test("drill 05's judges fail forged or malformed call results, never crash", async () => {
  await expectNoCrash(checks as Record<string, Check>);
});

test.run();
