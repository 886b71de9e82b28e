/**
 * openSession against the real tslab kernel: the grader's calls after the notebook ran, a call that hangs, one
 * that ignores the interrupt, one that kills the kernel, and a restart that goes on — plain or in the sandbox.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { sandboxAvailable } from "../sandbox/sandbox";
import { openSession } from "./session";
import { isRunning } from "./testing/fixtures";
import { Scratch } from "./testing/scratch";

const scratch = new Scratch();
const sandboxBase = path.join(PROJECT_ROOT, "build", `session-spec-${process.pid}`);
test.after(() => {
  scratch.remove();
  fs.rmSync(sandboxBase, { recursive: true, force: true });
});

const CELLS = [
  'function double(x: number): number {\n  console.log("side effect");\n  return 2 * x;\n}',
  'console.log("defined")',
];

test("run() executes the cells; execute() calls the candidate's function and returns plain stdout", async () => {
  const session = await openSession(scratch.notebook("define.ipynb", CELLS));
  try {
    const run = await session.run();
    assert.ok(run.passed, JSON.stringify(run.failures));
    assert.match(JSON.stringify(run.notebook!.cells[1].outputs), "defined");
    // A call ends in a statement whose value is undefined: tslab prints the last expression's value otherwise.
    const call = await session.execute("console.log(JSON.stringify({ out: double(21) }))", { timeoutMs: 10_000 });
    assert.equal([call.status, call.stdout, call.truncated], ["ok", 'side effect\n{"out":42}\n', false]);
    assert.ok(call.ms > 0);
    const thrown = await session.execute('throw new RangeError("bad input")', { timeoutMs: 10_000 });
    assert.is(thrown.status, "error");
    assert.match(thrown.stderr, "RangeError: bad input");
    const badTimeout = await session.execute("1", { timeoutMs: 3e9 }).then(
      () => "accepted",
      (e: Error) => e.message,
    );
    assert.match(badTimeout, "timeoutMs: 3000000000 is out of range");
    const after = await session.execute("console.log(double(1))", { timeoutMs: 10_000 });
    assert.equal(
      [after.status, after.stdout],
      ["ok", "side effect\n2\n"],
      "a call right after an error is not lost to tslab's abort window",
    );
  } finally {
    await session.close();
  }
  assert.not.ok(session.alive);
  assert.not.ok(isRunning(session.kernelPid));
});

test("a hanging call times out and the kernel goes on; one that ignores SIGINT is killed, and restart() recovers", async () => {
  const session = await openSession(scratch.notebook("hang.ipynb", CELLS));
  try {
    await session.run();
    const spin = await session.execute("while (true) {}", { timeoutMs: 1500 });
    assert.equal([spin.status, spin.killed], ["timeout", false]);
    assert.is(
      (await session.execute("console.log(double(2))", { timeoutMs: 10_000 })).stdout,
      "side effect\n4\n",
      "interrupted, still alive",
    );
    const firstPid = session.kernelPid;
    const stubborn = await session.execute(
      'process.removeAllListeners("SIGINT"); process.on("SIGINT", () => {}); while (true) {}',
      { timeoutMs: 1500, graceMs: 1000 },
    );
    assert.equal([stubborn.status, stubborn.killed], ["timeout", true]);
    assert.not.ok(isRunning(firstPid));
    assert.is((await session.execute("1", { timeoutMs: 5000 })).status, "died");
    await session.restart();
    const fresh = await session.execute("double(1)", { timeoutMs: 5000 });
    assert.equal(
      [fresh.status, fresh.stderr.includes("Cannot find name 'double'")],
      ["error", true],
      `a fresh kernel: ${fresh.stderr}`,
    );
    assert.ok((await session.run()).passed);
    assert.is((await session.execute("console.log(double(3))", { timeoutMs: 10_000 })).stdout, "side effect\n6\n");
    const exit = await session.execute("process.exit(3)", { timeoutMs: 10_000 });
    assert.is(exit.status, "died");
  } finally {
    await session.close();
  }
});

test("a session honours the timeout rule: bad notebook metadata is refused before a kernel starts", async () => {
  const refused = await openSession(scratch.notebook("bad.ipynb", ["1"], { drills: { timeout: -5 } })).then(
    () => "opened",
    (error: Error) => error.message,
  );
  assert.match(refused, "metadata.drills.timeout: timeout -5 is out of range");
});

test("in the sandbox: calls work over ipc, and a restart gets a fresh /tmp", async () => {
  const probe = sandboxAvailable();
  if (!probe.available) return console.log(`  skipped: ${probe.reason}`);
  const work = path.join(sandboxBase, "work");
  fs.mkdirSync(work, { recursive: true });
  const file = path.join(work, "n.ipynb");
  fs.copyFileSync(scratch.notebook("sb.ipynb", CELLS), file);
  const session = await openSession(file, { sandbox: { workDir: work } });
  try {
    assert.ok((await session.run()).passed);
    const write = await session.execute('require("fs").writeFileSync("/tmp/x", "1"); console.log(double(5))', {
      timeoutMs: 10_000,
    });
    assert.equal([write.status, write.stdout], ["ok", "side effect\n10\n"]);
    await session.restart();
    const read = await session.execute('console.log(require("fs").existsSync("/tmp/x"))', { timeoutMs: 10_000 });
    assert.is(read.stdout, "false\n");
  } finally {
    await session.close();
  }
});

test.run();
