import { test } from "uvu";
import * as assert from "uvu/assert";
import { CHECK_MIME, collectChecks } from "./checks";
import { NotebookResult } from "./execute";
import { toJunit } from "./junit";
import { Notebook } from "./notebook";
import { formatFailure, formatSummary } from "./report";

const report = (drill: string, checks: Array<[string, string, string?]>) => ({
  output_type: "display_data",
  metadata: {},
  data: {
    [CHECK_MIME]: {
      drill,
      title: `Drill ${drill}`,
      status: "pass",
      checks: checks.map(([name, status, message], i) => ({ name, status, message, ms: 250 * (i + 1) })),
    },
  },
});

const notebook: Notebook = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    {
      cell_type: "code",
      id: "a",
      metadata: {},
      source: "",
      outputs: [
        report("01-zscore", [
          ["mean", "fail", "off by one"],
          ["std", "todo"],
        ]),
      ],
    },
    {
      cell_type: "code",
      id: "b",
      metadata: {},
      source: "",
      outputs: [{ output_type: "stream", name: "stdout", text: "x" }, report("01-zscore", [["mean", "pass"]])],
    },
    {
      cell_type: "code",
      id: "c",
      metadata: {},
      source: "",
      outputs: [report("02-other", [["only", "error", "threw <oops> & \u0007bell"]])],
    },
  ],
};

test("a re-run check replaces the earlier result by drill, part and case id; drill status follows the one roll-up rule", () => {
  const drills = collectChecks(notebook);
  assert.equal(
    drills.map((d) => [d.drill, d.status, d.checks.map((c) => `${c.name}:${c.status}`)]),
    [
      ["01-zscore", "todo", ["mean:pass", "std:todo"]],
      ["02-other", "error", ["only:error"]],
    ],
  );
});

test("check bundles sent as JSON text are read too", () => {
  const textual: Notebook = {
    ...notebook,
    cells: [
      {
        cell_type: "code",
        id: "t",
        metadata: {},
        source: "",
        outputs: [
          {
            output_type: "display_data",
            metadata: {},
            data: { [CHECK_MIME]: JSON.stringify({ drill: "t", title: "T", checks: [{ name: "n", status: "pass" }] }) },
          },
        ],
      },
    ],
  };
  assert.equal(collectChecks(textual)[0].status, "pass");
});

const result: NotebookResult = {
  path: "notebooks/exercises/01.ipynb",
  passed: false,
  failures: [
    {
      kind: "cell-error",
      message: "RangeError: boom\n    at f (evalmachine.<anonymous>:2:7)",
      cell: {
        index: 3,
        id: "cell-4",
        executionCount: 2,
        status: "error",
        durationMs: 5,
        busyMs: 4,
        ename: "RangeError",
        evalue: "boom",
        source: Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join("\n"),
      },
    },
  ],
  cells: [],
  checks: collectChecks(notebook),
  durationMs: 1500,
  startupMs: 1000,
  busyMs: 10,
  droppedMessages: 0,
};

test("a failure names notebook, cell number and id, shows head and tail of the source and the kernel's text", () => {
  const text = formatFailure(result, result.failures[0]);
  assert.match(text, "notebooks/exercises/01.ipynb — cell 4 [2] (id cell-4): cell-error");
  assert.match(text, "| line 1\n");
  assert.match(text, "| line 40");
  assert.match(text, "lines omitted");
  assert.not.match(text, "| line 20\n");
  assert.match(text, "RangeError: boom");
  assert.not.match(
    formatFailure(result, { ...result.failures[0], message: "\x1b[0;31mZeroDivisionError\x1b[0m: x" }),
    "\x1b[",
  );
});

test("summary prints one line per drill with pass/fail/todo counts", () => {
  const lines = formatSummary([result]).split("\n");
  assert.is(lines.length, 2);
  assert.match(lines[0], /^TODO 01-zscore .*pass 1 {2}fail 0 {2}todo 1/);
  assert.match(lines[1], /^ERROR 02-other .*pass 0 {2}fail 1 {2}todo 0/);
});

test("JUnit has a testcase per notebook and per check: ename: evalue, measured times, todo skipped, escaped", () => {
  const xml = toJunit([result], 2000);
  assert.is((xml.match(/<testcase /g) ?? []).length, 4);
  assert.match(
    xml,
    'classname="notebooks" name="notebooks/exercises/01.ipynb" time="1.500">\n      <failure message="RangeError: boom">',
  );
  assert.not.match(xml, "cell-error: ");
  // Each check's own time from its report (the fixture says 250 ms per position), not 0.000.
  assert.match(xml, 'name="mean" time="0.250"/>');
  assert.match(xml, 'name="std" time="0.500">\n      <skipped message="todo"/>');
  assert.match(xml, '<error message="threw &lt;oops&gt; &amp; bell">threw &lt;oops&gt; &amp; bell</error>');
  assert.match(xml, 'tests="4" failures="1" errors="1" skipped="1"');
});

test.run();
