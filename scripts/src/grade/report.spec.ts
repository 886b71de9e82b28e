/** Grade reports from a synthetic result: table rows, JUnit structure, HTML sections; and the CLI's arguments. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { GradeReport } from "./grade";
import { gradeHtml, gradeJunit, gradeTable } from "./report";
import { insideAny, parseGradeArgs } from "./cli";

const REPORT: GradeReport = {
  generatedAt: "2026-01-01T00:00:00.000Z",
  hiddenFile: "/secret/hidden.json",
  sandbox: "bwrap",
  timeoutSeconds: 120,
  candidates: [{ name: "c", folder: "c", earned: 9, total: 20, stretch: { earned: 0, total: 0 } }],
  stretch: { earned: 0, total: 0 },
  earned: 9,
  total: 20,
  notebooks: [
    {
      candidate: "c",
      restarts: 0,
      file: "c/01-zscore.ipynb",
      drill: "01-zscore",
      title: "Z-score",
      status: "graded",
      tamper: [{ kind: "edited", cellId: "zscore-check", detail: "check cell zscore-check was changed" }],
      cases: [
        {
          part: "zscore",
          check: "Z-score",
          id: "small",
          name: "small input",
          inKernel: false,
          ms: 12,
          status: "pass",
          hidden: false,
          points: 1,
          earned: 1,
        },
        {
          part: "zscore",
          check: "Z-score",
          id: "hidden-1",
          name: "hidden 1: matches <ref> & more",
          inKernel: false,
          ms: 4,
          status: "fail",
          hidden: true,
          points: 2,
          earned: 0,
          message: "✘ hidden 1\n  Input:    (hidden case)",
        },
        {
          part: "zscore",
          check: "Z-score",
          id: "constant",
          name: "zeros",
          inKernel: false,
          ms: 1,
          status: "todo",
          hidden: false,
          points: 1,
          earned: 0,
        },
      ],
      earned: 9,
      total: 13,
      stretch: { earned: 0, total: 0 },
      problems: [],
      durationMs: 1500,
    },
    {
      candidate: "c",
      restarts: 0,
      file: "",
      drill: "02-impute-median",
      title: "Median imputer",
      status: "missing",
      tamper: [],
      cases: [],
      earned: 0,
      total: 7,
      stretch: { earned: 0, total: 0 },
      problems: ["not submitted"],
      durationMs: 0,
    },
  ],
};

test("table: one row per notebook, totals, and what was lost", () => {
  const t = gradeTable(REPORT);
  const lines = t.split("\n");
  assert.match(lines[0], /^Drill +Score +Pass +Fail +Todo +Hidden +Stretch +Tamper$/);
  assert.match(lines[1], /^01-zscore +9\/13 +69% +1 +1 +1 +0\/1 +— +edited$/);
  assert.match(lines[2], /^02-impute-median +missing +0% +0 +0 +0 +— +— +ok$/);
  assert.match(t, /Kernels sandboxed \(bwrap\)/);
  assert.match(gradeTable({ ...REPORT, sandbox: "none" }), /WARNING: graded without a sandbox/);
  assert.match(t, /Total: 9\/20 \(45%\), hidden cases from \/secret\/hidden\.json/);
  assert.match(
    t,
    /01-zscore:\n  tamper: check cell zscore-check was changed\n  fail: hidden 1: matches <ref> & more \(hidden\)\n  todo: zeros/,
  );
});

test("junit: a suite per notebook, a case per check plus the tamper guard, escaped; todo is skipped, as in the runner's", () => {
  const x = gradeJunit(REPORT);
  assert.is((x.match(/<testsuite /g) ?? []).length, 2);
  assert.match(x, /<testsuite name="01-zscore" tests="4" failures="2" errors="0" skipped="1" time="1\.500"/);
  assert.match(x, /name="hidden 1: matches &lt;ref&gt; &amp; more" time="0\.004">\n +<failure message="✘ hidden 1">/);
  assert.match(x, /name="small input" time="0\.012"\/>/);
  assert.match(x, /name="zeros" time="0\.001">\n +<skipped message="todo"\/>/);
  assert.match(x, /<testsuite name="02-impute-median" tests="2" failures="0" errors="1" skipped="0"/);
  assert.match(x, /name="grading" time="0\.000">\n +<error message="not submitted">/);
  assert.not.match(x, /<ref>/);
});

test("html: summary row per notebook and a section per notebook, escaped", () => {
  const h = gradeHtml(REPORT);
  assert.match(h, /<h1>Drills grade: 9\/20 \(45%\)<\/h1>/);
  assert.match(h, /<b style="color:#cf222e">edited<\/b>/);
  assert.match(h, /<h2>02-impute-median — 0\/7<\/h2>/);
  assert.match(h, /matches &lt;ref&gt; &amp; more <small>\(0\/2, hidden\)<\/small><pre>/);
});

test("cli arguments: inputs, options, and clear errors", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drills-gradeargs-"));
  try {
    const hidden = path.join(dir, "h.json");
    fs.writeFileSync(hidden, "{}");
    assert.equal(parseGradeArgs([dir, "--hidden", hidden, "--report", "r", "--jobs", "2", "--timeout", "30"]), {
      inputs: [dir],
      hidden,
      report: "r",
      jobs: 2,
      timeout: 30,
    });
    assert.throws(() => parseGradeArgs([]), /no candidate notebooks given/);
    assert.throws(() => parseGradeArgs([dir, "--jobs", "0"]), /option --jobs needs a whole number ≥ 1, got "0"/);
    assert.throws(() => parseGradeArgs([dir, "--hidden"]), /option --hidden needs a value/);
    assert.throws(() => parseGradeArgs([path.join(dir, "nope")]), /no such file or folder/);
    assert.throws(() => parseGradeArgs([dir, "--frobnicate"]), /unknown option: --frobnicate/);
    assert.ok(insideAny(hidden, [dir]), "a hidden file inside the candidate's folder is noticed");
    assert.not.ok(insideAny(hidden, [path.join(dir, "..", "elsewhere")]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
