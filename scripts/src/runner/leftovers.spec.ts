/**
 * What a notebook leaves unfinished must not end in PASS: work still pending after the last cell (a loop of
 * timers, an interval, a far timeout) and output dropped past the cap. Real tslab kernel.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { executeNotebook } from "./execute";
import { Scratch } from "./testing/scratch";

const scratch = new Scratch();
test.after(() => scratch.remove());

test("a setTimeout loop or an interval started by the last cell fails the notebook with a clear message", async () => {
  const [loop, interval, clean] = await Promise.all([
    executeNotebook(scratch.notebook("loop.ipynb", ["1", "const tick = () => setTimeout(tick, 10);\ntick();"])),
    executeNotebook(scratch.notebook("interval.ipynb", ["setInterval(() => {}, 50)"])),
    executeNotebook(
      scratch.notebook("clean.ipynb", [
        "const t = setInterval(() => {}, 50);\nclearInterval(t);",
        "await new Promise((r) => setTimeout(r, 100));",
      ]),
    ),
  ]);
  for (const result of [loop, interval]) {
    assert.not.ok(result.passed, result.path);
    assert.equal(
      result.failures.map((f) => f.kind),
      ["background-work"],
    );
    assert.match(result.failures[0].message, "work was still pending after the last cell");
  }
  assert.ok(clean.passed, `finished timers are not pending work: ${JSON.stringify(clean.failures)}`);
});

test("output dropped past the cap fails the notebook naming the cell and how much was dropped", async () => {
  const result = await executeNotebook(scratch.notebook("flood.ipynb", ["1", 'console.log("x".repeat(5000))']), {
    outputCap: 1000,
  });
  assert.not.ok(result.passed);
  assert.equal(
    result.failures.map((f) => [f.kind, f.cell?.index]),
    [["output-truncated", 1]],
  );
  assert.match(
    result.failures[0].message,
    /cell 2 \(id c1\): 4001 bytes of output were dropped past the cap of 1000 bytes/,
  );
  assert.match(JSON.stringify(result.notebook!.cells[1].outputs), "output truncated");
});

test.run();
