/**
 * The fixture notebooks are ordinary Jupyter notebooks: the real Jupyter client (nbconvert → nbclient) executes
 * the passing ones with the project's kernelspec and fails on the failing one, as the runner does.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { kernelEnv } from "../kernelspec/kernelspec";
import { fixture } from "./testing/fixtures";

const jupyter = spawnSync("jupyter", ["nbconvert", "--version"], { encoding: "utf8" });
const missing = jupyter.error || jupyter.status !== 0 ? "jupyter not installed" : undefined;
const out = fs.mkdtempSync(path.join(os.tmpdir(), "runner-nbconvert-"));

function nbconvert(input: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      "jupyter",
      ["nbconvert", "--to", "notebook", "--execute", "--output-dir", out, "--output", path.basename(input), input],
      {
        env: kernelEnv(),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

test("jupyter nbconvert --execute runs the passing fixtures and fails the failing one", async () => {
  if (missing) return console.log(`  skipped: ${missing}`);
  const [basic, compute, throws] = await Promise.all(
    ["pass/basic.ipynb", "pass/compute.ipynb", "faults/throws.ipynb"].map((f) => nbconvert(fixture(f))),
  );
  assert.is(basic.code, 0, basic.output);
  assert.is(compute.code, 0, compute.output);
  assert.is.not(throws.code, 0);
  const executed = JSON.parse(fs.readFileSync(path.join(out, "basic.ipynb"), "utf8"));
  assert.match(JSON.stringify(executed.cells[1].outputs), "hello");
});

test.after(() => fs.rmSync(out, { recursive: true, force: true }));
test.run();
