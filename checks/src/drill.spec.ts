/** The funnel: how evaluate classifies outcomes, and what the assertions put in a failure. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fc from "fast-check";
import { todo, ValueError } from "@drills/lib";
import { evaluate, judgeOutcome, type Check } from "./drill";
import { allClose, call, close, property, throwsValueError } from "./assert";
import { CheckFailure } from "./failure";

type F = (x: number) => number;
/** One split case: the kernel half calls f(1) through `call`, the judge half gets its value. */
const drill = (judge: (value: unknown) => void, hidden = false): Check<F> => ({
  id: "99-t",
  part: "t",
  title: "T",
  calls: { one: (f: F) => call("f(1)", () => f(1)) },
  cases: [{ id: "c", name: "c", hint: "h", hidden, call: "one", input: () => ({}), judge }],
});
const isTwo = (v: unknown) => close(v, 2, { what: "f(1) = 2", input: "x = 1 (secret)" });

test("outcomes: pass, fail with the case's hint, todo for a stub, error for a broken judge", async () => {
  assert.is((await evaluate(drill(isTwo), (x) => 2 * x)).status, "pass");
  const bad = await evaluate(drill(isTwo), (x) => x);
  assert.is(bad.results[0].status, "fail");
  assert.is(bad.results[0].hint, "h");
  assert.is(bad.results[0].failure?.actual, "1");
  const stub = await evaluate(drill(isTwo), () => {
    throw todo();
  });
  assert.is(stub.status, "todo");
  const broken = await evaluate(
    drill(() => JSON.parse("{")),
    (x) => x,
  );
  assert.is(broken.status, "error");
  assert.match(broken.results[0].failure!.what, "a bug in the pack");
});

test("a judge that crashes on a grading kernel's (untrusted) value fails the case instead", async () => {
  const c = drill(() => JSON.parse("{")).cases[0];
  const r = await judgeOutcome(c, {}, { kind: "value", value: "forged", ms: 0 }, { untrusted: true });
  assert.is(r.status, "fail");
  assert.match(r.failure!.actual, /^unreadable: /);
});

test("the candidate throwing is a failure naming the call, never a crash", async () => {
  const r = await evaluate(drill(isTwo), () => {
    throw new TypeError("boom");
  });
  assert.is(r.results[0].status, "fail");
  assert.is(r.results[0].failure!.what, "f(1) should run without throwing");
  assert.is(r.results[0].failure!.actual, "threw TypeError: boom");
});

test("a hidden case never shows its input", async () => {
  const r = await evaluate(drill(isTwo, true), (x) => x);
  assert.is(r.results[0].failure!.input, "(hidden case)");
});

test("allClose reports the first offending index and the largest error; NaN never passes", () => {
  const err = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      return (e as CheckFailure).failure;
    }
    throw new Error("expected a failure");
  };
  const f = err(() => allClose([1, 2.5, 9], [1, 2, 3], { what: "w", tol: 0.1 }));
  assert.match(f.expected, /^\[1\] = 2 /);
  assert.match(f.actual, /max \|error\| 6\)$/);
  assert.ok(err(() => allClose([NaN], [0], { what: "w", tol: 1e9 })));
  assert.ok(err(() => close(NaN, 0, { what: "w", tol: 1e9 })));
});

test("throwsValueError wants the name and every mention", () => {
  const e = (fn: () => unknown, mentions: string[]) => {
    try {
      throwsValueError("g()", fn, { what: "w", mentions });
      return "passed";
    } catch (x) {
      return (x as CheckFailure).failure.actual;
    }
  };
  assert.is(
    e(() => {
      throw new ValueError("k: expected an integer in [1, 5]");
    }, ["k", "[1, 5]"]),
    "passed",
  );
  assert.is(
    e(() => 1, ["k"]),
    "it returned normally",
  );
  assert.is(
    e(() => {
      throw new RangeError("k");
    }, ["k"]),
    "it threw RangeError: k",
  );
  assert.is(
    e(() => {
      throw new ValueError("bad value");
    }, ["k ="]),
    '"bad value"',
  );
});

test("a property failure shows fast-check's shrunk counterexample and the seed", () => {
  try {
    property(fc.integer({ min: 0, max: 1000 }), (n) => close(n < 17 ? 0 : 1, 0, { what: "n below 17" }), {
      what: "prop",
      seed: 7,
    });
    assert.unreachable();
  } catch (e) {
    const f = (e as CheckFailure).failure;
    assert.match(f.input!, /^17 +\(shrunk after \d+ steps; fast-check seed 7\)$/);
    assert.is(f.what, "prop: n below 17");
  }
});

test.run();
