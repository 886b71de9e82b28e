/** The one message template: labels and order, todo and slow notes, HTML escaping, and the JSON the tools count. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { CaseResult, DrillReport } from "./drill";
import { caseText, reportHtml, reportJson, reportText, SLOW_MS } from "./render";

const failed: CaseResult = {
  name: "zscore",
  status: "fail",
  ms: 3,
  hint: "subtract the mean first, then square (two-pass).",
  failure: {
    what: "output std should be 1",
    how: "allClose, tol 1e-5",
    input: "x = 1e4 + N(0,1), n = 20000",
    expected: "std 1.0",
    actual: "std 0.0",
    note: "one-pass variance cancels in float32",
  },
};
const report = (results: CaseResult[], status: DrillReport["status"]): DrillReport => ({
  drill: "01-zscore",
  title: "Z-score",
  status,
  results,
});

test("a failure reads: what (how), input, expected, actual (note), hint", () => {
  assert.is(
    caseText(failed),
    [
      "✘ zscore: output std should be 1   (allClose, tol 1e-5)",
      "  Input:    x = 1e4 + N(0,1), n = 20000",
      "  Expected: std 1.0",
      "  Actual:   std 0.0   (one-pass variance cancels in float32)",
      "  Hint: subtract the mean first, then square (two-pass).",
    ].join("\n"),
  );
});

test("a pass is one line; a slow case says how slow", () => {
  assert.is(caseText({ name: "shape", status: "pass", ms: 5 }), "✔ shape");
  assert.is(caseText({ name: "shape", status: "pass", ms: SLOW_MS + 1500 }), "✔ shape   (slow: 3.5 s)");
});

test("a todo drill says what to do and lists no per-case noise", () => {
  const text = reportText(
    report(
      [
        { name: "a", status: "todo", ms: 0 },
        { name: "b", status: "todo", ms: 0 },
      ],
      "todo",
    ),
  );
  assert.is(
    text,
    "… 01-zscore — Z-score: not implemented yet (todo): replace the stub, then run this cell again (2 todo)",
  );
});

test("HTML escapes the candidate's values and marks every case's status", () => {
  const evil: CaseResult = { ...failed, failure: { ...failed.failure!, actual: "<img src=x onerror=alert(1)>" } };
  const html = reportHtml(report([evil, { name: "ok", status: "pass", ms: 1 }], "fail"));
  assert.not.match(html, "<img");
  assert.match(html, "&lt;img src=x onerror=alert(1)&gt;");
  assert.match(html, 'data-status="fail"');
  assert.match(html, '<li data-status="pass"');
  for (const label of ["Input:", "Expected:", "Actual:", "Hint:"]) assert.match(html, label);
});

test("JSON carries drill, status and one entry per case, with the failure text as message", () => {
  const json = reportJson(report([failed, { name: "ok", status: "pass", ms: 1.26 }], "fail"));
  assert.equal(
    json.checks.map((c) => [c.name, c.status]),
    [
      ["zscore", "fail"],
      ["ok", "pass"],
    ],
  );
  assert.is(json.drill, "01-zscore");
  assert.is(json.checks[0].message, caseText(failed));
  assert.is(json.checks[1].message, undefined);
  assert.is(json.checks[1].ms, 1.3);
});

test("identical failures read once: the first in full, then how many more share the cause", () => {
  const offByOne = (name: string): CaseResult => ({
    ...failed,
    name,
    failure: { what: "should have n − k + 1 rows", expected: "5 rows", actual: "4 rows", input: `x of ${name}` },
    hint: "there are n − k + 1 windows.",
  });
  const other: CaseResult = { ...failed, name: "other" };
  const text = reportText(
    report([offByOne("a"), offByOne("b"), other, offByOne("c"), { name: "ok", status: "pass", ms: 1 }], "fail"),
  );
  assert.is(text.match(/should have n − k \+ 1 rows/g)?.length, 1, text);
  assert.match(text, /\n  \+2 more cases, same cause: b; c\n/);
  assert.match(text, /✘ other: output std should be 1/, "a different cause is listed on its own");
  const html = reportHtml(report([offByOne("a"), offByOne("b")], "fail"));
  assert.match(html, /\+1 more case, same cause: b/);
  // The JSON keeps every case: tools count cases, people read causes.
  assert.is(reportJson(report([offByOne("a"), offByOne("b")], "fail")).checks.length, 2);
});

test("a pass can say why the answer is right", () => {
  const text = reportText({
    ...report([{ name: "ok", status: "pass", ms: 1 }], "pass"),
    why: "two-pass variance never cancels.",
  });
  assert.match(text, /\nWhy: two-pass variance never cancels\.$/);
});

test.run();
