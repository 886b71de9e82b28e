/**
 * What a drill's setup cell costs: tslab type-checks every .d.ts that `@drills/checks/<id>` reaches, and the kernel
 * loads every module it requires. So a drill's entry may name and load only what its own notebook imports anyway
 * (read from the solution notebook, not listed here), plus tfjs-core's types for a drill on tensors. Never the types
 * of the whole of `@tensorflow/tfjs` (600 .d.ts files against tfjs-core's 295), fast-check (loaded when a property
 * first runs), vega, or another drill's libraries.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { packagesLoaded, packagesReached } from "@drills/lib/dist/surface";
import { REGISTRY } from "../registry";

const ROOT = path.resolve(__dirname, "../../..");
const NEVER_TYPED = ["@tensorflow/tfjs", "fast-check", "vega", "vega-lite"];
const NEVER_LOADED = ["fast-check", "vega", "vega-lite"];
/**
 * What a drill whose notebook imports tfjs-core loads besides: the whole of tfjs, because only its bundle registers
 * the gradients, chained ops and backends (`@drills/lib/dist/tfjs`; its types stay out of the program).
 */
const TENSOR_RUNTIME = ["@tensorflow/tfjs"];
const runtimeOf = (own: Set<string>) => (own.has("@tensorflow/tfjs-core") ? TENSOR_RUNTIME : []);

/** The packages a notebook's code cells import (`from "x"`, `import("x")`, `import "x"`), as package names. */
function notebookImports(id: string): Set<string> {
  const nb = JSON.parse(fs.readFileSync(path.join(ROOT, "notebooks/solutions", `${id}.ipynb`), "utf8"));
  const code = (nb.cells as { cell_type: string; source: string[] }[])
    .filter((c) => c.cell_type === "code")
    .map((c) => c.source.join(""))
    .join("\n");
  return new Set([...code.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1]));
}

const packageOf = (spec: string) =>
  spec
    .split("/")
    .slice(0, spec.startsWith("@") ? 2 : 1)
    .join("/");

for (const drill of REGISTRY) {
  const own = notebookImports(drill.id);
  const ownPackages = new Set([...own].map(packageOf));

  test(`${drill.id}: its check entry's types name only what its notebook imports`, () => {
    const reached = [...packagesReached(path.join(__dirname, drill.id, "check.d.ts"))];
    assert.equal(
      reached.filter((p) => !own.has(p) && p !== "@tensorflow/tfjs-core"),
      [],
      `@drills/checks/${drill.id} makes tslab read packages its notebook does not import`,
    );
    for (const p of NEVER_TYPED)
      assert.not.ok(reached.includes(p), `${p} is named by @drills/checks/${drill.id}'s types`);
  });

  test(`${drill.id}: importing its check entry loads only its notebook's libraries (and tfjs, for tensors)`, () => {
    const entry = JSON.stringify(path.join(__dirname, drill.id, "check.js"));
    const loaded = packagesLoaded(`require(${entry})`, ROOT);
    const allowed = withDependencies([...ownPackages, ...runtimeOf(ownPackages)]);
    const foreign = loaded.filter((p) => !allowed.has(p));
    assert.equal(foreign, [], `@drills/checks/${drill.id} loads packages its notebook does not use`);
    for (const p of NEVER_LOADED) assert.not.ok(loaded.includes(p), `${p} is loaded by @drills/checks/${drill.id}`);
  });
}

/** The packages and their dependencies, transitively: what comes with a library the drill uses is not its choice. */
function withDependencies(packages: string[]): Set<string> {
  const deps = (name: string): string[] => {
    try {
      const json = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8"));
      return [...Object.keys(json.dependencies ?? {}), ...Object.keys(json.optionalDependencies ?? {})];
    } catch {
      return [];
    }
  };
  const closure = new Set<string>();
  const visit = (p: string): void => {
    if (closure.has(p)) return;
    closure.add(p);
    deps(p).forEach(visit);
  };
  packages.forEach(visit);
  return closure;
}

test("the surface walk and the load list can fail: drill 02's entry names and loads nodejs-polars", () => {
  assert.ok(packagesReached(path.join(__dirname, "02-impute-median", "check.d.ts")).has("nodejs-polars"));
  const loaded = packagesLoaded(
    `require(${JSON.stringify(path.join(__dirname, "02-impute-median", "check.js"))})`,
    ROOT,
  );
  assert.ok(loaded.includes("nodejs-polars"));
  assert.not.ok(notebookImports("01-zscore").has("nodejs-polars"), "so drill 01 could not import it unnoticed");
});

test.run();
