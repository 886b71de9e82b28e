/**
 * The grading kernel's checks package holds the kernel half only: every registered drill's calls reach no oracle,
 * judge, hidden property, fixture or model answer; a calls module that did would stop the build; the notebook
 * entries are stubs; and every declaration is there so candidates' cells still compile.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REGISTRY } from "@drills/checks/meta";
import { buildKernelChecks, closure, JUDGE_SIDE } from "./kernel-build";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "drills-kernel-build-"));
// Inside the project, as in grading, so the stubs resolve @drills/lib.
const inside = path.resolve(__dirname, "..", "..", "..", "build", `kernel-build-spec-${process.pid}`);

test("the real build: no judge-side module, stubs for the notebook entries, every declaration", () => {
  const pkg = path.join(inside, "node_modules", "@drills", "checks");
  const modules = buildKernelChecks(pkg);
  assert.ok(modules.includes("kernel.js") && modules.some((m) => m.endsWith("/calls.js")));
  assert.equal(
    modules.filter((m) => JUDGE_SIDE.test(m)),
    [],
  );
  const files: string[] = [];
  const walk = (d: string): void =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .forEach((e) =>
        e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.relative(pkg, path.join(d, e.name))),
      );
  walk(pkg);
  const js = files.filter((f) => f.endsWith(".js"));
  assert.equal(
    js.filter((f) => JUDGE_SIDE.test(f.replace(/^dist\//, ""))),
    [],
    "no judge-side .js at all",
  );
  assert.equal(
    files.filter((f) => f.endsWith(".json") && f !== "package.json"),
    [],
    "no fixture data",
  );
  assert.equal(
    files.filter((f) => /(^|\/)test\//.test(f) || f.includes(".spec.")),
    [],
    "no test code, not even its declarations",
  );
  assert.ok(
    files.includes("dist/index.d.ts") && files.includes("dist/drills/01-zscore/check.d.ts"),
    "declarations for the notebook's imports",
  );
  const stub = require(path.join(pkg, "dist", "drills", "01-zscore", "check.js"));
  assert.equal(Object.keys(stub).sort(), ["checkZscore", "hint", "solution"]);
  const index = require(path.join(pkg, "dist", "index.js"));
  for (const d of REGISTRY) for (const p of d.parts) assert.type(index[p.check], "function", `${p.check} stub`);
});

test("a calls module that requires an oracle stops the build, naming it", () => {
  const dist = path.join(tmp, "fake", "dist");
  fs.mkdirSync(path.join(dist, "drills", "01-zscore"), { recursive: true });
  fs.writeFileSync(path.join(dist, "kernel.js"), 'require("./codec");');
  fs.writeFileSync(path.join(dist, "codec.js"), "");
  fs.writeFileSync(path.join(dist, "meta.js"), "");
  fs.writeFileSync(path.join(dist, "drills", "01-zscore", "calls.js"), 'const o = require("./oracle");');
  fs.writeFileSync(path.join(dist, "drills", "01-zscore", "oracle.js"), "");
  fs.writeFileSync(path.join(tmp, "fake", "package.json"), "{}");
  assert.equal(closure(dist, ["drills/01-zscore/calls.js"]), [
    "drills/01-zscore/calls.js",
    "drills/01-zscore/oracle.js",
  ]);
  assert.throws(
    () => buildKernelChecks(path.join(tmp, "out"), path.join(tmp, "fake")),
    /reaches judge-side modules: drills\/01-zscore\/oracle\.js/,
  );
});

test.after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(inside, { recursive: true, force: true });
});

test.run();
