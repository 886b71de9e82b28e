/**
 * What importing @drills/lib costs a notebook: tslab type-checks every .d.ts the import reaches, and Node loads every
 * module index.js requires. Heavy libraries must stay out of both until they are used.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const DIST = path.resolve(__dirname);

/** Every bare package a .d.ts reaches from `entry`, following relative imports (`from` and `import()`). */
export function packagesReached(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    for (const m of text.matchAll(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)) {
      const spec = m[1];
      if (spec.startsWith(".")) visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, "") + ".d.ts"));
      else packages.add(spec);
    }
  };
  visit(entry);
  return packages;
}

test("@drills/lib's type surface names no third-party package (no tfjs, vega-lite, danfojs, polars types)", () => {
  assert.equal([...packagesReached(path.join(DIST, "index.d.ts"))], []);
});

test("the surface walk finds a package named in a .d.ts (it can fail)", () => {
  assert.ok(packagesReached(path.join(DIST, "danfo-types.d.ts")).has("danfojs/dist/danfojs-browser/src/index"));
});

function loadedAfter(code: string): string[] {
  const script = `${code}; console.log(JSON.stringify(Object.keys(require.cache)))`;
  const r = spawnSync(process.execPath, ["-e", `(async () => { ${script} })()`], {
    encoding: "utf8",
    cwd: path.join(DIST, ".."),
  });
  assert.is(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout.trim().split("\n").pop()!) as string[]).map((f) =>
    f.split(`${path.sep}node_modules${path.sep}`).pop()!.split(path.sep).slice(0, 1).join(""),
  );
}

test("importing @drills/lib loads tfjs but not vega, vega-lite or danfojs; the first plot loads vega", () => {
  const lib = JSON.stringify(path.join(DIST, "index.js"));
  const eager = loadedAfter(`require(${lib})`);
  assert.ok(eager.includes("@tensorflow"), "tfjs is loaded eagerly (every drill uses it)");
  for (const lazy of ["vega", "vega-lite", "danfojs"])
    assert.not.ok(eager.includes(lazy), `${lazy} loaded by the import alone`);
  const plotted = loadedAfter(
    `const l = require(${lib}); await l.renderSvg(l.lineSpec([{ a: 0, b: 1 }], { x: "a", y: "b" }))`,
  );
  assert.ok(plotted.includes("vega") && plotted.includes("vega-lite"), "a plot loads vega and vega-lite");
  assert.not.ok(plotted.includes("danfojs"));
});

test.run();
