/**
 * The grader end to end, on real tslab kernels: the drill 01 solution scores full marks; the exercise with a wrong
 * answer typed in (sample std) scores exactly the cases that answer can pass; a tampered copy is flagged and graded
 * with the original check cells; the candidate's progress log is never written.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Notebook } from "../runner/notebook";
import { gradeNotebooks, PROJECT_ROOT, type GradeReport } from "./grade";
import { gradeJunit, gradeTable, writeReports } from "./report";
import { zscoreDrill } from "@drills/checks";

// One point per public case of drill 01, plus the sample file's hidden cases: 1, 2, 4, 5 (1 point each), 3 (2).
const TOTAL = zscoreDrill.cases.length + 6;
// Sample std is off by √(n/(n−1)): that loses the cases listed in the known-bad test, 5 points.
const SAMPLE_STD_EARNS = TOTAL - 5;

const SOLUTION = path.join(PROJECT_ROOT, "notebooks", "solutions", "01-zscore.ipynb");
const HIDDEN = path.join(PROJECT_ROOT, "grading", "hidden.sample.json");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "drills-grade-"));
const log = path.join(tmp, "progress.jsonl");

/** Sample std (n − 1) with the zero guard and validation: wrong only in the divisor. */
const SAMPLE_STD = `function zscore(x: tf.Tensor1D): tf.Tensor1D {
  if (!(x instanceof tf.Tensor) || x.rank !== 1 || x.size === 0) throw new ValueError(\`x: expected a non-empty 1-D tensor\`);
  return tf.tidy(() => {
    const m = tf.mean(x);
    const s = tf.sqrt(tf.div(tf.sum(tf.square(tf.sub(x, m))), x.size - 1));
    return tf.where(tf.equal(s, 0), tf.zerosLike(x), tf.div(tf.sub(x, m), s)) as tf.Tensor1D;
  });
}`;

function candidate(name: string, edit: (nb: Notebook) => void): string {
  const nb: Notebook = JSON.parse(fs.readFileSync(SOLUTION, "utf8"));
  edit(nb);
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "01-zscore.ipynb"), JSON.stringify(nb));
  return path.join(dir, "01-zscore.ipynb");
}
const cell = (nb: Notebook, id: string) => nb.cells.find((c) => c.id === id)!;

let report: GradeReport;

test.before(async () => {
  process.env.DRILLS_PROGRESS_FILE = log;
  const good = candidate("good", () => {});
  const bad = candidate("bad", (nb) => {
    cell(nb, "zscore-solution").source = SAMPLE_STD;
  });
  // Wrong answer, plus a tampered check cell and an extra cell that checks a reference instead.
  const tampered = candidate("tampered", (nb) => {
    cell(nb, "zscore-solution").source = SAMPLE_STD;
    cell(nb, "zscore-check").source = "// await checkZscore(zscore);";
    const i = nb.cells.findIndex((c) => c.id === "zscore-check");
    nb.cells.splice(i + 1, 0, { id: "mine", cell_type: "code", metadata: {}, outputs: [], execution_count: null, source: "await checkZscore((x) => tf.tidy(() => { const { mean, variance } = tf.moments(x); return tf.div(tf.sub(x, mean), tf.sqrt(variance)) as tf.Tensor1D; }));" });
  });
  report = await gradeNotebooks([good, bad, tampered], { hiddenFile: HIDDEN, jobs: 3, executedDir: path.join(tmp, "executed") });
});

test("known-good: the solution earns every point, public and hidden", () => {
  const g = report.notebooks[0];
  assert.is(g.status, "graded", g.problems.join("\n"));
  assert.equal(g.tamper, []);
  assert.is(g.total, TOTAL);
  assert.is(g.earned, TOTAL, gradeTable(report));
  assert.is(g.cases.filter((c) => c.hidden).length, 5);
});

test("known-bad: sample std loses exactly the cases that compare values at small n", () => {
  const g = report.notebooks[1];
  const lost = g.cases.filter((c) => c.status !== "pass").map((c) => c.name);
  // With n − 1 the output is off by √(n/(n−1)): visible at n = 4, on the numpy fixtures, in the random-input
  // property and both hidden reference cases; invisible in the n = 20000 std checks (0.99997 within 1e-3), the
  // zeros and the validation.
  assert.equal(lost, [
    "matches (x − mean) / std on a small input",
    "matches numpy on the parity fixtures",
    "property: matches the float64 reference on random inputs",
    "hidden 1: matches the float64 reference",
    "hidden 2: matches the float64 reference",
  ]);
  assert.equal([g.earned, g.total], [SAMPLE_STD_EARNS, TOTAL]);
  assert.match(g.cases.find((c) => c.name.startsWith("hidden 1"))!.message!, /Input: +\(hidden case\)/);
});

test("tampered: edited and added check cells are flagged, and the original checks decide the score", () => {
  const g = report.notebooks[2];
  assert.equal(g.tamper.map((t) => [t.kind, t.cellId]), [["edited", "zscore-check"], ["added", "mine"]]);
  assert.equal([g.earned, g.total], [SAMPLE_STD_EARNS, TOTAL], "same as the untampered wrong answer: the reference's pass does not count");
  assert.match(gradeTable(report), /edited, added/);
  assert.match(gradeJunit(report), /<testcase classname="01-zscore" name="tamper guard" time="0\.000">\n +<failure message="edited, added">/);
});

test("reports are written, executed notebooks kept, and the candidate's progress log untouched", () => {
  const files = writeReports(report, path.join(tmp, "report"));
  assert.equal(files.map((f) => path.basename(f)), ["grade.json", "grade.junit.xml", "grade.html"]);
  assert.is(JSON.parse(fs.readFileSync(files[0], "utf8")).earned, TOTAL + 2 * SAMPLE_STD_EARNS);
  assert.equal(fs.readdirSync(path.join(tmp, "executed")).sort(), ["01-zscore-2.ipynb", "01-zscore-3.ipynb", "01-zscore.ipynb"]);
  assert.not.ok(fs.existsSync(log), "grading must not write the progress log");
  assert.is(fs.readdirSync(path.join(PROJECT_ROOT, "build", "grade-work")).filter((d) => d.startsWith(`${process.pid}-`)).length, 0, "staged copies are removed");
});

test.after(() => {
  delete process.env.DRILLS_PROGRESS_FILE;
  fs.rmSync(tmp, { recursive: true, force: true });
});

test.run();
