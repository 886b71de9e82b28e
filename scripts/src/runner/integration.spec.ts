/**
 * The fault matrix against the real tslab kernel. All fixtures run as one parallel batch (as `npm run execute`
 * would), so a fault in one notebook is also shown not to disturb the others.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { executeNotebook, NotebookResult } from "./execute";
import { collectNotebooks, planJobs } from "./inputs";
import { executeNotebooks } from "./pool";
import { FIXTURES, fixture, isRunning, nbformatMissing, nbformatProblems } from "./testing/fixtures";

const out = fs.mkdtempSync(path.join(os.tmpdir(), "runner-integration-"));
const inputs = collectNotebooks([fixture("pass"), fixture("faults")]);
const jobs = planJobs(inputs, { outDir: out, inplace: false, cwd: FIXTURES });
// Started by the first test, not at import: uvu imports every spec file before running any, and kernels started
// at import time would compete with other files' timing-sensitive tests.
let started: Promise<NotebookResult[]> | undefined;
const batch = () => (started ??= executeNotebooks(jobs, { timeoutSeconds: 30 }));
const byName = async (name: string): Promise<NotebookResult> => {
  const results = await batch();
  const found = results.find((r) => path.basename(r.path) === name);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
};
const outputText = (result: NotebookResult) => JSON.stringify(result.notebook?.cells.map((c) => c.outputs ?? []));

test("passing notebooks pass in the same batch as every fault", async () => {
  for (const name of ["basic.ipynb", "compute.ipynb"]) {
    const result = await byName(name);
    assert.ok(result.passed, `${name}: ${JSON.stringify(result.failures)}`);
  }
});

test("basic: outputs, display update, execution counts, skip/raises tags, timings, checks", async () => {
  const result = await byName("basic.ipynb");
  const cells = result.notebook!.cells;
  assert.equal(cells[1].outputs, [{ output_type: "stream", name: "stdout", text: "hello\nworld\n2\n" }]);
  assert.equal(
    cells[3].outputs!.map((o) => o.data),
    [{ "text/html": "<b>bold</b>" }, { "text/html": "<i>after</i>" }],
  );
  assert.equal(
    cells.map((c) => c.execution_count ?? null),
    [null, 1, null, 2, null, 3, 4, 5, 6],
  );
  assert.is(cells[5].outputs![0].ename, "Error", "raises-exception cell shows its error");
  assert.ok(cells[1].metadata.execution["shell.execute_reply"], "nbclient-style timestamps");
  assert.equal(
    result.checks.map((d) => [d.drill, d.status]),
    [
      ["00-fixture", "pass"],
      ["01-other", "todo"],
    ],
  );
  assert.ok(result.busyMs > 0 && result.busyMs < result.durationMs);
});

test("a cell that throws stops the notebook and becomes an nbformat error output", async () => {
  const result = await byName("throws.ipynb");
  const failure = result.failures[0];
  assert.is(failure.kind, "cell-error");
  assert.equal(
    [failure.cell?.index, failure.cell?.id, failure.cell?.ename, failure.cell?.evalue],
    [1, "c-16", "RangeError", "boom from cell 2"],
  );
  assert.match(failure.cell!.source, "explode();");
  assert.is(result.notebook!.cells[2].execution_count, null, "the cell after the error did not run");
  assert.equal(
    result.notebook!.cells[1].outputs!.map((o) => o.output_type),
    ["error"],
  );
});

test("a type error is reported with the compiler's diagnostic", async () => {
  const failure = (await byName("type-error.ipynb")).failures[0];
  assert.is(failure.cell?.ename, "CompileError");
  assert.match(failure.message, "1:7 - Type 'string' is not assignable to type 'number'.");
});

test("process.exit and SIGKILL inside a cell are reported against that cell", async () => {
  const exit = (await byName("exit.ipynb")).failures[0];
  assert.equal([exit.kind, exit.cell?.index], ["kernel-died", 1]);
  assert.match(exit.message, "exited with code 3");
  const killed = (await byName("killed.ipynb")).failures[0];
  assert.equal([killed.kind, killed.cell?.index], ["kernel-died", 1]);
  assert.match(killed.message, "killed by SIGKILL");
});

test("an endless loop hits the cell's metadata timeout, is interrupted, and the kernel survives", async () => {
  const result = await byName("endless.ipynb");
  assert.equal([result.failures[0].kind, result.failures[0].cell?.index], ["timeout", 1]);
  assert.match(result.failures[0].message, "timed out after 2s");
  assert.not.match(result.failures[0].message, "killed");
  assert.ok(result.durationMs < 20_000);
});

test("10 MB of output is stored truncated with a marker and fails the notebook; a flood tslab cannot publish fails clearly", async () => {
  const big = await byName("big-output.ipynb");
  // Dropped output is no longer a silent pass: the stored notebook does not show what the cell printed.
  assert.equal(
    big.failures.map((f) => f.kind),
    ["output-truncated"],
  );
  const text = big.notebook!.cells[0].outputs![0].text as string;
  assert.ok(text.length < 1.1 * 1024 * 1024, `stored ${text.length} chars`);
  assert.match(text, /output truncated — \d+ more bytes dropped/);
  assert.match(outputText(big), "still alive");
  const flood = (await byName("flood.ipynb")).failures[0];
  assert.is(flood.kind, "cell-error");
  assert.match(flood.message, "sent no error text");
});

test("an unhandled rejection (reported after the cell, quirk 4) fails its cell, also in the last cell", async () => {
  const result = await byName("unhandled.ipynb");
  assert.equal([result.failures[0].kind, result.failures[0].cell?.index], ["uncaught-error", 0]);
  const last = await byName("unhandled-last.ipynb");
  assert.equal(
    [last.failures[0]?.kind, last.failures[0]?.cell?.index],
    ["uncaught-error", 1],
    "caught after the last cell too",
  );
  assert.match(last.failures[0].message, "rejected in the last cell");
  assert.is(result.failures[0].cell?.ename, "UnhandledPromiseRejection");
  assert.is(result.notebook!.cells[0].outputs!.at(-1)!.output_type, "error");
});

test("invalid JSON and an unknown kernel fail clearly and still leave a valid output file", async () => {
  const bad = await byName("not-json.ipynb");
  assert.equal([bad.failures[0].kind, bad.passed], ["invalid-notebook", false]);
  assert.match(bad.failures[0].message, "not-json.ipynb: not valid JSON");
  const unknown = await byName("unknown-kernel.ipynb");
  assert.is(unknown.failures[0].kind, "unknown-kernel");
  assert.match(unknown.failures[0].message, 'no kernelspec named "no-such-kernel"');
  for (const result of [bad, unknown]) assert.ok(fs.existsSync(result.outPath!));
});

test("no kernel outlives its notebook", async () => {
  for (const result of await batch()) if (result.kernelPid) assert.not.ok(isRunning(result.kernelPid), result.path);
});

test("every executed notebook validates with nbformat", async () => {
  const results = await batch();
  const missing = nbformatMissing();
  if (missing) return console.log(`  skipped: ${missing}`);
  const files = results.map((r) => r.outPath!).filter(Boolean);
  assert.is(files.length, results.length, "every input has an output file");
  assert.equal(nbformatProblems(files), []);
});

test("--allow-errors keeps going after a failure; --strict reaches the kernel's environment", async () => {
  await batch();
  const [throws, basic] = await Promise.all([
    executeNotebook(fixture("faults/throws.ipynb"), { allowErrors: true }),
    executeNotebook(fixture("pass/basic.ipynb"), { strict: true }),
  ]);
  assert.equal(
    throws.cells.map((c) => c.status),
    ["ok", "error", "ok"],
    "the cell after the error ran, not aborted",
  );
  assert.not.ok(throws.passed);
  assert.match(JSON.stringify(basic.notebook!.cells[6].outputs), '"1\\n"');
});

test.after(() => fs.rmSync(out, { recursive: true, force: true }));
test.run();
