/**
 * The gate: every solution notebook passes under the runner in strict mode; every exercise runs to its end with
 * every check reporting todo; the exercises are exactly what the solutions generate and keep the contract (same
 * ids for solution and check cells). Kernels run through the real tslab protocol, two at a time.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { executeNotebooks, defaultJobs, type NotebookResult } from "../runner";
import { formatFailures } from "../runner";
import { SOLUTIONS, EXERCISES, main as exercisesMain } from "../exercises/cli";
import { type Notebook, tagsOf } from "../exercises/ipynb";
import { CATALOGUE } from "@drills/checks";

const names = CATALOGUE.map((d) => `${d.id}.ipynb`);
// The gate must not write into a candidate's progress log.
const env = { ...process.env, DRILLS_PROGRESS: "0" };
const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
const checkCellIds = (nb: Notebook) => nb.cells.filter((c) => tagsOf(c).includes("check")).map((c) => c.id);

async function runAll(dir: string, strict: boolean): Promise<NotebookResult[]> {
  const jobs = names.map((n) => ({ input: path.join(dir, n), output: "" }));
  return executeNotebooks(jobs, { strict, noWrite: true, env, jobs: defaultJobs(), timeoutSeconds: 300 });
}

test("all nine drills have a solution and an exercise notebook", () => {
  for (const n of names) {
    assert.ok(fs.existsSync(path.join(SOLUTIONS, n)), `missing notebooks/solutions/${n}`);
    assert.ok(fs.existsSync(path.join(EXERCISES, n)), `missing notebooks/exercises/${n}`);
  }
});

test("exercises are generated from the solutions, up to date, with no solution text", async () => {
  const log = console.log;
  console.log = () => undefined;
  try {
    assert.is(await exercisesMain(["--check"]), 0, "npm run exercises -- --check failed (see stderr)");
  } finally {
    console.log = log;
  }
});

test("solution and check cells keep their ids and tags in both versions", () => {
  for (const n of names) {
    const sol = read(path.join(SOLUTIONS, n));
    const ex = read(path.join(EXERCISES, n));
    assert.ok(checkCellIds(sol).length > 0, `${n}: no cell tagged check`);
    assert.equal(checkCellIds(ex), checkCellIds(sol), `${n}: check cells differ`);
    const solutionIds = (nb: Notebook) => nb.cells.filter((c) => tagsOf(c).includes("solution")).map((c) => c.id);
    assert.ok(solutionIds(sol).length > 0, `${n}: no cell tagged solution`);
    assert.equal(solutionIds(ex), solutionIds(sol), `${n}: solution cells differ`);
  }
});

test("every solution notebook passes in strict mode, every check passing", async () => {
  const results = await runAll(SOLUTIONS, true);
  const failed = results.filter((r) => !r.passed);
  assert.ok(failed.length === 0, `solution notebooks failed:\n${formatFailures(failed)}`);
  for (const r of results) {
    const id = path.basename(r.path, ".ipynb");
    assert.ok(r.checks.length > 0, `${id}: no check report was rendered`);
    for (const report of r.checks) {
      assert.is(report.drill, id, `${id}: a check reports drill ${report.drill}`);
      const bad = report.checks.filter((c) => c.status !== "pass");
      assert.ok(bad.length === 0, `${id}: ${bad.map((c) => `${c.name}: ${c.status}`).join("; ")}`);
    }
  }
});

test("every exercise runs to its end and every check cell reports todo", async () => {
  const results = await runAll(EXERCISES, false);
  const failed = results.filter((r) => !r.passed);
  assert.ok(failed.length === 0, `exercise notebooks did not run to the end:\n${formatFailures(failed)}`);
  for (const r of results) {
    const id = path.basename(r.path, ".ipynb");
    const nb = read(r.path);
    const ran = r.cells.length;
    const codeCells = nb.cells.filter((c) => c.cell_type === "code").length;
    assert.is(ran, codeCells, `${id}: ran ${ran} of ${codeCells} code cells`);
    assert.ok(r.checks.length > 0, `${id}: no check report was rendered`);
    for (const report of r.checks) {
      const notTodo = report.checks.filter((c) => c.status !== "todo");
      assert.ok(
        notTodo.length === 0,
        `${id}: expected every check to be todo, got ${notTodo.map((c) => `${c.name}: ${c.status}`).join("; ")}`,
      );
    }
  }
});

test.run();
