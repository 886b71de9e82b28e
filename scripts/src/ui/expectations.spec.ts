/**
 * The UI test's own parts, without a browser: each expectation accepts a page that shows what a person should see
 * and rejects each way a page can be broken (so the UI test cannot pass on a broken notebook); plus the helpers
 * that decide skip vs run, edit a line, limit concurrency and find leftover processes.
 */
import { spawn } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { missingPrerequisite } from "./browser";
import { assertChecks, assertRanClean, assertRejected } from "./expectations";
import type { CellView } from "./notebook-page";
import { editedSource, WRONG_ANSWERS, type NotebookInfo } from "./notebooks";
import { processesMentioning } from "./processes";
import { pool } from "./scenarios";

const nb: NotebookInfo = {
  id: "01-demo",
  rel: "exercises/01-demo.ipynb",
  cells: [
    { index: 0, id: "intro", type: "markdown", tags: [], source: "# Demo" },
    { index: 1, id: "demo-solution", type: "code", tags: ["solution"], source: "function f() {\n  throw todo();\n}" },
    { index: 2, id: "demo-check", type: "code", tags: ["check"], source: "await checkDemo(f);" },
    { index: 3, id: "test-yourself", type: "code", tags: [], source: "tryIt(() => f());" },
  ],
};

const failText =
  "✘ matches on a small input: should equal\nInput: x = [1]\nExpected: 0\nActual: 1 (sample std, ddof 1)\nHint: divide by n";
const report = (status: string, cases: { status: string; text: string }[] = []) => ({
  drill: "01-demo",
  status,
  cases,
  text: cases.map((c) => c.text).join("\n") || status,
});
const md = (): CellView => ({ kind: "text_cell", executionCount: null, running: false, reports: [], errors: [] });
const code = (n: number | null, extra: Partial<CellView> = {}): CellView => ({
  kind: "code_cell",
  executionCount: n,
  running: false,
  reports: [],
  errors: [],
  ...extra,
});
const page = (checkStatus = "pass") => [
  md(),
  code(1),
  code(2, { reports: [report(checkStatus, [{ status: checkStatus, text: "case" }])] }),
  code(3),
];
const wrong = { ...WRONG_ANSWERS[0], failingCase: "matches on a small input" };

/** The message of the assertion `fn` throws (uvu's assert.throws rethrows uvu's own assertion errors). */
function rejects(fn: () => void, pattern = /./): void {
  let message: string | undefined;
  try {
    fn();
  } catch (error) {
    message = (error as Error).message;
  }
  assert.ok(message !== undefined, "expected the expectation to reject this page, it accepted it");
  assert.match(message!, pattern);
}

test("a page that ran clean and passed is accepted", () => {
  assertRanClean(nb, page());
  assertChecks(nb, page(), "pass");
  assertChecks(
    nb,
    page("todo").map((c, i) => (i === 2 ? { ...c, reports: [report("todo")] } : c)),
    "todo",
  );
});

const broken: Record<string, [CellView[], (cells: CellView[]) => void]> = {
  "a cell missing from the page": [page().slice(0, 3), (c) => assertRanClean(nb, c)],
  "an error output": [
    page().map((c, i) => (i === 3 ? { ...c, errors: ["TypeError: boom"] } : c)),
    (c) => assertRanClean(nb, c),
  ],
  "a code cell that never ran": [
    page().map((c, i) => (i === 1 ? { ...c, executionCount: null } : c)),
    (c) => assertRanClean(nb, c),
  ],
  "a cell still running ([*])": [
    page().map((c, i) => (i === 3 ? { ...c, executionCount: NaN } : c)),
    (c) => assertRanClean(nb, c),
  ],
  "a check that rendered nothing": [
    page().map((c, i) => (i === 2 ? { ...c, reports: [] } : c)),
    (c) => assertChecks(nb, c, "pass"),
  ],
  "a failing check": [page("fail"), (c) => assertChecks(nb, c, "pass")],
  "a passing report with a failing case": [
    page().map((c, i) => (i === 2 ? { ...c, reports: [report("pass", [{ status: "fail", text: "x" }])] } : c)),
    (c) => assertChecks(nb, c, "pass"),
  ],
  "todo where pass is due": [page("todo"), (c) => assertChecks(nb, c, "pass")],
  "pass where todo is due": [page("pass"), (c) => assertChecks(nb, c, "todo")],
};
for (const [name, [cells, check]] of Object.entries(broken)) {
  test(`rejects ${name}`, () => {
    rejects(() => check(cells));
  });
}

test("a rendered failure must fail the named case and show input, expected, actual, hint and the diagnosis", () => {
  const check = (text: string, status = "fail") => code(3, { reports: [report(status, [{ status, text }])] });
  assertRejected(nb, wrong, code(2), check(failText));
  rejects(() => assertRejected(nb, wrong, code(2, { errors: ["TS2322"] }), check(failText)), /does not compile/);
  rejects(() => assertRejected(nb, wrong, code(2), check(failText, "pass")), /should fail/);
  rejects(
    () => assertRejected(nb, wrong, code(2), { ...check(failText), errors: ["CheckFailure"] }),
    /an error besides/,
  );
  rejects(() => assertRejected(nb, wrong, code(2), check(failText.replace("small", "large"))), /should fail/);
  for (const label of ["Input:", "Expected:", "Actual:", "Hint:"]) {
    rejects(() => assertRejected(nb, wrong, code(2), check(failText.replace(label, ""))), new RegExp(label));
  }
  rejects(() => assertRejected(nb, wrong, code(2), check(failText.replace("ddof 1", "ddof 0"))), /name the mistake/);
});

test("editedSource replaces the stub line and keeps its indentation", () => {
  assert.is(
    editedSource("function f() {\n  throw todo();\n}", "throw todo();", "return 1;"),
    "function f() {\n  return 1;\n}",
  );
  rejects(() => editedSource("function f() {}", "throw todo();", "return 1;"), /no line/);
});

test("the UI test skips, saying why, when chromium is absent", () => {
  assert.match(
    missingPrerequisite({ DRILLS_CHROMIUM: "/nonexistent/chromium" }) ?? "",
    /no chromium at \/nonexistent\/chromium/,
  );
  assert.is(missingPrerequisite({ DRILLS_UI: "0" }), "DRILLS_UI=0");
});

test("pool runs at most n jobs at once, all of them, in order", async () => {
  const run = pool(2);
  let active = 0;
  let peak = 0;
  const order: number[] = [];
  const job = (i: number) => async () => {
    active++;
    peak = Math.max(peak, active);
    order.push(i);
    await new Promise((r) => setTimeout(r, 5));
    active--;
    return i;
  };
  assert.equal(await Promise.all([0, 1, 2, 3, 4].map((i) => run(job(i)))), [0, 1, 2, 3, 4]);
  assert.is(peak, 2);
  assert.equal(order, [0, 1, 2, 3, 4]);
});

test("processesMentioning finds a process by a path in its command line, and only that one", async () => {
  const marker = `/tmp/drills-ui-probe-${process.pid}-${Date.now()}`;
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)", marker], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 200));
  try {
    assert.equal(processesMentioning(marker), [child.pid]);
  } finally {
    child.kill("SIGKILL");
  }
  await new Promise((r) => child.once("exit", r));
  assert.equal(processesMentioning(marker), []);
});

test.run();
