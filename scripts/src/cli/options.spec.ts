/** The shared option vocabulary: parsing both spellings, help and version, and one usage-error path for every CLI. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import {
  type Command,
  SHARED,
  UsageError,
  nonNegativeNumber,
  parseCommand,
  positiveInteger,
  runCommand,
  usage,
  version,
} from "./options";

const DEMO: Command = {
  name: "demo",
  synopsis: "demo [--out DIR] [--jobs N] FILE…",
  positionals: true,
  options: {
    out: SHARED.out,
    jobs: SHARED.jobs,
    quiet: SHARED.quiet,
    only: { type: "string", value: "NAME", multiple: true, help: "repeatable" },
  },
  footer: "Exit status: 0 fine.",
};

const run = (argv: string[]) => {
  const parsed = parseCommand(DEMO, argv);
  return parsed.action === "run" ? { ...parsed.values, _: parsed.positionals } : parsed;
};

test("--x=v and --x v mean the same; -- ends the options", () => {
  assert.equal(run(["--out=a", "--jobs", "2", "f"]), { out: "a", jobs: "2", _: ["f"] });
  assert.equal(run(["--out", "a", "--jobs=2", "f"]), { out: "a", jobs: "2", _: ["f"] });
  assert.equal(run(["--only", "x", "--only=y", "--", "--quiet"]), { only: ["x", "y"], _: ["--quiet"] });
});

test("--help, -h and --version print and stop, whatever else is on the line", () => {
  const help = parseCommand(DEMO, ["f", "-h"]);
  assert.is(help.action, "help");
  assert.ok(help.action === "help" && help.text === usage(DEMO));
  assert.equal(parseCommand(DEMO, ["--version"]), { action: "version", text: `demo ${version()}` });
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

test("usage lists every option, aligned, with --help and --version", () => {
  const text = usage(DEMO);
  assert.match(text, /^Usage: demo \[--out DIR\]/);
  for (const head of ["    --out DIR", "    --jobs N", "    --quiet", "-h, --help", "    --version"])
    assert.ok(text.includes(`  ${head}`), head);
  const column = (help: string) =>
    text
      .split("\n")
      .find((l) => l.includes(help))!
      .indexOf(help);
  const columns = [SHARED.out.help, SHARED.jobs.help, SHARED.quiet.help, SHARED.help.help, SHARED.version.help].map(
    column,
  );
  assert.is(new Set(columns).size, 1, "option help starts in one column");
  assert.match(text, /Exit status: 0 fine\.$/);
});

test("misuse is a UsageError naming the argument", () => {
  const cases: [string[], string][] = [
    [["--nope"], "unknown option: --nope"],
    [["--jobs"], "option --jobs needs a value"],
    [["--out", "--quiet"], "option --out needs a value"],
    [["--quiet=yes"], "option --quiet takes no value"],
  ];
  for (const [argv, message] of cases) {
    assert.throws(
      () => parseCommand(DEMO, argv),
      (e: Error) => e instanceof UsageError && e.message === message,
      argv.join(" "),
    );
  }
  assert.throws(() => parseCommand({ ...DEMO, positionals: false }, ["stray"]), /unexpected argument: stray/);
  assert.is(positiveInteger("jobs", "3"), 3);
  for (const bad of ["0", "-1", "1.5", "", "x"])
    assert.throws(() => positiveInteger("jobs", bad), /option --jobs needs a whole number ≥ 1/);
  assert.is(nonNegativeNumber("timeout", "0"), 0);
  assert.is(nonNegativeNumber("timeout", "2.5"), 2.5);
  for (const bad of ["-1", "", "Infinity", "NaN"])
    assert.throws(() => nonNegativeNumber("timeout", bad), /option --timeout needs a number ≥ 0/);
});

test("runCommand: usage errors go to stderr with exit 2, help to stdout with exit 0, other errors propagate", async () => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) };
  assert.is(await runCommand(DEMO, ["--nope"], () => 0, io), 2);
  assert.equal([out, err], [[], ["demo: unknown option: --nope\nRun with --help for usage."]]);
  assert.is(await runCommand(DEMO, ["--help"], () => 7, io), 0);
  assert.is(out[0], usage(DEMO));
  assert.is(
    await runCommand(
      DEMO,
      ["f"],
      () => {
        throw new UsageError("f is not a notebook");
      },
      io,
    ),
    2,
  );
  assert.is(err[1], "demo: f is not a notebook\nRun with --help for usage.");
  assert.is(await runCommand(DEMO, ["--jobs=4", "f"], (v, p) => (v.jobs === "4" && p[0] === "f" ? 5 : 6), io), 5);
  try {
    await runCommand(
      DEMO,
      [],
      () => {
        throw new RangeError("a bug");
      },
      io,
    );
    assert.unreachable("an internal error must not pass for misuse");
  } catch (e) {
    assert.instance(e, RangeError);
  }
});

// Every command's entry point, as npm runs it. bench and fixtures take no notebook; the rest exit 2 on a bad option.
const DIST = path.resolve(__dirname, "..");
const COMMANDS = ["runner", "grade", "scoreboard", "exercises", "kernelspec", "bench", "fixtures"];

test("every CLI: --help and --version exit 0 on stdout; an unknown option exits 2 on stderr only", () => {
  for (const name of COMMANDS) {
    const cli = path.join(DIST, name, "cli.js");
    const node = (args: string[]) =>
      spawnSync(process.execPath, [cli, ...args], {
        encoding: "utf8",
        env: { ...process.env, JUPYTER_DATA_DIR: "/nonexistent" },
      });
    const help = node(["--help"]);
    assert.is(help.status, 0, `${name} --help: ${help.stderr}`);
    assert.match(help.stdout, /^Usage: npm run /, name);
    assert.match(help.stdout, "--version", name);
    const v = node(["--version"]);
    assert.is(v.status, 0, name);
    assert.match(v.stdout, new RegExp(`^\\S+ ${version().replace(/\./g, "\\.")}\\n$`), name);
    const bad = node(["--frobnicate=1"]);
    assert.is(bad.status, 2, `${name} --frobnicate`);
    assert.is(bad.stdout, "", `${name}: errors go to stderr only`);
    assert.match(bad.stderr, "unknown option: --frobnicate", name);
  }
});

test.run();
