/**
 * Ctrl-C while grading: the grader exits 130 at once, says so, and leaves no kernel (nor anything the kernel
 * started) and no staged copy behind — the candidate's cell is spinning in `while (true) {}` when the signal comes.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_ROOT } from "./grade";

const GRADE = path.join(PROJECT_ROOT, "scripts", "dist", "grade", "cli.js");
const EXERCISE = path.join(PROJECT_ROOT, "notebooks", "exercises", "01-zscore.ipynb");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Processes whose command line holds `marker`. */
function processesWith(marker: string): number[] {
  return fs
    .readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        return fs.readFileSync(`/proc/${e}/cmdline`, "utf8").includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

test("SIGINT mid-cell: exit 130, no kernel, no child, no staged copy", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "drills-grade-int-"));
  const dir = path.join(tmp, "spinner");
  fs.mkdirSync(dir);
  const nb = JSON.parse(fs.readFileSync(EXERCISE, "utf8"));
  const marker = `spin-${process.pid}`;
  // A child that would outlive a careless kernel, then a cell that never ends.
  nb.cells.splice(2, 0, {
    cell_type: "code",
    id: "spin",
    metadata: {},
    outputs: [],
    execution_count: null,
    source: `require("child_process").spawn("sh", ["-c", "sleep 1000; echo ${marker}"], { detached: true, stdio: "ignore" }).unref();\nwhile (true) {}`,
  });
  fs.writeFileSync(path.join(dir, "01-zscore.ipynb"), JSON.stringify(nb));
  const grader = spawn(process.execPath, [GRADE, dir, "--report", path.join(tmp, "report"), "--timeout", "600"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  grader.stderr.on("data", (c) => (stderr += c));
  const exit = new Promise<number | null>((resolve) => grader.once("exit", (code) => resolve(code)));
  for (let i = 0; i < 600 && processesWith(marker).length === 0; i++) await sleep(100);
  if (processesWith(marker).length === 0) grader.kill("SIGKILL");
  assert.ok(processesWith(marker).length > 0, `the candidate's cell ran\n${stderr}`);
  await sleep(500);
  const work = path.join(PROJECT_ROOT, "build", "grade-work");
  const staged = fs.existsSync(work) ? fs.readdirSync(work).filter((d) => d.startsWith(`${grader.pid}-`)) : [];
  assert.is(staged.length, 1, "the grader staged the candidate's notebook");
  grader.kill("SIGINT");
  assert.is(await exit, 130, stderr);
  assert.match(stderr, /interrupted/);
  for (let i = 0; i < 50 && processesWith(marker).length; i++) await sleep(100);
  assert.equal(processesWith(marker), [], "nothing the kernel started survives");
  assert.equal(processesWith(path.join(work, staged[0])), [], "no kernel survives");
  assert.not.ok(fs.existsSync(path.join(work, staged[0])), "the staged copy is removed");
  fs.rmSync(tmp, { recursive: true, force: true });
});

test.run();
