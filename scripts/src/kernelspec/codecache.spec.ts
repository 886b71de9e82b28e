/**
 * The code cache hook, in child processes (it patches the module loader): a module loads from the cache, and a
 * stale, corrupt or foreign cache is ignored — never the cached code of a different source.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isFresh } from "./cachebuild";
import { hasDynamicImport } from "./warmup";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "drills-codecache-"));
test.after(() => {
  for (const d of fs.readdirSync(tmp)) fs.chmodSync(path.join(tmp, d), 0o755);
  fs.rmSync(tmp, { recursive: true, force: true });
});
const hook = path.join(__dirname, "codecache.js");
const mod = path.join(tmp, "mod.js");
const SOURCE_A =
  'const dep = require("node:path"); module.exports = { answer: "AAAA", file: __filename, dir: __dirname, dep: dep.sep, resolved: require.resolve("node:fs") };\n';
const SOURCE_B = SOURCE_A.replace("AAAA", "BBBB"); // same length: V8's own check (length only) would not notice

function child(code: string): { status: number | null; out: Record<string, unknown>; stderr: string } {
  const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8" });
  const line = r.stdout.trim().split("\n").pop() ?? "";
  return { status: r.status, out: line ? JSON.parse(line) : {}, stderr: r.stderr };
}
const record = (dir: string) =>
  child(
    `const c = require(${JSON.stringify(hook)}); const rec = c.recordCodeCache((f) => f === ${JSON.stringify(mod)}); require(${JSON.stringify(mod)}); const m = rec.write(${JSON.stringify(dir)}); console.log(JSON.stringify({ n: Object.keys(m.files).length }));`,
  );
const use = (dir: string) =>
  child(
    `const c = require(${JSON.stringify(hook)}); const stats = c.useCodeCache(${JSON.stringify(dir)}); const m = require(${JSON.stringify(mod)}); console.log(JSON.stringify({ ...stats, ...m }));`,
  );

test("a recorded module loads from the cache with its own require, __filename and __dirname", () => {
  fs.writeFileSync(mod, SOURCE_A);
  const dir = path.join(tmp, "ok");
  assert.equal(record(dir).out, { n: 1 });
  const r = use(dir);
  assert.is(r.status, 0, r.stderr);
  assert.equal(r.out, {
    hits: 1,
    rejected: 0,
    stale: 0,
    answer: "AAAA",
    file: mod,
    dir: tmp,
    dep: path.sep,
    resolved: "node:fs",
  });
  for (const f of fs.readdirSync(dir))
    assert.is(fs.statSync(path.join(dir, f)).mode & 0o777, 0o444, `${f} is read-only`);
});

test("import() in a module: Node 20 loses it under cachedData, so the build leaves such modules out", () => {
  const dyn = path.join(tmp, "dyn.js");
  fs.writeFileSync(dyn, 'module.exports = () => import("node:path").then((m) => m.sep);\n');
  const run = (dir: string, keep: string) => {
    const rec = child(
      `const c = require(${JSON.stringify(hook)}); const r = c.recordCodeCache((f) => f === ${JSON.stringify(dyn)}); require(${JSON.stringify(dyn)}); r.write(${JSON.stringify(dir)}, ${keep}); console.log("{}")`,
    );
    assert.is(rec.status, 0, rec.stderr);
    return child(
      `const c = require(${JSON.stringify(hook)}); const s = c.useCodeCache(${JSON.stringify(dir)}); require(${JSON.stringify(dyn)})().then((sep) => console.log(JSON.stringify({ ...s, sep })), (e) => console.log(JSON.stringify({ ...s, error: e.code })))`,
    ).out;
  };
  assert.equal(
    run(path.join(tmp, "dyn-all"), "undefined"),
    { hits: 1, rejected: 0, stale: 0, error: "ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING" },
    "the limitation this guards against",
  );
  const ts = require("@tslab/typescript-for-tslab");
  const keep = `(s) => !require(${JSON.stringify(path.join(__dirname, "warmup.js"))}).hasDynamicImport(require("@tslab/typescript-for-tslab"), s)`;
  assert.equal(run(path.join(tmp, "dyn-kept"), keep), { hits: 0, rejected: 0, stale: 0, sep: path.sep });
  assert.ok(hasDynamicImport(ts, fs.readFileSync(dyn, "utf8")));
});

test("hasDynamicImport: only a real import() call, not the word in strings, comments, templates or regexes", () => {
  const ts = require("@tslab/typescript-for-tslab");
  const no = [
    'const s = "import(x)";',
    "// import(x)\n/* import(y) */ f();",
    "const t = `a ${b} import(c)`;",
    "const r = /import(x)/.test(s);",
    "x.import(1); import.meta;",
    "const t = `${ { a: 1 }.a }` + f(`${g}`);",
  ];
  for (const src of no) assert.not.ok(hasDynamicImport(ts, src), src);
  const yes = [
    "const m = await import('x');",
    "f(() => import(`./${n}`));",
    "const t = `${a}`; if (x) { import('y'); }",
    "const d = a / b; import('z');",
  ];
  for (const src of yes) assert.ok(hasDynamicImport(ts, src), src);
});

test("a changed source of the same length is compiled afresh, not run from the old cache", () => {
  fs.writeFileSync(mod, SOURCE_A);
  const dir = path.join(tmp, "stale");
  record(dir);
  fs.writeFileSync(mod, SOURCE_B);
  const r = use(dir);
  assert.is(r.out.answer, "BBBB");
  assert.is(r.out.stale, 1);
  assert.is(r.out.hits, 0);
});

test("a data file swapped for another module's (valid V8 data, wrong hash) is not run", () => {
  fs.writeFileSync(mod, SOURCE_A);
  const dir = path.join(tmp, "swapped");
  record(dir);
  const other = path.join(tmp, "other");
  fs.writeFileSync(mod, SOURCE_B);
  record(other);
  fs.chmodSync(path.join(dir, "0.bin"), 0o644);
  fs.copyFileSync(path.join(other, "0.bin"), path.join(dir, "0.bin"));
  fs.writeFileSync(mod, SOURCE_A);
  const r = use(dir);
  assert.is(r.out.answer, "AAAA");
  assert.equal([r.out.hits, r.out.rejected], [0, 1]);
});

test("corrupt cached data is rejected and the module still loads", () => {
  fs.writeFileSync(mod, SOURCE_A);
  const dir = path.join(tmp, "corrupt");
  record(dir);
  const bin = path.join(dir, "0.bin");
  fs.chmodSync(bin, 0o644);
  fs.writeFileSync(bin, Buffer.alloc(fs.statSync(bin).size, 7));
  const manifestFile = path.join(dir, "manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  manifest.files[mod].dataSha256 = require("node:crypto")
    .createHash("sha256")
    .update(fs.readFileSync(bin))
    .digest("hex");
  fs.chmodSync(manifestFile, 0o644);
  fs.writeFileSync(manifestFile, JSON.stringify(manifest)); // hash matches: V8's own check must reject it
  const r = use(dir);
  assert.is(r.out.answer, "AAAA");
  assert.equal([r.out.hits, r.out.rejected], [0, 1]);
});

test("a manifest from another node version, a broken manifest, a path escaping the cache or no cache: plain loading", () => {
  fs.writeFileSync(mod, SOURCE_A);
  const dir = path.join(tmp, "foreign");
  record(dir);
  const file = path.join(dir, "manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  fs.chmodSync(file, 0o644);
  const variants = [
    JSON.stringify({ ...manifest, node: "v0.0.0" }),
    "{ not json",
    JSON.stringify({ ...manifest, files: { [mod]: { ...manifest.files[mod], data: "../ok/0.bin" } } }),
  ];
  for (const text of variants) {
    fs.writeFileSync(file, text);
    const r = use(dir);
    assert.is(r.status, 0, r.stderr);
    assert.equal([r.out.answer, r.out.hits], ["AAAA", 0], text.slice(0, 40));
  }
  assert.is(use(path.join(tmp, "none")).out.answer, "AAAA");
});

test("isFresh: only a cache built by this node from the installed sources", () => {
  fs.writeFileSync(mod, SOURCE_A);
  const dir = path.join(tmp, "fresh");
  record(dir);
  assert.ok(isFresh(dir));
  fs.writeFileSync(mod, SOURCE_B);
  assert.not.ok(isFresh(dir));
  assert.not.ok(isFresh(path.join(tmp, "none")));
});

test.run();
