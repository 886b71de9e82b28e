/**
 * The CLI as a user runs it: exit codes, the report, and — most important — that interrupting it (Ctrl-C,
 * SIGTERM) or even SIGKILLing it leaves no kernel process behind.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CLI, FIXTURES, fixture, isRunning, sleep } from "./testing/fixtures";
import { descendants } from "./proctree";

const out = fs.mkdtempSync(path.join(os.tmpdir(), "runner-cli-"));

function startCli(args: string[]): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI, "--out", out, ...args], {
    cwd: FIXTURES,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout!.on("data", (chunk) => (text += chunk));
  child.stderr!.on("data", (chunk) => (text += chunk));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => text, exit };
}

/** Waits until the CLI has `count` kernels running and returns the pids of its whole tree (supervisors included). */
async function kernelsOf(pid: number, count: number, timeoutMs = 30_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tree = descendants(pid);
    // Supervisors are the CLI's children; a kernel is a node process further down.
    const kernels = tree.filter((p) => p.argv0 === process.execPath && p.ppid !== pid);
    if (kernels.length >= count) return tree.map((p) => p.pid);
    if (Date.now() > deadline) throw new Error(`only ${kernels.length} kernels after ${timeoutMs} ms`);
    await sleep(100);
  }
}

async function gone(pids: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && pids.some(isRunning)) await sleep(100);
  return pids.filter(isRunning);
}

test("Ctrl-C shuts every kernel down, exits 130 and still writes valid output files", async () => {
  const cli = startCli(["--jobs", "2", "interrupt/slow.ipynb", "pass/compute.ipynb"]);
  const kernels = await kernelsOf(cli.child.pid!, 2);
  await sleep(2500); // let the slow notebook reach its long cell
  cli.child.kill("SIGINT");
  const code = await Promise.race([cli.exit, sleep(20_000).then(() => "hung")]);
  assert.is(code, 130, cli.output());
  assert.equal(await gone(kernels, 2000), [], "kernel processes left behind");
  assert.match(cli.output(), "SIGINT: stopping");
  const written = path.join(out, "interrupt", "slow.ipynb");
  assert.ok(JSON.parse(fs.readFileSync(written, "utf8")).cells.length > 0, "output file is valid JSON");
});

test("even a SIGKILLed runner leaves no kernel behind (the supervisor sees its pipe close)", async () => {
  const cli = startCli(["interrupt/slow.ipynb"]);
  const kernels = await kernelsOf(cli.child.pid!, 1);
  await sleep(2000); // mid-run, as in real life
  cli.child.kill("SIGKILL");
  await cli.exit;
  assert.equal(await gone(kernels, 15_000), [], "kernel processes left behind");
});

test("a failing run exits 1 and reports notebook, cell, source and the kernel's message", async () => {
  const junit = path.join(out, "junit.xml");
  const cli = startCli([
    "--junit",
    junit,
    "--summary",
    "faults/throws.ipynb",
    "faults/unknown-kernel.ipynb",
    fixture("pass/basic.ipynb"),
  ]);
  assert.is(await cli.exit, 1);
  const text = cli.output();
  assert.match(text, "FAILED faults/throws.ipynb — cell 2 of 3 [2] (id c-16): cell-error");
  assert.match(text, '|   throw new RangeError("boom from cell 2");');
  assert.match(text, "RangeError: boom from cell 2");
  assert.match(text, "FAILED faults/unknown-kernel.ipynb — notebook: unknown-kernel");
  assert.match(text, /PASS 00-fixture .* pass 2 {2}fail 0 {2}todo 0/);
  assert.match(text, "3 notebooks: 1 passed, 2 failed");
  const xml = fs.readFileSync(junit, "utf8");
  assert.is((xml.match(/<testcase /g) ?? []).length, 3 + 4);
  assert.match(
    xml,
    '<failure message="RangeError: boom from cell 2">',
    "JUnit names the thrown error, parsed from tslab's stderr",
  );
});

test("the input is never modified unless --inplace, which writes ids, counts and outputs into it", async () => {
  const dir = fs.mkdtempSync(path.join(out, "inplace-"));
  const source = JSON.parse(fs.readFileSync(fixture("pass/compute.ipynb"), "utf8"));
  for (const cell of source.cells) delete cell.id; // an older notebook: no ids, nbformat 4.4
  source.nbformat_minor = 4;
  const input = path.join(dir, "compute.ipynb");
  const original = JSON.stringify(source);
  fs.writeFileSync(input, original);
  const copy = startCli(["--out", path.join(dir, "executed"), input]);
  assert.is(await copy.exit, 0, copy.output());
  assert.is(fs.readFileSync(input, "utf8"), original, "input untouched without --inplace");
  const inplace = spawn(process.execPath, [CLI, "--inplace", input], { stdio: "ignore" });
  assert.is(await new Promise((resolve) => inplace.once("exit", resolve)), 0);
  const executed = JSON.parse(fs.readFileSync(input, "utf8"));
  assert.is(executed.nbformat_minor, 5);
  assert.ok(executed.cells.every((c: { id?: string }) => typeof c.id === "string"));
  assert.match(JSON.stringify(executed.cells[4].outputs), "waited");
});

test.after(() => fs.rmSync(out, { recursive: true, force: true }));
test.run();
