/**
 * Socket-level tests against a fake kernel (testing/fake-kernel.ts) that sends a forged, badly signed reply and
 * stream before each real one: the runner must ignore the forgeries and count them.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { executeNotebook } from "./execute";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fake-kernel-spec-"));
const kernelDir = path.join(tmp, "share", "kernels", "fake");
fs.mkdirSync(kernelDir, { recursive: true });
fs.writeFileSync(
  path.join(kernelDir, "kernel.json"),
  JSON.stringify({
    argv: [process.execPath, path.join(__dirname, "testing", "fake-kernel.js"), "{connection_file}"],
    display_name: "Fake",
    language: "none",
  }),
);
const env = { ...process.env, JUPYTER_PATH: path.join(tmp, "share") };

function notebook(name: string, sources: string[]): string {
  const file = path.join(tmp, name);
  const cells = sources.map((source, i) => ({
    cell_type: "code",
    id: `cell-${i}`,
    metadata: {},
    source,
    outputs: [],
    execution_count: null,
  }));
  fs.writeFileSync(
    file,
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "fake", display_name: "Fake" } },
      cells,
    }),
  );
  return file;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test("forged replies and outputs are dropped and counted; only signed messages decide", async () => {
  const result = await executeNotebook(notebook("forged.ipynb", ["print-me", "fail"]), { env, allowErrors: true });
  assert.equal(
    result.cells.map((c) => c.status),
    ["ok", "error"],
    "the forged 'ok' for the failing cell was not trusted",
  );
  const outputs = result.notebook!.cells.flatMap((c) => c.outputs ?? []);
  assert.not.ok(JSON.stringify(outputs).includes("FORGED"));
  assert.ok(JSON.stringify(outputs).includes("print-me"));
  assert.ok(result.droppedMessages >= 4, `dropped ${result.droppedMessages}`);
  assert.is(result.failures[0].cell?.evalue, "real failure");
});

test("a kernel that never replies hits the timeout, is interrupted, and nothing is left running", async () => {
  const started = Date.now();
  const result = await executeNotebook(notebook("hang.ipynb", ["hang", "never"]), { env, timeoutSeconds: 1 });
  assert.ok(Date.now() - started < 15_000, "the runner did not hang");
  assert.equal(
    result.cells.map((c) => c.status),
    ["timeout"],
  );
  assert.is(result.failures[0].kind, "timeout");
  assert.not.ok(alive(result.kernelPid!));
});

test("aborting (Ctrl-C in the CLI) ends the running cell as interrupted and never reports a pass", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1500);
  const result = await executeNotebook(notebook("aborted.ipynb", ["hang"]), { env, signal: controller.signal });
  assert.not.ok(result.passed);
  assert.equal(
    result.cells.map((c) => c.status),
    ["interrupted"],
  );
  const early = new AbortController();
  early.abort();
  const before = await executeNotebook(notebook("never.ipynb", ["print-me"]), { env, signal: early.signal });
  assert.equal([before.passed, before.failures[0].kind], [false, "interrupted"]);
  assert.not.ok(alive(result.kernelPid!));
});

test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
test.run();
