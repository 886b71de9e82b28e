/**
 * Attacks on what a notebook or a command line can make the runner do before any cell runs: a kernelspec name used
 * as a path, timeouts that lift or break the limit, and outputs that overwrite what the user did not offer.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { executeNotebook } from "./execute";
import { MAX_TIMEOUT_SECONDS, checkTimeout } from "./timeouts";
import { CLI } from "./testing/fixtures";
import { Scratch } from "./testing/scratch";

const scratch = new Scratch();
test.after(() => scratch.remove());

test("a kernelspec name with ../ is refused before any path is built; the evil kernel.json never runs", async () => {
  const marker = scratch.path("evil-ran");
  const evil = scratch.path("x", "evil");
  fs.mkdirSync(evil, { recursive: true });
  fs.writeFileSync(
    path.join(evil, "kernel.json"),
    JSON.stringify({
      argv: [process.execPath, "-e", `require("fs").writeFileSync(${JSON.stringify(marker)}, "pwned")`],
      display_name: "evil",
      language: "x",
    }),
  );
  fs.mkdirSync(scratch.path("share", "kernels"), { recursive: true });
  const env = { ...process.env, JUPYTER_PATH: scratch.path("share") };
  for (const name of ["../../x/evil", "../x/evil", "/abs", ".hidden", "-flag", "a/b", "", 7]) {
    const file = scratch.notebook("evil.ipynb", ["1"], { kernelspec: { name, display_name: "x" } });
    const result = await executeNotebook(file, { env });
    assert.is(result.failures[0]?.kind, "unknown-kernel", String(name));
    assert.match(result.failures[0].message, `metadata.kernelspec.name ${JSON.stringify(name)} is not a kernel name`);
    assert.is(result.kernelPid, undefined);
  }
  assert.not.ok(fs.existsSync(marker), "the kernel.json outside the data dirs was run");
});

test("one timeout rule: 0 and -1 mean none, 1..2147483 s, anything else is refused naming its source", () => {
  assert.equal(
    [checkTimeout(0, "x"), checkTimeout(-1, "x"), checkTimeout(1, "x"), checkTimeout(MAX_TIMEOUT_SECONDS, "x")],
    [0, 0, 1, MAX_TIMEOUT_SECONDS],
  );
  for (const bad of [MAX_TIMEOUT_SECONDS + 1, 3e9, 0.5, -2, Infinity, NaN, "10", null]) {
    assert.throws(
      () => checkTimeout(bad, "cell 3 metadata.timeout"),
      /cell 3 metadata\.timeout: .*(out of range|must be a number)/,
      String(bad),
    );
  }
});

test("a notebook or cell timeout above Node's timer limit fails the notebook before a kernel starts", async () => {
  const nbLevel = await executeNotebook(scratch.notebook("big.ipynb", ["1"], { drills: { timeout: 3e9 } }));
  assert.is(nbLevel.failures[0].kind, "invalid-notebook");
  assert.match(
    nbLevel.failures[0].message,
    "big.ipynb: notebook metadata.drills.timeout: timeout 3000000000 is out of range",
  );
  assert.is(nbLevel.kernelPid, undefined);
  const cellLevel = await executeNotebook(
    scratch.notebook("cell.ipynb", ["1", { source: "2", metadata: { timeout: "5" } }]),
  );
  assert.match(
    cellLevel.failures[0].message,
    'cell 2 (id c1) metadata.timeout: a timeout must be a number of seconds, got "5"',
  );
});

test("--timeout out of range is a usage error (exit 2), not a timer that fires at once", () => {
  const run = spawnSync(process.execPath, [CLI, "--timeout", "2147484", scratch.notebook("t.ipynb", ["1"])], {
    encoding: "utf8",
  });
  assert.is(run.status, 2, run.stderr);
  assert.match(run.stderr, "--timeout: timeout 2147484 is out of range");
});

test("with the interviewer's policy, metadata.drills.timeout 0 cannot lift the limit on an endless loop", async () => {
  const file = scratch.notebook("forever.ipynb", [{ source: "while (true) {}", metadata: { timeout: 0 } }], {
    drills: { timeout: 0 },
  });
  const started = Date.now();
  const result = await executeNotebook(file, { timeoutSeconds: 2, timeoutPolicy: "interviewer" });
  assert.equal([result.failures[0]?.kind, result.cells[0]?.status], ["timeout", "timeout"]);
  assert.match(result.failures[0].message, "timed out after 2s");
  assert.ok(Date.now() - started < 30_000);
});

test("--inplace refuses a read-only notebook and leaves it as it was (content and mode)", () => {
  const file = scratch.notebook("ro.ipynb", ["1"]);
  const before = fs.readFileSync(file, "utf8");
  fs.chmodSync(file, 0o444);
  const run = spawnSync(process.execPath, [CLI, "--inplace", file], { encoding: "utf8" });
  assert.is(run.status, 2, run.stdout + run.stderr);
  assert.match(run.stderr, "ro.ipynb is read-only; --inplace will not replace it");
  assert.is(fs.readFileSync(file, "utf8"), before);
  assert.is(fs.statSync(file).mode & 0o777, 0o444);
});

test("executeNotebook refuses an in-place write over a read-only file before running it", async () => {
  const file = scratch.notebook("ro2.ipynb", ["1"]);
  fs.chmodSync(file, 0o444);
  const result = await executeNotebook(file, { outPath: file });
  assert.match(result.failures[0].message, "is read-only");
  assert.is(result.kernelPid, undefined);
  assert.is(fs.statSync(file).mode & 0o777, 0o444);
});

test("an output path equal to its input (--out . in its folder) is refused without --inplace", () => {
  const file = scratch.notebook("same/n.ipynb", ["1"]);
  const before = fs.readFileSync(file, "utf8");
  const run = spawnSync(process.execPath, [CLI, "--out", ".", "n.ipynb"], {
    cwd: path.dirname(file),
    encoding: "utf8",
  });
  assert.is(run.status, 2, run.stdout + run.stderr);
  assert.match(run.stderr, "the executed copy of n.ipynb would overwrite it");
  assert.is(fs.readFileSync(file, "utf8"), before);
});

test.run();
