import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { Writable } from "node:stream";
import { DEFAULT_OUT_DIR, parseArgs } from "./args";
import { UsageError } from "./errors";
import { planJobs } from "./inputs";
import { main } from "./main";

test("options and inputs parse, with --name=value too", () => {
  const options = parseArgs([
    "--jobs",
    "3",
    "--timeout=5",
    "--strict",
    "--summary",
    "--allow-errors",
    "--junit",
    "r.xml",
    "a.ipynb",
    "dir",
  ]);
  assert.equal(
    [
      options.jobs,
      options.timeoutSeconds,
      options.strict,
      options.summary,
      options.allowErrors,
      options.junit,
      options.inputs,
      options.outDir,
    ],
    [3, 5, true, true, true, "r.xml", ["a.ipynb", "dir"], DEFAULT_OUT_DIR],
  );
});

test("bad invocations are usage errors", () => {
  for (const argv of [
    ["--nope", "a.ipynb"],
    ["--jobs"],
    ["--jobs", "0", "a.ipynb"],
    ["--timeout", "-1", "a.ipynb"],
    [],
    ["--inplace", "--out", "x", "a.ipynb"],
  ]) {
    assert.throws(
      () => parseArgs(argv),
      (e: Error) => e instanceof UsageError,
      argv.join(" "),
    );
  }
});

test("output paths mirror the input's relative path; --inplace writes over the input", () => {
  const cwd = "/project";
  assert.equal(planJobs(["notebooks/a/x.ipynb"], { outDir: "build/executed", inplace: false, cwd }), [
    { input: "notebooks/a/x.ipynb", output: path.join("build/executed", "notebooks/a/x.ipynb") },
  ]);
  assert.equal(
    planJobs(["/elsewhere/y.ipynb"], { outDir: "out", inplace: false, cwd })[0].output,
    path.join("out", "elsewhere/y.ipynb"),
  );
  assert.equal(planJobs(["n.ipynb"], { outDir: "out", inplace: true, cwd })[0].output, "n.ipynb");
});

function capture() {
  let text = "";
  const stream = new Writable({
    write: (chunk, _enc, done) => ((text += chunk), done()),
  }) as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

test("main exits 2 with a clear message on an unknown option or a missing file", async () => {
  const out = capture();
  const err = capture();
  assert.is(await main(["--frobnicate", "x.ipynb"], { stdout: out.stream, stderr: err.stream }), 2);
  assert.match(err.text(), "unknown option: --frobnicate");
  assert.is(await main(["no/such/notebook.ipynb"], { stdout: out.stream, stderr: err.stream }), 2);
  assert.match(err.text(), "no such notebook or folder: no/such/notebook.ipynb");
  assert.is(await main(["package.json"], { stdout: out.stream, stderr: err.stream }), 2);
  assert.match(err.text(), "not an .ipynb file");
});

test("--help prints usage and exits 0", async () => {
  const out = capture();
  assert.is(await main(["--help"], { stdout: out.stream, stderr: out.stream }), 0);
  assert.match(out.text(), "--timeout SECONDS");
});

test.run();
