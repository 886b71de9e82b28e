/** The one JUnit writer: outcome mapping, one-line messages, counts per suite and in total, XML-safe text. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkCase, checkOutcome, errorMessage, junitXml, xmlAttr, xmlText, xmlUnescape } from "./junit";

test("check statuses map the same way for every caller: todo is skipped, error is an error", () => {
  assert.equal(["pass", "fail", "todo", "error", "bogus"].map(checkOutcome), [
    "pass",
    "fail",
    "skipped",
    "error",
    "error",
  ]);
  const c = checkCase("01 › Z-score", {
    name: "mean",
    status: "fail",
    message: "\n✘ mean: off by one\n  Input: x",
    ms: 42,
  });
  assert.equal(c, {
    classname: "01 › Z-score",
    name: "mean",
    ms: 42,
    outcome: "fail",
    message: "✘ mean: off by one",
    body: "\n✘ mean: off by one\n  Input: x",
  });
  assert.is(checkCase("k", { name: "t", status: "todo" }).message, "todo");
  assert.is(errorMessage("RangeError", "boom\n    at f (evalmachine.<anonymous>:2:7)"), "RangeError: boom");
});

test("suites and the whole document count tests, failures, errors and skipped; times in seconds", () => {
  const xml = junitXml("run", [
    {
      name: "a",
      ms: 1500,
      cases: [
        { classname: "a", name: "x", ms: 2, outcome: "pass" },
        { classname: "a", name: "y", ms: 0, outcome: "skipped", message: "todo" },
      ],
    },
    {
      name: "b",
      ms: 500,
      cases: [{ classname: "b", name: "z", ms: 10, outcome: "error", message: "TypeError: no", body: "trace" }],
    },
  ]);
  assert.match(xml, '<testsuites name="run" tests="3" failures="0" errors="1" skipped="1" time="2.000">');
  assert.match(xml, '<testsuite name="a" tests="2" failures="0" errors="0" skipped="1" time="1.500">');
  assert.match(xml, '<testcase classname="a" name="x" time="0.002"/>');
  assert.match(xml, '<error message="TypeError: no">trace</error>');
});

test("text XML cannot carry is dropped, markup is escaped", () => {
  assert.is(xmlText('a"\u0000<b>\u0007&'), "a&quot;&lt;b&gt;&amp;");
  assert.is(xmlText("tab\tnewline\n✔"), "tab\tnewline\n✔");
});

test("what xmlText writes, xmlUnescape and xmlAttr read back (all five entities, an apostrophe included)", () => {
  const raw = `it's <a & "b">`;
  assert.is(xmlUnescape(xmlText(raw)), raw);
  assert.is(xmlAttr(`<testcase name="${xmlText(raw)}" time="1.5">`, "name"), raw);
  assert.is(xmlAttr(`<testcase classname="x">`, "name"), undefined);
});

test.run();
