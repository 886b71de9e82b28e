/**
 * The grader end to end, on real tslab kernels, with drill 01: the model answer earns every point; a wrong answer
 * loses exactly the cases its bug shows in; and every cheat of the catalogue (cheats.ts) scores no more than the
 * untouched exercise (a redirect: no more than the same answer without it), damages nothing and leaves no process.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Notebook } from "../runner/notebook";
import { gradeNotebooks, PROJECT_ROOT, type GradeReport, type NotebookGrade } from "./grade";
import { gradeJunit, gradeTable } from "./report";
import { possiblePoints } from "./verdicts";
import { readHiddenFile } from "@drills/checks/grading";
import { CHEATS, HARDCODED } from "./cheats";
import { sandboxAvailable } from "../sandbox/sandbox";

/** Graded in the sandbox where bubblewrap runs (CI installs it); elsewhere with --no-sandbox, said in the output. */
const SANDBOX = sandboxAvailable().available;
if (!SANDBOX) console.log(`  grading without a sandbox: ${sandboxAvailable().reason}`);

const SOLUTION = path.join(PROJECT_ROOT, "notebooks", "solutions", "01-zscore.ipynb");
const EXERCISE = path.join(PROJECT_ROOT, "notebooks", "exercises", "01-zscore.ipynb");
const ORACLE = path.join(PROJECT_ROOT, "checks", "dist", "drills", "01-zscore", "oracle.js");
const KERNEL = path.join(PROJECT_ROOT, "checks", "dist", "kernel.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "drills-grade-"));
const HIDDEN = path.join(tmp, "hidden.json");
const log = path.join(tmp, "progress.jsonl");

/** Sample std (n − 1) with the constant guard and validation: wrong only in the divisor. */
const SAMPLE_STD = `function zscore(x: tf.Tensor1D): tf.Tensor1D {
  if (!(x instanceof tf.Tensor) || x.rank !== 1 || x.size === 0) throw new ValueError(\`x: expected a non-empty 1-D tensor\`);
  return tf.tidy(() => {
    const m = tf.mean(x);
    const s = tf.sqrt(tf.div(tf.sum(tf.square(tf.sub(x, m))), x.size - 1));
    return tf.where(tf.equal(tf.max(x), tf.min(x)), tf.zerosLike(x), tf.div(tf.sub(x, m), s)) as tf.Tensor1D;
  });
}`;

const read = (f: string): Notebook => JSON.parse(fs.readFileSync(f, "utf8"));

function candidate(
  name: string,
  from: string,
  edit: (nb: Notebook) => void = () => {},
  file = "01-zscore.ipynb",
): string {
  const nb = read(from);
  edit(nb);
  const dir = path.join(tmp, "candidates", name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), JSON.stringify(nb));
  return dir;
}
const setAnswer = (source: string) => (nb: Notebook) => {
  nb.cells.find((c) => c.id === "zscore-solution")!.source = source;
};
const sha = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const lingering = () =>
  execFileSync("ps", ["-eo", "args"], { encoding: "utf8" })
    .split("\n")
    .filter((l) => /^sleep 1000$/.test(l.trim()) || (l.includes("tslab") && l.includes("grade-work")));

let report: GradeReport;
let before: { hidden: string; oracle: string; kernel: string };
const zscoreOf = (name: string): NotebookGrade =>
  report.notebooks.find((g) => path.basename(g.candidate) === name && g.drill === "01-zscore")!;

test.before(async () => {
  process.env.DRILLS_PROGRESS_FILE = log;
  const sample = readHiddenFile(path.join(PROJECT_ROOT, "grading", "hidden.sample.json"), "01-zscore");
  fs.writeFileSync(HIDDEN, JSON.stringify({ version: 1, drills: { "01-zscore": sample.drills["01-zscore"] } }));
  before = { hidden: sha(HIDDEN), oracle: sha(ORACLE), kernel: sha(KERNEL) };
  const dirs = [
    candidate("solution", SOLUTION),
    // A drill of several parts, core and stretch: each part is its own request to the same kernel.
    candidate(
      "solution-08",
      path.join(PROJECT_ROOT, "notebooks", "solutions", "08-metrics-design.ipynb"),
      () => {},
      "08-metrics-design.ipynb",
    ),
    candidate("exercise", EXERCISE),
    candidate("sample-std", EXERCISE, setAnswer(SAMPLE_STD)),
    candidate("hardcoded", EXERCISE, setAnswer(HARDCODED)),
    // Wrong answer, plus a tampered check cell and an extra cell that checks a reference instead.
    candidate("tampered", EXERCISE, (nb) => {
      setAnswer(SAMPLE_STD)(nb);
      nb.cells.find((c) => c.id === "zscore-check")!.source = "// await checkZscore(zscore);";
      const i = nb.cells.findIndex((c) => c.id === "zscore-check");
      nb.cells.splice(i + 1, 0, {
        id: "mine",
        cell_type: "code",
        metadata: {},
        outputs: [],
        execution_count: null,
        source:
          "await checkZscore((x: tf.Tensor1D) => tf.tidy(() => { const { mean, variance } = tf.moments(x); return tf.div(tf.sub(x, mean), tf.sqrt(variance)) as tf.Tensor1D; }));",
      });
    }),
    ...CHEATS.map((c, i) => candidate(`cheat-${i + 1}`, EXERCISE, c.edit)),
  ];
  report = await gradeNotebooks(dirs, {
    hiddenFile: HIDDEN,
    jobs: 2,
    timeoutSeconds: 20,
    executedDir: path.join(tmp, "executed"),
  });
});

test("the model answer earns every point; totals come from the registry and the hidden file", () => {
  const g = zscoreOf("solution");
  const total = possiblePoints("01-zscore", readHiddenFile(HIDDEN)).core;
  assert.is(g.status, "graded", g.problems.join("\n"));
  assert.equal([g.earned, g.total], [total, total], gradeTable(report));
  assert.is(g.cases.filter((c) => c.hidden).length, 5);
  assert.ok(
    g.cases.some((c) => c.inKernel) && g.cases.filter((c) => c.inKernel).length * 2 < g.cases.length,
    "in-kernel cases are a minority",
  );
});

test("every part of a multi-part drill is judged, core in the grade and stretch beside it; the self-check never counts", () => {
  const g = report.notebooks.find((x) => x.candidate.endsWith("solution-08") && x.drill === "08-metrics-design")!;
  const possible = possiblePoints("08-metrics-design", readHiddenFile(HIDDEN));
  assert.equal(
    [g.earned, g.total, g.stretch.earned, g.stretch.total],
    [possible.core, possible.core, possible.stretch, possible.stretch],
    gradeTable(report),
  );
  assert.ok(g.stretch.total > 0 && new Set(g.cases.map((c) => c.part)).size >= 3);
  assert.not.ok(
    g.cases.some((c) => c.part === "answer"),
    "the written answer's keyword rubric is a self-check, never scored",
  );
});

test("the untouched exercise earns nothing, every case todo", () => {
  const g = zscoreOf("exercise");
  assert.is(g.earned, 0);
  assert.ok(
    g.cases.every((c) => c.status === "todo"),
    gradeTable(report),
  );
});

test("a wrong answer (sample std) loses exactly the cases that compare values at small n", () => {
  const g = zscoreOf("sample-std");
  assert.equal(
    g.cases.filter((c) => c.status !== "pass").map((c) => c.id),
    ["small", "numpy-parity", "property-reference", "hidden-1", "hidden-2"],
  );
  assert.match(g.cases.find((c) => c.id === "hidden-1")!.message!, /Input: +\(hidden case\)/);
});

test("tampered: edited and added check cells are flagged; the score is the same answer's without them", () => {
  const g = zscoreOf("tampered");
  assert.equal(
    g.tamper.map((t) => [t.kind, t.cellId]),
    [
      ["edited", "zscore-check"],
      ["added", "mine"],
    ],
  );
  assert.is(g.earned, zscoreOf("sample-std").earned, "a reference checked in an extra cell earns nothing");
  assert.match(gradeTable(report), /edited, added/);
  assert.match(
    gradeJunit(report),
    /<testcase classname="[^"]*tampered › 01-zscore" name="tamper guard" time="0\.000">\n +<failure message="edited, added">/,
  );
});

for (const [i, cheat] of CHEATS.entries()) {
  test(`cheat ${i + 1}: ${cheat.name} — scores no more than ${cheat.baseline === "hardcoded" ? "the same answer without it" : "the untouched exercise"}`, () => {
    if (cheat.sandboxOnly && !SANDBOX) {
      console.log(`  skipped: "${cheat.name}" needs the sandbox (${sandboxAvailable().reason})`);
      return;
    }
    const g = zscoreOf(`cheat-${i + 1}`);
    const baseline = zscoreOf(cheat.baseline === "hardcoded" ? "hardcoded" : "exercise");
    assert.ok(
      g.earned <= baseline.earned,
      `${g.earned} > ${baseline.earned}:\n${g.cases.map((c) => `${c.status} ${c.id}`).join("\n")}\n${g.problems.join("\n")}`,
    );
    assert.is(g.total, baseline.total, "a notebook cannot change its own total");
  });
}

test("the shareable run holds the candidate's own cells only: no hidden input, no grading request", () => {
  for (const g of report.notebooks.filter((x) => x.executed)) {
    const nb = JSON.parse(fs.readFileSync(g.executed!, "utf8")) as Notebook;
    // The grader's requests never run as cells of this notebook, and their outcome lines never land in it.
    const outputs = JSON.stringify(nb.cells.map((c) => c.outputs ?? []));
    assert.not.match(outputs, /[0-9a-f]{18} \d+ \{\\?"kind/, `${g.executed} shows an outcome line`);
    assert.not.match(outputs, /hidden\.json|\\?"property\\?"/, `${g.executed} shows the hidden cases`);
    assert.not.ok(
      nb.cells.some((c) =>
        []
          .concat(c.source as never)
          .join("")
          .includes("grader.serve("),
      ),
      "no grading request cell",
    );
  }
});

test("nothing is damaged and nothing is left behind", () => {
  assert.is(sha(HIDDEN), before.hidden, "the hidden file is unchanged");
  assert.is(sha(ORACLE), before.oracle, "the installed oracle is unchanged");
  assert.is(sha(KERNEL), before.kernel, "the installed kernel half is unchanged");
  assert.not.ok(fs.existsSync(log), "grading must not write the progress log");
  assert.equal(lingering(), [], "no kernel or child process survives grading");
  const work = path.join(PROJECT_ROOT, "build", "grade-work");
  assert.equal(
    fs.existsSync(work) ? fs.readdirSync(work).filter((d) => d.startsWith(`${process.pid}-`)) : [],
    [],
    "staged copies are removed",
  );
});

test.after(() => {
  delete process.env.DRILLS_PROGRESS_FILE;
  fs.rmSync(tmp, { recursive: true, force: true });
});

test.run();
