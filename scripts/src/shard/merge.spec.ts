/**
 * Merging shards' reports: the merged JUnit and grade report equal one run's apart from timings, for every way of
 * splitting; conflicting inputs (a part given twice, different hidden cases, a foreign file) are refused by name.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { NotebookResult } from "../runner/execute";
import { toJunit } from "../runner/junit";
import type { GradeReport, NotebookGrade } from "../grade/grade";
import { candidateTotals } from "../grade/cohort";
import { gradeHtml, gradeJunit } from "../grade/report";
import { partition } from "./shard";
import { mergeGrades, mergeRunnerJunit, MergeError, parseRunnerJunit } from "./merge";
import { durationsFromGrade, durationsFromJunit, readDurations } from "./durations";
import { main } from "./cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "drills-merge-"));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function result(p: string, ms: number, passed = true): NotebookResult {
  return {
    path: p,
    passed,
    failures: passed ? [] : [{ kind: "cell-error", message: 'ValueError: x: expected <1-D> & "non-empty"\nline 2' }],
    cells: [],
    checks: [
      {
        drill: "zscore",
        checks: [
          { name: "scale & shift", status: "pass" },
          { name: "constant <input>", status: passed ? "pass" : "fail", message: 'expected 0, got "NaN"' },
          { name: "later", status: "todo", message: "not yet" },
        ],
      },
    ],
    durationMs: ms,
    startupMs: 0,
    busyMs: 0,
    droppedMessages: 0,
  } as unknown as NotebookResult;
}

const PATHS = ["nb/a.ipynb", "nb/b.ipynb", "nb/c.ipynb", "nb/d & e.ipynb", "nb/f.ipynb"];
const stripTimes = (xml: string) => xml.replace(/ time="[^"]*"/g, ' time="T"');

test("runner JUnit: the merged shards equal one run apart from times, for 1 to 6 shards", () => {
  const single = toJunit(
    PATHS.map((p, i) => result(p, 1000 + i, i !== 2)),
    9000,
  );
  for (let n = 1; n <= 6; n++) {
    const shards = partition(PATHS, n).map((part, s) => ({
      source: `shard${s + 1}.xml`,
      xml: toJunit(
        part.map((p) => result(p, 77 + s, p !== "nb/c.ipynb")),
        3000 + s,
      ),
    }));
    assert.is(stripTimes(mergeRunnerJunit(shards)), stripTimes(single), `N=${n}`);
  }
});

test("runner JUnit reads back exactly what was written (escaping, failures, skipped)", () => {
  const results = PATHS.map((p, i) => result(p, 1000 * i, i % 2 === 0));
  const xml = toJunit(results, 1234);
  const parsed = parseRunnerJunit(xml);
  assert.is(parsed.wallMs, 1234);
  assert.is(toJunit(results, 1234), xml);
  assert.equal(durationsFromJunit(xml).get("nb/d & e.ipynb"), 3000);
});

test("runner JUnit: a notebook in two shards, a foreign file and checks without a notebook are refused", () => {
  const one = toJunit([result("nb/a.ipynb", 1)], 1);
  assert.throws(
    () =>
      mergeRunnerJunit([
        { source: "s1", xml: one },
        { source: "s2", xml: one },
      ]),
    /nb\/a\.ipynb is in both s1 and s2/,
  );
  assert.throws(
    () => mergeRunnerJunit([{ source: "grade.junit.xml", xml: '<testsuites name="drills grade"></testsuites>' }]),
    (e: Error) => e instanceof MergeError && /grade\.junit\.xml: not the runner's JUnit/.test(e.message),
  );
  const orphan =
    '<testsuites name="drills notebooks" time="1"><testsuite><testcase classname="x › zscore" name="c" time="0"/></testsuite></testsuites>';
  assert.throws(() => mergeRunnerJunit([{ source: "o.xml", xml: orphan }]), /before any notebook/);
});

function grade(candidate: string, drill: string, earned: number, ms: number): NotebookGrade {
  return {
    file: `${candidate}/${drill}.ipynb`,
    candidate,
    drill,
    title: `Drill ${drill}`,
    status: "graded",
    tamper: drill === "02" ? [{ kind: "edited", detail: "check cell <2> edited" } as never] : [],
    cases: [
      {
        check: "checkX",
        name: `case of ${drill}`,
        status: earned ? "pass" : "fail",
        points: 1,
        earned,
        hidden: false,
        message: earned ? undefined : "wrong & <late>",
      } as never,
    ],
    earned,
    total: 1,
    stretch: { earned: 0, total: 0 },
    problems: [],
    restarts: 0,
    durationMs: ms,
  };
}

function cohortReport(candidates: string[], ms: number, at: string): GradeReport {
  const notebooks = candidates.flatMap((c, i) => ["01", "02"].map((d, j) => grade(c, d, (c.length + j) % 2, ms + i)));
  return {
    generatedAt: at,
    hiddenFile: "/h.json",
    sandbox: "bubblewrap",
    timeoutSeconds: 120,
    candidates: candidateTotals(notebooks),
    notebooks,
    earned: notebooks.reduce((n, g) => n + g.earned, 0),
    total: notebooks.length,
    stretch: { earned: 0, total: 0 },
  };
}

const timeless = (r: GradeReport) =>
  JSON.parse(JSON.stringify(r, (k, v) => (k === "durationMs" || k === "generatedAt" ? undefined : v)));

test("grade.json: merged shards equal one cohort run apart from timings; HTML and JUnit rendered from it agree", () => {
  const cohort = ["cohort/ann", "cohort/bob", "cohort/cy", "cohort/dee", "cohort/eve"];
  const single = cohortReport(cohort, 5000, "2026-12-02T10:00:00.000Z");
  for (let n = 1; n <= 5; n++) {
    const shards = partition(cohort, n).map((part, s) => ({
      source: `s${s}/grade.json`,
      report: cohortReport(part, 100 * s, `2026-12-02T11:0${s}:00.000Z`),
    }));
    const merged = mergeGrades([...shards].reverse());
    assert.equal(timeless(merged), timeless(single), `N=${n}`);
    const noStamp = (s: string) => s.replace(/Generated [^.]+\.\d+Z/, "Generated T").replace(/ time="[^"]*"/g, "");
    assert.is(noStamp(gradeHtml(merged)), noStamp(gradeHtml(single)));
    assert.is(noStamp(gradeJunit(merged)), noStamp(gradeJunit(single)));
  }
});

test("grade.json: a candidate in two shards, or different hidden-case files, cannot be merged", () => {
  const a = cohortReport(["cohort/ann"], 1, "t");
  assert.throws(
    () =>
      mergeGrades([
        { source: "s1", report: a },
        { source: "s2", report: a },
      ]),
    /cohort\/ann 01 is in both s1 and s2/,
  );
  const b = { ...cohortReport(["cohort/bob"], 1, "t"), hiddenFile: "/other.json" };
  assert.throws(
    () =>
      mergeGrades([
        { source: "s1", report: a },
        { source: "s2", report: b },
      ]),
    /different hidden-case files/,
  );
  assert.throws(() => mergeGrades([{ source: "x.json", report: {} as GradeReport }]), /x\.json: not a grade\.json/);
});

test("durations from grade.json: per notebook and per candidate (the sum)", () => {
  const d = durationsFromGrade(cohortReport(["cohort/ann", "cohort/bob"], 1000, "t"));
  assert.is(d.get("cohort/ann"), 2000);
  assert.is(d.get("cohort/bob"), 2002);
  assert.is(d.get("cohort/bob/02.ipynb"), 1001);
  const bad = path.join(tmp, "bad.txt");
  fs.writeFileSync(bad, "nonsense");
  assert.throws(() => readDurations(bad), /bad\.txt is neither JUnit XML .* nor a grade\.json/);
  assert.throws(() => readDurations(path.join(tmp, "absent.xml")), /--durations: cannot read/);
});

test("npm run merge: folders in, one junit.xml and grade.json/.junit.xml/.html out; bad invocations exit 2", () => {
  const cohort = ["cohort/ann", "cohort/bob"];
  const dirs = cohort.map((c, i) => {
    const d = path.join(tmp, `shard${i}`);
    fs.mkdirSync(d, { recursive: true });
    const report = cohortReport([c], 10, "t");
    fs.mkdirSync(path.join(d, "notebooks", c), { recursive: true });
    fs.writeFileSync(path.join(d, "notebooks", c, "01.ipynb"), `executed ${c}`);
    report.notebooks[0].executed = path.join(d, "notebooks", c, "01.ipynb");
    fs.writeFileSync(path.join(d, "grade.json"), JSON.stringify(report));
    fs.writeFileSync(path.join(d, "grade.junit.xml"), '<testsuites name="drills grade"></testsuites>');
    fs.writeFileSync(path.join(d, "run.xml"), toJunit([result(`nb/${i}.ipynb`, 5)], 5));
    return d;
  });
  const out = path.join(tmp, "merged");
  const said: string[] = [];
  assert.is(
    main(["--out", out, ...dirs], (s) => said.push(s)),
    0,
    said.join("\n"),
  );
  assert.equal(fs.readdirSync(out).sort(), ["grade.html", "grade.json", "grade.junit.xml", "junit.xml", "notebooks"]);
  const merged = JSON.parse(fs.readFileSync(path.join(out, "grade.json"), "utf8")) as GradeReport;
  assert.is(
    merged.notebooks[0].executed,
    path.join(out, "notebooks", "cohort/ann", "01.ipynb"),
    "executed copies live in the merged folder",
  );
  assert.is(fs.readFileSync(merged.notebooks[0].executed!, "utf8"), "executed cohort/ann");
  assert.equal(
    merged.candidates!.map((c) => c.name),
    cohort,
  );
  assert.is(
    parseRunnerJunit(fs.readFileSync(path.join(out, "junit.xml"), "utf8")).cases.filter(
      (c) => c.classname === "notebooks",
    ).length,
    2,
  );
  assert.is(
    main(["--out", out, dirs[0], dirs[0]], (s) => said.push(s)),
    1,
  );
  assert.match(said[said.length - 1], /is in both/);
  assert.is(
    main([dirs[0]], () => {}),
    2,
  );
  assert.is(
    main(["--out", out], () => {}),
    2,
  );
  assert.is(
    main(["--out", out, path.join(tmp, "nope")], (s) => said.push(s)),
    1,
  );
  assert.match(said[said.length - 1], /no such file or folder/);
});

test.run();
