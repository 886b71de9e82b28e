/**
 * A V8 code cache for the kernel's biggest modules (tslab's bundled TypeScript, tfjs), so a kernel does not compile
 * them from source on every start. Node 20 has no built-in compile cache (22.1 does), so this is a CommonJS hook:
 * `Module.prototype._compile` runs listed files through `vm.Script` with `cachedData`.
 *
 * Trust: the cache is written once, at install time (`npm run kernelspec`, run by `prepare`), after a warm-up that
 * compiles the functions a kernel start and a setup cell use; kernels only read it. A file is used only when the
 * manifest's SHA-256 of the module source matches the source being loaded and the node version matches; V8 itself
 * rejects data built by another V8 or with other flags (`cachedDataRejected`). Anything missing, stale or corrupt
 * falls back to an ordinary compile. The cache sits beside kernel.json under the project's data dir, written by the
 * same user that owns node_modules: a process that could rewrite it could as well rewrite typescript.js itself, so
 * the cache must sit inside whatever the kernel sandbox mounts read-only, like node_modules. The data's own SHA-256
 * is checked too, so a data file swapped on its own is never run.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import Module = require("node:module");

export interface CacheEntry {
  /** SHA-256 (hex) of the module source the data was built from. */
  source: string;
  /** File name of the cached data, inside the cache dir. */
  data: string;
  /** SHA-256 (hex) of the cached data: a swapped data file alone is not run (bytecode is not verified by V8). */
  dataSha256: string;
}

export interface Manifest {
  generated_by: string;
  node: string;
  files: Record<string, CacheEntry>;
}

export const MANIFEST = "manifest.json";

export interface HookStats {
  hits: number;
  rejected: number;
  stale: number;
}

type Compile = (this: Module, content: string, filename: string) => unknown;
interface Internals {
  wrap(content: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _cache: unknown;
  _extensions: unknown;
  prototype: { _compile: Compile };
}
const M = Module as unknown as Internals;

/**
 * No `importModuleDynamically`: on Node 20 a script compiled from cachedData loses it anyway (import() then rejects
 * with ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so modules that call import() are left out of the cache at build
 * time (see hasDynamicImport).
 */
const scriptOptions = (filename: string, cachedData?: Buffer): vm.ScriptOptions => ({ filename, cachedData });

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/** Node's own module wrapper call, with a `require` built the way Node builds it for a module. */
function runWrapped(mod: Module, script: vm.Script, filename: string): unknown {
  const fn = script.runInThisContext({ displayErrors: true }) as (...a: unknown[]) => unknown;
  const req = ((id: string) => mod.require(id)) as NodeJS.Require;
  req.resolve = ((request: string, options?: unknown) =>
    M._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  req.main = require.main;
  req.cache = M._cache as NodeJS.Require["cache"];
  req.extensions = M._extensions as NodeJS.Require["extensions"];
  return fn.call(mod.exports, mod.exports, req, mod, filename, path.dirname(filename));
}

function readManifest(dir: string): Manifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8")) as Manifest;
    return m && m.node === process.version && m.files && typeof m.files === "object" ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the cache in `dir` (never writes it). Returns live counters; without a usable manifest it does nothing. */
export function useCodeCache(dir: string): HookStats {
  const stats: HookStats = { hits: 0, rejected: 0, stale: 0 };
  const manifest = readManifest(dir);
  if (!manifest) return stats;
  const original = M.prototype._compile;
  M.prototype._compile = function (this: Module, content: string, filename: string) {
    const entry = Object.prototype.hasOwnProperty.call(manifest.files, filename) ? manifest.files[filename] : undefined;
    if (!entry || typeof entry.data !== "string" || path.basename(entry.data) !== entry.data)
      return original.call(this, content, filename);
    if (sha256(content) !== entry.source) {
      stats.stale++;
      return original.call(this, content, filename);
    }
    let cachedData: Buffer;
    try {
      cachedData = fs.readFileSync(path.join(dir, entry.data));
    } catch {
      return original.call(this, content, filename);
    }
    if (crypto.createHash("sha256").update(cachedData).digest("hex") !== entry.dataSha256) {
      stats.rejected++;
      return original.call(this, content, filename);
    }
    const script = new vm.Script(M.wrap(content), scriptOptions(filename, cachedData));
    if (script.cachedDataRejected) stats.rejected++;
    else stats.hits++;
    return runWrapped(this, script, filename);
  };
  return stats;
}

/**
 * Compiles every module whose path `include` accepts through vm.Script and, when `write` is called (after the
 * warm-up ran), serialises each one with the functions compiled so far. Build-time only.
 */
export function recordCodeCache(include: (filename: string) => boolean): {
  write(dir: string, keep?: (source: string) => boolean): Manifest;
} {
  const scripts: { filename: string; source: string; text: string; script: vm.Script }[] = [];
  const original = M.prototype._compile;
  M.prototype._compile = function (this: Module, content: string, filename: string) {
    if (!include(filename)) return original.call(this, content, filename);
    const script = new vm.Script(M.wrap(content), scriptOptions(filename));
    scripts.push({ filename, source: sha256(content), text: content, script });
    return runWrapped(this, script, filename);
  };
  return {
    /** `keep` sees each module's source; modules it refuses are not cached (they compile as usual). */
    write(dir: string, keep: (source: string) => boolean = () => true): Manifest {
      const manifest: Manifest = {
        generated_by: "scripts/src/kernelspec/codecache.ts (npm run kernelspec); do not edit",
        node: process.version,
        files: {},
      };
      fs.mkdirSync(dir, { recursive: true });
      scripts.forEach(({ filename, source, text, script }, i) => {
        if (!keep(text)) return;
        const data = `${i}.bin`;
        const bytes = script.createCachedData();
        fs.writeFileSync(path.join(dir, data), bytes, { mode: 0o444 });
        manifest.files[filename] = {
          source,
          data,
          dataSha256: crypto.createHash("sha256").update(bytes).digest("hex"),
        };
      });
      fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 1) + "\n", { mode: 0o444 });
      return manifest;
    },
  };
}
