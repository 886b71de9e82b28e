/**
 * Builds the kernels' V8 code cache at install time: runs warmup.js in a fresh node (the cache must come from a
 * process that compiled exactly what a kernel compiles), into a temporary folder that then replaces the old cache.
 * The finished folder and its files are read-only (0555/0444); kernels never open them for writing.
 */
import { spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { MANIFEST, type Manifest } from "./codecache";
import { CODE_CACHE_DIR, PROJECT_ROOT } from "./kernelspec";

/** True when the cache was built by this node from exactly the module sources now installed. */
export function isFresh(dir = CODE_CACHE_DIR): boolean {
  let m: Manifest;
  try {
    m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8")) as Manifest;
  } catch {
    return false;
  }
  if (m.node !== process.version || Object.keys(m.files ?? {}).length === 0) return false;
  return Object.entries(m.files).every(([file, e]) => {
    try {
      // An entry from an older manifest format (no dataSha256) would be refused by every kernel: rebuild.
      return (
        typeof e.dataSha256 === "string" &&
        crypto.createHash("sha256").update(fs.readFileSync(file, "utf8")).digest("hex") === e.source &&
        fs.existsSync(path.join(dir, e.data))
      );
    } catch {
      return false;
    }
  });
}

function remove(dir: string): void {
  if (!fs.existsSync(dir)) return;
  fs.chmodSync(dir, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
}

export type CacheOutcome = "unchanged" | "built" | "failed";

/** Rebuilds the cache unless it is fresh. A failed build leaves no cache (kernels then compile as usual). */
export function buildCodeCache(dir = CODE_CACHE_DIR, force = false): { outcome: CacheOutcome; detail: string } {
  if (!force && isFresh(dir)) return { outcome: "unchanged", detail: dir };
  const tmp = `${dir}.${process.pid}.tmp`;
  remove(tmp);
  const warmup = path.join(__dirname, "warmup.js");
  const r = spawnSync(process.execPath, [warmup, tmp], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, DRILLS_CODE_CACHE: "off" },
  });
  if (r.status !== 0 || !fs.existsSync(path.join(tmp, MANIFEST))) {
    remove(tmp);
    remove(dir);
    return {
      outcome: "failed",
      detail: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split("\n").slice(-3).join("\n"),
    };
  }
  remove(dir);
  fs.renameSync(tmp, dir);
  fs.chmodSync(dir, 0o555);
  return { outcome: "built", detail: `${dir} (${r.stdout.trim()})` };
}
