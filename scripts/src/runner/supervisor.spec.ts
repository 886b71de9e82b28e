/**
 * The supervisor against the real tslab kernel, attacked the ways that used to leave processes or keys behind:
 * the runner SIGKILLed mid-`while (true) {}`, children that detach or setsid away from the kernel, and a cell that
 * ignores the interrupt. Each attack is run in a PID namespace (where available) and in the process-group fallback.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { executeNotebook } from "./execute";
import { isolationWrapper } from "./isolation";
import { descendants } from "./proctree";
import { CLI, isRunning, sleep } from "./testing/fixtures";
import { Scratch } from "./testing/scratch";

const scratch = new Scratch();
test.after(() => scratch.remove());

/** Processes whose command line holds `marker`, anywhere on the machine. */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || !isRunning(Number(entry))) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(marker)) found.push(Number(entry));
    } catch {
      // Ended while we looked.
    }
  }
  return found;
}

async function settle(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(100);
  }
  return check();
}

const modes = [
  { name: "default", env: {} as NodeJS.ProcessEnv },
  { name: "process-group", env: { DRILLS_ISOLATION: "process-group" } },
];

test("this machine's isolation is stated (a PID namespace where unshare works)", () => {
  const { wrapper, reason } = isolationWrapper();
  console.log(`  isolation: ${wrapper.isolation}${reason ? ` (${reason})` : ""}`);
  assert.ok(wrapper.isolation === "pid-namespace" || reason, "a fallback always says why");
});

/** Starts the CLI on an endless cell, waits until it spins, then does `stop` to the CLI; returns what was left. */
async function stopMidLoop(
  name: string,
  env: NodeJS.ProcessEnv,
  stop: (cli: ReturnType<typeof spawn>) => void,
): Promise<{ code: unknown; left: number[]; dirLeft: boolean }> {
  const file = scratch.notebook(`${name}.ipynb`, ["while (true) {}"]);
  const cli = spawn(process.execPath, [CLI, "--out", scratch.path("out"), file], {
    stdio: "ignore",
    env: { ...process.env, ...env },
  });
  const exit = new Promise((resolve) => cli.once("exit", (code, signal) => resolve(code ?? signal)));
  let kernel: { pid: number; connectionDir: string } | undefined;
  await settle(() => {
    const node = descendants(cli.pid!).find((p) => p.argv0 === process.execPath && p.ppid !== cli.pid);
    if (!node) return false;
    const argv = fs.readFileSync(`/proc/${node.pid}/cmdline`, "utf8").split("\0");
    const connection = argv[argv.indexOf("--config-path") + 1];
    kernel = { pid: node.pid, connectionDir: connection.slice(0, connection.lastIndexOf("/")) };
    return true;
  }, 30_000);
  assert.ok(kernel, "the kernel started");
  await sleep(4000); // ready, and spinning in the cell
  assert.ok(fs.existsSync(kernel!.connectionDir));
  const tree = descendants(cli.pid!).map((p) => p.pid);
  stop(cli);
  const code = await exit;
  await settle(() => !tree.some(isRunning) && !fs.existsSync(kernel!.connectionDir), 10_000);
  return { code, left: tree.filter(isRunning), dirLeft: fs.existsSync(kernel!.connectionDir) };
}

test("a double Ctrl-C exits 130 at once and still leaves no kernel and no connection folder", async () => {
  const outcome = await stopMidLoop("double-ctrl-c", {}, (cli) => {
    cli.kill("SIGINT");
    setTimeout(() => cli.kill("SIGINT"), 100);
  });
  assert.equal(outcome, { code: 130, left: [], dirLeft: false });
});

test("SIGTERM to the runner mid-loop: exit 130, no kernel, no connection folder", async () => {
  const outcome = await stopMidLoop("sigterm", {}, (cli) => cli.kill("SIGTERM"));
  assert.equal(outcome, { code: 130, left: [], dirLeft: false });
});

for (const mode of modes) {
  test(`[${mode.name}] SIGKILL to the runner during while (true) {} leaves no kernel process and no connection folder`, async () => {
    const outcome = await stopMidLoop(`spin-${mode.name}`, mode.env, (cli) => cli.kill("SIGKILL"));
    assert.equal(outcome, { code: "SIGKILL", left: [], dirLeft: false });
  });

  test(`[${mode.name}] children started detached or with setsid do not survive the notebook`, async () => {
    const marker = `98${mode.name === "default" ? 7 : 8}.6`;
    const file = scratch.notebook(`escape-${mode.name}.ipynb`, [
      `import { spawn } from "child_process";\nspawn("sleep", ["${marker}1"], { detached: true, stdio: "ignore" }).unref();\nspawn("setsid", ["sleep", "${marker}2"], { stdio: "ignore" }).unref();`,
      "await new Promise((r) => setTimeout(r, 1000));",
      // Can the kernel see (and so signal) a host process — this test's own?
      `try { process.kill(${process.pid}, 0); console.log("host visible"); } catch (e) { console.log((e as any).code); }`,
    ]);
    const result = await executeNotebook(file, { env: { ...process.env, ...mode.env } });
    assert.ok(result.passed, JSON.stringify(result.failures));
    if (mode.name === "process-group") assert.is(result.isolation, "process-group");
    if (result.isolation === "pid-namespace")
      assert.match(JSON.stringify(result.notebook!.cells[2].outputs), "ESRCH", "host processes are invisible");
    assert.ok(
      await settle(() => processesWith(`${marker}1`).length + processesWith(`${marker}2`).length === 0, 3000),
      `survivors: ${processesWith(marker)}`,
    );
  });
}

test("a cell that ignores the interrupt is killed at its timeout, with everything it started", async () => {
  const file = scratch.notebook("stubborn.ipynb", [
    `import { spawn } from "child_process";\nspawn("setsid", ["sleep", "986.61"], { stdio: "ignore" }).unref();`,
    {
      source: `process.removeAllListeners("SIGINT");\nprocess.on("SIGINT", () => {});\nwhile (true) {}`,
      metadata: { timeout: 2 },
    },
  ]);
  const result = await executeNotebook(file, { graceMs: 1000 } as any);
  assert.equal([result.failures[0]?.kind, result.cells[1]?.status], ["timeout", "timeout"]);
  assert.match(result.failures[0].message, "kernel killed");
  assert.not.ok(isRunning(result.kernelPid!));
  assert.equal(processesWith("986.61"), []);
});

test.run();
