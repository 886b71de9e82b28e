/**
 * The kernel half of drills 08 and 09 reaches no judge: loading calls.js in a fresh process pulls in no oracle, no
 * cases, no hidden properties, no rubric, no test answers and no notebook — so a grading kernel has nothing a
 * candidate could return in place of their own answer.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const FORBIDDEN =
  /[\\/](oracle|checks|hidden|cases-[\w-]+|rubric|ran|answers|notebook-answer|hidden-sample)\.js$|[\\/]test[\\/]|solutions/;

for (const id of ["08-metrics-design", "09-feature-store"]) {
  test(`${id}: calls.js loads no judge-side module`, () => {
    const file = path.join(__dirname, id, "calls.js");
    const out = execFileSync(
      process.execPath,
      ["-e", `require(${JSON.stringify(file)}); console.log(JSON.stringify(Object.keys(require.cache)))`],
      { encoding: "utf8" },
    );
    const mine = (JSON.parse(out) as string[]).filter((f) => f.includes(`${path.sep}checks${path.sep}dist${path.sep}`));
    assert.ok(mine.length > 1, "the graph was read");
    assert.equal(
      mine.filter((f) => FORBIDDEN.test(f)),
      [],
    );
  });
}

test.run();
