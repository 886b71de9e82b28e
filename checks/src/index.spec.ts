/**
 * The root entry `@drills/checks` is every drill's entry at once (`export *`): notebooks released before the
 * per-drill entries import from it, so it must keep every check function, hint and solution, and the type names
 * those notebooks use. The type imports below are the compile-time half of the test.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
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
  // In a fresh process: other specs in this one reset require.cache for their drill, which would give an entry two
  // instances and make the identity below meaningless.
  const script = `
    const root = require(${JSON.stringify(path.join(__dirname, "index.js"))});
    const wrong = [];
    for (const { name, drill } of ${JSON.stringify(checkFunctions().map(({ name, drill }) => ({ name, drill: drill.id })))}) {
      const own = require(${JSON.stringify(__dirname)} + "/drills/" + drill + "/check.js")[name];
      if (typeof own !== "function") wrong.push(drill + ": the entry exports no " + name);
      else if (root[name] !== own) wrong.push(drill + ": the root's " + name + " is another function");
    }
    for (const f of ["hint", "solution"]) if (typeof root[f] !== "function") wrong.push("the root has no " + f);
    process.stdout.write(JSON.stringify(wrong));`;
  const wrong = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
  assert.equal(wrong, []);
});

test.run();
