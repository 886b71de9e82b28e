/** The sliding-window checks pass the reference and reject each known-wrong answer with the expected message. */
import { test } from "uvu";
import { ValueError, todo } from "@drills/lib";
import { windowsDrill, type SlidingWindows } from "./checks";
import { expectPass, expectRejects, expectTodo } from "../../testing";

const validate = (x: Float64Array, k: number) => {
  if (!Number.isInteger(k) || k < 1 || k > x.length) throw new ValueError(`k: expected an integer in [1, ${x.length}] (1 ≤ k ≤ n), got ${k}`);
};

const reference: SlidingWindows = (x, k) => {
  validate(x, k);
  return Array.from({ length: x.length - k + 1 }, (_, i) => x.subarray(i, i + k));
};

test("reference passes every case", async () => {
  await expectPass(windowsDrill, reference);
});

test("a stub is todo, not a failure", async () => {
  await expectTodo(windowsDrill, () => {
    throw todo();
  });
});

const rows = (n: number, make: (i: number) => Float64Array) => Array.from({ length: Math.max(0, n) }, (_, i) => make(i));

const wrong: Record<string, [SlidingWindows, string, RegExp]> = {
  "copies with slice()": [
    (x, k) => (validate(x, k), rows(x.length - k + 1, (i) => x.slice(i, i + k))),
    "rows are zero-copy views on x",
    /should be a view on x's buffer, not a copy[\s\S]*own ArrayBuffer of 24 bytes/,
  ],
  "copies with Float64Array.from": [
    (x, k) => (validate(x, k), rows(x.length - k + 1, (i) => Float64Array.from(x.subarray(i, i + k)))),
    "x that is itself a view (nonzero byteOffset)",
    /not a copy/,
  ],
  "off by one: n − k rows": [
    (x, k) => (validate(x, k), rows(x.length - k, (i) => x.subarray(i, i + k))),
    "matches a loop baseline on x = [1 … 6], k = 3",
    /Expected: n − k \+ 1 = 4 rows[\s\S]*Actual: +3 rows[\s\S]*last window, starting at n − k, is missing/,
  ],
  "off by one: n − k + 2 rows (last one short)": [
    (x, k) => (validate(x, k), rows(x.length - k + 2, (i) => x.subarray(i, i + k))),
    "matches a loop baseline on x = [1 … 6], k = 3",
    /Actual: +5 rows[\s\S]*run off the end of x/,
  ],
  "n rows, shorter at the end": [
    (x, k) => (validate(x, k), rows(x.length, (i) => x.subarray(i, i + k))),
    "edge sizes k = 1 and k = n",
    /Input: +x = \[1, 2, 3, 4, 5\], k = 5[\s\S]*Expected: n − k \+ 1 = 1 rows[\s\S]*Actual: +5 rows/,
  ],
  "stride k instead of 1": [
    (x, k) => (validate(x, k), rows(x.length - k + 1, (i) => x.subarray(Math.min(i * k, x.length - k), Math.min(i * k, x.length - k) + k))),
    "matches a loop baseline on x = [1 … 6], k = 3",
    /row 1 should be x\[1 … 3\][\s\S]*windows step by k instead of 1/,
  ],
  "accepts k = 0, k > n and k = 2.5": [
    (x, k) => rows(x.length - k + 1, (i) => x.subarray(i, i + k)),
    "rejects k that is not an integer in [1, n]",
    /k = 0 should be rejected[\s\S]*throws ValueError[\s\S]*returned normally/,
  ],
  "accepts a fractional k": [
    (x, k) => {
      if (k < 1 || k > x.length) throw new ValueError(`k: expected 1 ≤ k ≤ ${x.length}, got ${k}`);
      return rows(Math.floor(x.length - k + 1), (i) => x.subarray(i, i + k));
    },
    "rejects k that is not an integer in [1, n]",
    /k = 2.5 should be rejected/,
  ],
  "error message does not name the range": [
    (x, k) => {
      if (!Number.isInteger(k) || k < 1 || k > x.length) throw new ValueError("k is invalid");
      return reference(x, k);
    },
    "rejects k that is not an integer in [1, n]",
    /a ValueError message naming "k" and "6"/,
  ],
  "rejects k = n (validates k < n)": [
    (x, k) => {
      if (!Number.isInteger(k) || k < 1 || k >= x.length) throw new ValueError(`k: expected an integer in [1, ${x.length - 1}], got ${k}`);
      return reference(x, k);
    },
    "edge sizes k = 1 and k = n",
    /slidingWindows\(x, 5\) should run without throwing[\s\S]*ValueError: k: expected an integer in \[1, 4\]/,
  ],
  "ignores x's byteOffset (views from the buffer start)": [
    (x, k) => (validate(x, k), rows(x.length - k + 1, (i) => new Float64Array(x.buffer, 8 * i, k))),
    "x that is itself a view (nonzero byteOffset)",
    /row 0 should be x\[0 … 3\]/,
  ],
  "returns plain arrays": [
    (x, k) => (validate(x, k), Array.from({ length: x.length - k + 1 }, (_, i) => Array.from(x.subarray(i, i + k)))) as unknown as Float64Array[],
    "matches a loop baseline on x = [1 … 6], k = 3",
    /row 0 should be a Float64Array[\s\S]*Array \[1, 2, 3\]/,
  ],
  "writes into x": [
    (x, k) => {
      x[0] = 0;
      return reference(x, k);
    },
    "matches a loop baseline on x = [1 … 6], k = 3",
    /x should not change/,
  ],
  "throws on valid input": [
    () => {
      throw new TypeError("x.subarray is not a function");
    },
    "matches numpy's sliding_window_view",
    /should run without throwing[\s\S]*TypeError: x.subarray is not a function/,
  ],
  "returns undefined": [
    (() => undefined) as unknown as SlidingWindows,
    "rows are zero-copy views on x",
    /should return an array of rows[\s\S]*Actual: +undefined/,
  ],
};

for (const [name, [impl, caseName, message]] of Object.entries(wrong)) {
  test(`rejects: ${name}`, async () => {
    await expectRejects(windowsDrill, impl, caseName, message);
  });
}

test("the property case shows a shrunk counterexample", async () => {
  const offByOne: SlidingWindows = (x, k) => (validate(x, k), rows(x.length - k, (i) => x.subarray(i, i + k)));
  await expectRejects(windowsDrill, offByOne, "property: views equal the baseline for random x, k and offset", /shrunk after \d+ steps/);
});

test.run();
