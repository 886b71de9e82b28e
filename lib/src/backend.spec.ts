/** Backend choice: the fallback and its reason, forcing one by DRILLS_BACKEND, and clear errors for bad values. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as tf from "@tensorflow/tfjs-core";
import { activateBackend, describeBackend, useBackend } from "./backend";

const saved = process.env.DRILLS_BACKEND;
const nativeHere = (() => {
  try {
    require("@tensorflow/tfjs-node");
    return true;
  } catch {
    return false;
  }
})();

test.after.each(() => {
  if (saved === undefined) delete process.env.DRILLS_BACKEND;
  else process.env.DRILLS_BACKEND = saved;
});
test.after(async () => {
  await useBackend();
});

test("without DRILLS_BACKEND: native when tfjs-node loads, else cpu, and the line says why", async () => {
  delete process.env.DRILLS_BACKEND;
  const c = await useBackend();
  assert.is(c.name, nativeHere ? "tensorflow" : "cpu");
  assert.is(tf.getBackend(), c.name);
  if (!nativeHere)
    assert.match(
      describeBackend(c),
      "tfjs backend: cpu (@tensorflow/tfjs-node is not installed; cpu reduces in float64",
    );
});

test("DRILLS_BACKEND=wasm forces wasm, which really sums in float32", async () => {
  process.env.DRILLS_BACKEND = "wasm";
  const c = await useBackend();
  assert.equal([c.name, c.reason], ["wasm", "forced by DRILLS_BACKEND"]);
  const sum = tf.tidy(() => tf.sum(tf.fill([1_000_000], 0.1)).dataSync()[0]);
  assert.ok(
    Math.abs(sum - 100000) > 100,
    `wasm sum ${sum}: if this now accumulates in float64, revisit the fallback order`,
  );
  await activateBackend("cpu");
  const exact = tf.tidy(() => tf.sum(tf.fill([1_000_000], 0.1)).dataSync()[0]);
  assert.ok(Math.abs(exact - 100000) < 0.01, `cpu sum ${exact}`);
});

test("a bad DRILLS_BACKEND is a ValueError naming the variable and the choices", async () => {
  process.env.DRILLS_BACKEND = "gpu";
  try {
    await useBackend();
    assert.unreachable();
  } catch (e) {
    assert.is((e as Error).name, "ValueError");
    assert.is((e as Error).message, 'DRILLS_BACKEND: expected one of tensorflow, cpu, wasm, got "gpu"');
  }
});

test("forcing the native backend where it cannot load says so instead of falling back silently", async () => {
  if (nativeHere) return;
  process.env.DRILLS_BACKEND = "tensorflow";
  try {
    await useBackend();
    assert.unreachable();
  } catch (e) {
    assert.is((e as Error).name, "ValueError");
    assert.match((e as Error).message, "tfjs-node");
  }
});

test.run();
