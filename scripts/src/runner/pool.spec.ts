/** The one worker pool (notebooks in the runner, candidates in the grader). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mapPool } from "./pool";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("results keep the input order whatever order tasks finish in; never more than width run at once", async () => {
  let running = 0;
  let peak = 0;
  const delays = [40, 5, 25, 1, 15, 30, 2];
  const out = await mapPool(delays, 3, async (ms, i) => {
    peak = Math.max(peak, ++running);
    await sleep(ms);
    running--;
    return `${i}:${ms}`;
  });
  assert.equal(
    out,
    delays.map((ms, i) => `${i}:${ms}`),
  );
  assert.is(peak, 3);
});

test("every item runs exactly once; width is clamped to 1 … items", async () => {
  for (const width of [0, 1, 2.7, 100]) {
    const seen: number[] = [];
    let running = 0;
    let peak = 0;
    await mapPool([1, 2, 3, 4, 5], width, async (x) => {
      peak = Math.max(peak, ++running);
      await sleep(1);
      running--;
      seen.push(x);
    });
    assert.equal([...seen].sort(), [1, 2, 3, 4, 5], `width ${width}`);
    assert.is(peak, Math.min(5, Math.max(1, Math.floor(width))), `width ${width}`);
  }
  assert.equal(await mapPool([], 4, async () => 1), []);
});

test.run();
