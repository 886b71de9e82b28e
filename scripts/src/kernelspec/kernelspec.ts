/**
 * The tslab kernelspec, written by Node (no Python, no `tslab install`).
 *
 * Jupyter finds kernels in `<data dir>/kernels/<name>/kernel.json`. The project keeps its own data dir
 * (`share/jupyter` under the project, git-ignored because it holds absolute paths) and every npm script that starts
 * a kernel points JUPYTER_PATH at it. `--user` also writes the spec where Jupyter looks for the current user.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const KERNEL_NAME = "tslab";
export const DISPLAY_NAME = "TypeScript";

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  metadata?: Record<string, unknown>;
}

/** The project root: the folder with the root package.json, three levels above scripts/dist/kernelspec. */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..", "..");

/** The project-local Jupyter data dir; put it on JUPYTER_PATH. */
export const PROJECT_DATA_DIR = path.join(PROJECT_ROOT, "share", "jupyter");

/** Marks a kernel.json as ours: only a spec without it (e.g. one `tslab install` wrote) is backed up before a write. */
export const GENERATED_BY = "scripts/src/kernelspec (npm run kernelspec)";

/** The V8 code cache kernels read (built by `npm run kernelspec`, see codecache.ts). */
export const CODE_CACHE_DIR = path.join(PROJECT_DATA_DIR, "kernels", KERNEL_NAME, "v8-cache");

/** The preload that reads the code cache, as compiled into scripts/dist. */
export function preloadPath(root = PROJECT_ROOT): string {
  return path.join(root, "scripts", "dist", "kernelspec", "preload.js");
}

export function buildSpec(root = PROJECT_ROOT, preload = fs.existsSync(preloadPath(root))): KernelSpec {
  return {
    // Absolute node and tslab paths: the kernel must be this project's tslab (the checks render through its
    // display channel), whatever node or tslab is first on the PATH of the Jupyter that starts it. The preload
    // (when built) only reads the code cache; without a cache it changes nothing.
    argv: [
      process.execPath,
      ...(preload ? ["--require", preloadPath(root)] : []),
      path.join(root, "node_modules", "tslab", "bin", "tslab"),
      "kernel",
      "--config-path",
      "{connection_file}",
    ],
    display_name: DISPLAY_NAME,
    language: "typescript",
    metadata: { generated_by: GENERATED_BY },
  };
}

/** Where Jupyter looks for the current user's kernels on this platform (jupyter_core.paths.jupyter_data_dir). */
export function userDataDir(env = process.env, platform = process.platform, home = os.homedir()): string {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (platform === "darwin") return path.join(home, "Library", "Jupyter");
  if (platform === "win32") {
    const appdata = env.APPDATA ?? path.join(home, "AppData", "Roaming");
    return path.join(appdata, "jupyter");
  }
  const xdg = env.XDG_DATA_HOME || path.join(home, ".local", "share");
  return path.join(xdg, "jupyter");
}

/**
 * Jupyter's rule for kernel names, anchored: a name is looked up as a folder, so anything else (`..`, `/`, a
 * leading dot or dash) could name a folder outside the data dirs and run its kernel.json.
 */
export const KERNEL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isKernelName(name: unknown): name is string {
  return typeof name === "string" && KERNEL_NAME_PATTERN.test(name);
}

export function specDir(dataDir: string, name = KERNEL_NAME): string {
  if (!isKernelName(name))
    throw new Error(`kernelspec name ${JSON.stringify(name)} does not match ${KERNEL_NAME_PATTERN}`);
  return path.join(dataDir, "kernels", name);
}

export type WriteOutcome = "created" | "updated" | "unchanged";

export interface WriteResult {
  file: string;
  outcome: WriteOutcome;
  /** Where the replaced kernel.json went, when another tool had written it. */
  backup?: string;
}

/** Whether kernel.json text came from this writer (any version of it), judged by metadata.generated_by. */
export function isOurs(text: string): boolean {
  try {
    return (JSON.parse(text) as KernelSpec).metadata?.generated_by === GENERATED_BY;
  } catch {
    return false;
  }
}

/** The first free `kernel.json.bak`, `kernel.json.bak.2`, …: an earlier backup is never overwritten. */
function backupPath(file: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${file}.bak` : `${file}.bak.${n}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/**
 * Writes kernel.json idempotently: an identical file is left untouched. A kernel.json another tool wrote (such as
 * `tslab install`'s, which runs whatever tslab is on PATH) is copied to a backup first, never silently replaced.
 */
export function writeSpec(dataDir: string, spec: KernelSpec = buildSpec()): WriteResult {
  const dir = specDir(dataDir);
  const file = path.join(dir, "kernel.json");
  const text = JSON.stringify(spec, null, 2) + "\n";
  let before: string | undefined;
  try {
    before = fs.readFileSync(file, "utf8");
  } catch {
    before = undefined;
  }
  if (before === text) return { file, outcome: "unchanged" };
  let backup: string | undefined;
  if (before !== undefined && !isOurs(before)) {
    backup = backupPath(file);
    fs.copyFileSync(file, backup);
  }
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
  return { file, outcome: before === undefined ? "created" : "updated", ...(backup ? { backup } : {}) };
}

/** The environment for any process that should find the project's kernelspec. */
export function kernelEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const prev = env.JUPYTER_PATH ? env.JUPYTER_PATH.split(path.delimiter) : [];
  const jupyterPath = [PROJECT_DATA_DIR, ...prev.filter((p) => p !== PROJECT_DATA_DIR)].join(path.delimiter);
  return { ...env, JUPYTER_PATH: jupyterPath };
}
