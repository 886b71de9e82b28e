/** The kernelspec writer: the spec's argv, per-platform user locations, idempotent writes, and JUPYTER_PATH. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import {
  buildSpec,
  isOurs,
  kernelEnv,
  PROJECT_DATA_DIR,
  PROJECT_ROOT,
  specDir,
  userDataDir,
  writeSpec,
} from "./kernelspec";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "drills-kernelspec-"));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("the spec runs this project's tslab with this node, connection file as its own argv entry", () => {
  const spec = buildSpec("/proj");
  assert.equal(spec.argv, [
    process.execPath,
    "/proj/node_modules/tslab/bin/tslab",
    "kernel",
    "--config-path",
    "{connection_file}",
  ]);
  assert.is(spec.display_name, "TypeScript");
  assert.is(spec.language, "typescript");
  const bin = buildSpec().argv.find((a) => a.endsWith(path.join("tslab", "bin", "tslab")));
  assert.ok(bin && fs.existsSync(bin), "tslab's bin should exist in this checkout");
});

test("with the preload built, node requires it before tslab; Jupyter still fills in {connection_file}", () => {
  const spec = buildSpec("/proj", true);
  assert.equal(spec.argv, [
    process.execPath,
    "--require",
    "/proj/scripts/dist/kernelspec/preload.js",
    "/proj/node_modules/tslab/bin/tslab",
    "kernel",
    "--config-path",
    "{connection_file}",
  ]);
  assert.ok(fs.existsSync(buildSpec().argv[2]), "this checkout's spec preloads the built preload.js");
});

test("user data dir follows jupyter_core on each platform", () => {
  assert.is(userDataDir({}, "linux", "/home/a"), "/home/a/.local/share/jupyter");
  assert.is(userDataDir({ XDG_DATA_HOME: "/x" }, "linux", "/home/a"), "/x/jupyter");
  assert.is(userDataDir({}, "darwin", "/Users/a"), "/Users/a/Library/Jupyter");
  assert.is(
    userDataDir({ APPDATA: "C:\\Users\\a\\AppData\\Roaming" }, "win32", "C:\\Users\\a"),
    path.join("C:\\Users\\a\\AppData\\Roaming", "jupyter"),
  );
  assert.is(userDataDir({ JUPYTER_DATA_DIR: "/j" }, "darwin", "/Users/a"), "/j");
});

test("writes are idempotent: created, then unchanged, then updated when the spec changes", () => {
  const dir = path.join(tmp, "idem");
  assert.is(writeSpec(dir).outcome, "created");
  const file = path.join(specDir(dir), "kernel.json");
  const before = fs.statSync(file).mtimeMs;
  assert.is(writeSpec(dir).outcome, "unchanged");
  assert.is(fs.statSync(file).mtimeMs, before);
  assert.is(writeSpec(dir, { ...buildSpec(), display_name: "Other" }).outcome, "updated");
  assert.is(JSON.parse(fs.readFileSync(file, "utf8")).display_name, "Other");
  assert.equal(fs.readdirSync(specDir(dir)), ["kernel.json"], "no temp file is left behind");
});

test("kernelEnv puts the project's data dir first on JUPYTER_PATH, once", () => {
  const env = kernelEnv({ JUPYTER_PATH: ["/a", PROJECT_DATA_DIR, "/b"].join(path.delimiter) });
  assert.equal(env.JUPYTER_PATH!.split(path.delimiter), [PROJECT_DATA_DIR, "/a", "/b"]);
  assert.is(kernelEnv({}).JUPYTER_PATH, PROJECT_DATA_DIR);
});

test("cli --user writes where JUPYTER_DATA_DIR says and prints how to remove it; bad options exit 2", () => {
  const cli = path.join(PROJECT_ROOT, "scripts", "dist", "kernelspec", "cli.js");
  const dataDir = path.join(tmp, "user");
  const r = spawnSync(process.execPath, [cli, "--user"], {
    env: { ...process.env, JUPYTER_DATA_DIR: dataDir },
    encoding: "utf8",
  });
  assert.is(r.status, 0, r.stderr);
  assert.ok(fs.existsSync(path.join(specDir(dataDir), "kernel.json")));
  assert.match(r.stdout, `kernelspec created: ${path.join(specDir(dataDir), "kernel.json")}`);
  assert.match(r.stdout, "remove with: rm -r");
  const bad = spawnSync(process.execPath, [cli, "--nope"], { encoding: "utf8" });
  assert.is(bad.status, 2);
  assert.match(bad.stderr, "unknown option: --nope");
  assert.is(bad.stdout, "", "errors go to stderr only");
});

test("a kernel.json another tool wrote is backed up, never overwritten; ours is replaced in place", () => {
  const dir = path.join(tmp, "foreign");
  const file = path.join(specDir(dir), "kernel.json");
  // What `tslab install` writes: the tslab first on PATH, no metadata of ours.
  const foreign = JSON.stringify({
    argv: ["tslab", "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript",
    language: "typescript",
  });
  fs.mkdirSync(specDir(dir), { recursive: true });
  fs.writeFileSync(file, foreign);
  assert.not.ok(isOurs(foreign));
  const first = writeSpec(dir);
  assert.equal([first.outcome, first.backup], ["updated", `${file}.bak`]);
  assert.is(fs.readFileSync(`${file}.bak`, "utf8"), foreign, "the backup holds the replaced spec byte for byte");
  assert.ok(isOurs(fs.readFileSync(file, "utf8")));
  // Our own spec, changed: no backup.
  assert.is(writeSpec(dir, { ...buildSpec(), display_name: "Other" }).backup, undefined);
  // A second foreign spec does not overwrite the first backup.
  fs.writeFileSync(file, "not json");
  assert.is(writeSpec(dir).backup, `${file}.bak.2`);
  assert.is(fs.readFileSync(`${file}.bak`, "utf8"), foreign);
  assert.is(fs.readFileSync(`${file}.bak.2`, "utf8"), "not json");
});

test("cli --user says where it kept the foreign spec it replaced", () => {
  const cli = path.join(PROJECT_ROOT, "scripts", "dist", "kernelspec", "cli.js");
  const dataDir = path.join(tmp, "user-foreign");
  const file = path.join(specDir(dataDir), "kernel.json");
  fs.mkdirSync(specDir(dataDir), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ argv: ["tslab"], display_name: "TypeScript", language: "typescript" }));
  const r = spawnSync(process.execPath, [cli, "--user"], {
    env: { ...process.env, JUPYTER_DATA_DIR: dataDir },
    encoding: "utf8",
  });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, `was not written by this project; kept a copy at ${file}.bak`);
  const v = spawnSync(process.execPath, [cli, "--version"], { encoding: "utf8" });
  assert.match(v.stdout, /^kernelspec \d+\.\d+\.\d+\n$/);
});

test.run();
