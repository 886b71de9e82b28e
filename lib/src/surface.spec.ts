/**
 * What importing @drills/lib costs a notebook: tslab type-checks every .d.ts the import reaches, and Node loads every
 * module index.js requires. Heavy libraries must stay out of both until they are used.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { packagesLoaded, packagesReached } from "./surface";

const DIST = path.resolve(__dirname);

test("@drills/lib's type surface names no third-party package (no tfjs, vega-lite, danfojs, polars types)", () => {
  assert.equal([...packagesReached(path.join(DIST, "index.d.ts"))], []);
});

test("the surface walk finds a package named in a .d.ts (it can fail)", () => {
  assert.ok(packagesReached(path.join(DIST, "danfo-types.d.ts")).has("danfojs/dist/danfojs-browser/src/index"));
});

const loadedAfter = (code: string) => packagesLoaded(code, path.join(DIST, ".."));

test("importing @drills/lib loads no tfjs, vega, vega-lite or danfojs; useBackend loads tfjs; the first plot loads vega", () => {
  const lib = JSON.stringify(path.join(DIST, "index.js"));
  const eager = loadedAfter(`require(${lib})`);
  for (const lazy of ["@tensorflow/tfjs", "@tensorflow/tfjs-core"])
    assert.not.ok(eager.includes(lazy), `${lazy} loaded by the import alone (drills 04, 08, 09 use no tensors)`);
  // The whole of tfjs: only its bundle registers gradients, chained ops and the cpu backend.
  const backend = loadedAfter(`await require(${lib}).useBackend()`);
  assert.ok(backend.includes("@tensorflow/tfjs") && backend.includes("@tensorflow/tfjs-core"), "useBackend loads tfjs");
  for (const lazy of ["vega", "vega-lite", "danfojs"])
    assert.not.ok(eager.includes(lazy), `${lazy} loaded by the import alone`);
  const plotted = loadedAfter(
    `const l = require(${lib}); await l.renderSvg(l.lineSpec([{ a: 0, b: 1 }], { x: "a", y: "b" }))`,
  );
  assert.ok(plotted.includes("vega") && plotted.includes("vega-lite"), "a plot loads vega and vega-lite");
  assert.not.ok(plotted.includes("danfojs"));
});

test.run();
