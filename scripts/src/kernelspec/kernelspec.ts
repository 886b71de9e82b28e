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
    metadata: { generated_by: "scripts/src/kernelspec (npm run kernelspec)" },
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

export function specDir(dataDir: string, name = KERNEL_NAME): string {
  return path.join(dataDir, "kernels", name);
}

export type WriteOutcome = "created" | "updated" | "unchanged";

/** Writes kernel.json idempotently: an identical file is left untouched. */
export function writeSpec(dataDir: string, spec: KernelSpec = buildSpec()): { file: string; outcome: WriteOutcome } {
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
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
  return { file, outcome: before === undefined ? "created" : "updated" };
}

/** The environment for any process that should find the project's kernelspec. */
export function kernelEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const prev = env.JUPYTER_PATH ? env.JUPYTER_PATH.split(path.delimiter) : [];
  const jupyterPath = [PROJECT_DATA_DIR, ...prev.filter((p) => p !== PROJECT_DATA_DIR)].join(path.delimiter);
  return { ...env, JUPYTER_PATH: jupyterPath };
}
