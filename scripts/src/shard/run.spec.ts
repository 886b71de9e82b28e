/**
 * Sharding end to end on real kernels: two trivial notebooks run as two shards and merged give the JUnit one run
 * gives (apart from times); and the grader's cohort options pick each candidate folder in exactly one shard.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseGradeArgs } from "../grade/cli";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { main as merge } from "./cli";

const work = path.join(PROJECT_ROOT, "build", `shard-spec-${process.pid}`);
test.after(() => fs.rmSync(work, { recursive: true, force: true }));

function notebook(file: string, source: string): void {
  const cell = { cell_type: "code", id: "c1", metadata: {}, execution_count: null, outputs: [], source };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      cells: [cell],
    }),
  );
}

const execute = (args: string[]) =>
  spawnSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "dist", "runner", "cli.js"), ...args], {
    cwd: work,
    encoding: "utf8",
  });
const stripTimes = (xml: string) => xml.replace(/ time="[^"]*"/g, ' time="T"');

test("execute --shard 1/2 and 2/2, merged, equal one run apart from times; an empty shard passes", () => {
  notebook(path.join(work, "nbs", "one.ipynb"), "1 + 1");
  notebook(path.join(work, "nbs", "two.ipynb"), 'throw new Error("two fails on purpose")');
  const single = execute(["--jobs", "2", "--out", "out", "--junit", "all.xml", "nbs"]);
  assert.is(single.status, 1, single.stderr);
  for (const i of [1, 2]) {
    const r = execute(["--jobs", "1", "--out", "out", "--junit", `s${i}/junit.xml`, "--shard", `${i}/2`, "nbs"]);
    assert.is(r.status, i === 1 ? 0 : 1, r.stdout + r.stderr);
    assert.match(r.stdout, "1 notebook:");
  }
  const empty = execute(["--out", "out-3", "--junit", "s3/junit.xml", "--shard", "3/3", "nbs"]);
  assert.is(empty.status, 0, empty.stdout + empty.stderr);
  assert.is(
    merge(
      ["--out", path.join(work, "merged"), path.join(work, "s1"), path.join(work, "s2"), path.join(work, "s3")],
      () => {},
    ),
    0,
  );
  const merged = fs.readFileSync(path.join(work, "merged", "junit.xml"), "utf8");
  assert.is(stripTimes(merged), stripTimes(fs.readFileSync(path.join(work, "all.xml"), "utf8")));
  assert.match(merged, "two fails on purpose");
});

test("execute: a bad --shard or --durations without --shard is a usage error naming the input", () => {
  const bad = execute(["--shard", "3/2", "nbs"]);
  assert.is(bad.status, 2);
  assert.match(bad.stderr, '--shard: expected I/N with 1 ≤ I ≤ N (e.g. 2/4), got "3/2"');
  const lone = execute(["--durations", "all.xml", "nbs"]);
  assert.is(lone.status, 2);
  assert.match(lone.stderr, "--durations: only meaningful with --shard I/N");
});

test("grade --cohort/--shard: each candidate folder in exactly one shard, list comments and blanks ignored", () => {
  const names = ["ann", "bob", "cy", "dee", "eve"];
  for (const n of names) fs.mkdirSync(path.join(work, "cohort", n), { recursive: true });
  const list = path.join(work, "cohort", "list.txt");
  fs.writeFileSync(list, `# cohort of ${names.length}\n${names.slice(0, 4).join("\n")}\n\n`);
  const cwd = process.cwd();
  process.chdir(work);
  try {
    const picked = [1, 2, 3].flatMap(
      (i) => parseGradeArgs(["--cohort", list, "cohort/eve/", "--shard", `${i}/3`]).cohort!,
    );
    assert.equal(
      picked.sort(),
      names.map((n) => `cohort/${n}`),
    );
    assert.equal(
      parseGradeArgs(["--cohort", list]).cohort,
      names.slice(0, 4).map((n) => `cohort/${n}`),
    );
    assert.throws(
      () => parseGradeArgs(["--shard", "1/2", "cohort/nobody"]),
      /candidate cohort\/nobody: expected a folder/,
    );
    assert.throws(() => parseGradeArgs(["--durations", "x.json", "cohort/ann"]), /only meaningful with --shard/);
  } finally {
    process.chdir(cwd);
  }
});

test.run();
