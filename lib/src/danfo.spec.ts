/** One tfjs: danfojs resolves the project's tfjs 4 (package.json overrides), so loading it changes no kernel. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { spawnSync } from "node:child_process";

test("danfojs resolves the same @tensorflow/tfjs as the project (no private tfjs 3 copy)", () => {
  // danfojs's "exports" hides its package.json; its main file lies under its folder all the same.
  const danfoDir = require.resolve("danfojs").replace(/([\\/]node_modules[\\/]danfojs)[\\/].*$/, "$1");
  const fromDanfo = require.resolve("@tensorflow/tfjs/package.json", { paths: [danfoDir] });
  assert.is(fromDanfo, require.resolve("@tensorflow/tfjs/package.json"));
  assert.is(require(fromDanfo).version, "4.22.0");
});

test("loading danfo after tfjs warns nothing and leaves every kernel and gradient as tfjs registered it", () => {
  // A fresh process: in this one another spec may have loaded danfo already.
  const script = `
    const tf = require("@tensorflow/tfjs");
    const snapshot = () => Object.keys(tf.engine().registryFactory).flatMap((b) => tf.getKernelsForBackend(b)).map((k) => [k, tf.getGradient(k.kernelName)]);
    const before = snapshot();
    let warnings = 0;
    console.warn = () => warnings++;
    const { loadDanfo } = require(${JSON.stringify(path.join(__dirname, "danfo.js"))});
    const dfd = loadDanfo();
    const after = snapshot();
    const same = before.length === after.length && before.every(([k, g], i) => after[i][0].kernelFunc === k.kernelFunc && after[i][1] === g);
    const median = new dfd.Series([3, 1, NaN, 2]).median();
    process.stdout.write(JSON.stringify({ warnings, kernels: before.length, same, median }));`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", cwd: __dirname });
  assert.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(out.kernels > 100, `tfjs registered ${out.kernels} kernels`);
  assert.equal([out.warnings, out.same, out.median], [0, true, 2]);
});

test.run();
