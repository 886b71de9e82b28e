/** The shared errors: names that survive module copies, messages that name the argument, and tryIt's one exception. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { describeValue, invalid, isNotImplemented, NotImplementedError, todo, ValueError } from "./errors";
import { tryIt } from "./tryit";

test("invalid() throws ValueError '<arg>: expected <what>, got <value>'", () => {
  assert.throws(
    () => invalid("k", "an integer in [1, 5]", 2.5),
    (e: Error) =>
      e instanceof ValueError && e.name === "ValueError" && e.message === "k: expected an integer in [1, 5], got 2.5",
  );
  assert.throws(
    () => invalid("cols", "a non-empty array"),
    (e: Error) => e.message === "cols: expected a non-empty array",
  );
});

test("describeValue is short and single-line for any value", () => {
  assert.is(describeValue(new Float64Array(3)), "Float64Array of length 3");
  assert.is(describeValue([1, 2]), "array of length 2");
  assert.is(describeValue("x".repeat(100)).length, 42);
  assert.is(describeValue(new Map()), "Map");
  assert.is(describeValue(null), "null");
});

test("a stub's error is recognised by name, so a second copy of the module still counts", () => {
  assert.ok(isNotImplemented(todo("zscore")));
  const foreign = Object.assign(new Error("x"), { name: "NotImplementedError" });
  assert.ok(isNotImplemented(foreign));
  assert.not.ok(isNotImplemented(new ValueError("x")));
  assert.match(new NotImplementedError("zscore").message, "zscore is not implemented yet");
});

test("tryIt turns only a stub into a todo line; real errors still fail the cell", () => {
  const lines: string[] = [];
  const log = console.log;
  console.log = (s: string) => lines.push(s);
  try {
    assert.is(
      tryIt(() => {
        throw todo("zscore");
      }),
      undefined,
    );
    assert.is(
      tryIt(() => 3),
      3,
    );
  } finally {
    console.log = log;
  }
  assert.equal(lines, ["todo: zscore is not implemented yet: replace the stub with your answer"]);
  assert.throws(
    () =>
      tryIt(() => {
        throw new TypeError("real bug");
      }),
    /real bug/,
  );
});

test.run();
