/**
 * The root entry `@drills/checks` is every drill's entry at once (`export *`): notebooks released before the
 * per-drill entries import from it, so it must keep every check function, hint and solution, and the type names
 * those notebooks use. The type imports below are the compile-time half of the test.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { AttentionMask, CanaryVerdict, Guardrail, MlpStateDict, StateDict, TransformerBlockClass } from "./index";
import type { StateDict as TransformerStateDict } from "./drills/07-transformer-block/types";
import type { StateDict as MlpStateDictOf06 } from "./drills/06-mlp/types";
import { checkFunctions } from "./registry";

// Two drills name a StateDict: released notebooks of 07 take `StateDict`, those of 06 `MlpStateDict`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Compile-time: a `false` here does not type-check.
export const settled: [Same<StateDict, TransformerStateDict>, Same<MlpStateDict, MlpStateDictOf06>] = [true, true];
export type Released = [AttentionMask, CanaryVerdict, Guardrail, TransformerBlockClass];

test("every part's check function is its drill entry's own, and the root entry exports the same function", () => {
  const root = require("./index") as Record<string, unknown>;
  for (const { name, drill } of checkFunctions()) {
    const own = (require(`./drills/${drill.id}/check`) as Record<string, unknown>)[name];
    assert.type(own, "function", `${drill.id}: @drills/checks/${drill.id} exports no ${name}`);
    assert.is(root[name], own, `@drills/checks exports ${name} as another function than ${drill.id}'s entry`);
  }
  assert.type(root.hint, "function");
  assert.type(root.solution, "function");
});

test.run();
