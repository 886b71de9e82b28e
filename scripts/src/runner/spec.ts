/**
 * Finds a kernelspec the way Jupyter does: `<data dir>/kernels/<name>/kernel.json` over JUPYTER_PATH, then the user
 * data dir, then the system dirs. `kernelEnv()` puts the project's own data dir first on JUPYTER_PATH, so the
 * project's tslab wins over any globally installed one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { KERNEL_NAME_PATTERN, KernelSpec, isKernelName, kernelEnv, userDataDir } from "../kernelspec/kernelspec";
import { NotebookError, text } from "./errors";

export interface FoundSpec {
  name: string;
  dir: string;
  spec: KernelSpec & { env?: Record<string, string> };
}

export function dataDirs(env: NodeJS.ProcessEnv = kernelEnv()): string[] {
  const fromEnv = env.JUPYTER_PATH ? env.JUPYTER_PATH.split(path.delimiter).filter(Boolean) : [];
  const system = process.platform === "win32" ? [] : ["/usr/local/share/jupyter", "/usr/share/jupyter"];
  return [...new Set([...fromEnv, userDataDir(env), ...system])];
}

export function findKernelSpec(name: string, env: NodeJS.ProcessEnv = kernelEnv()): FoundSpec {
  // Checked before any path is built from it: the name comes from the notebook, i.e. from whoever wrote it.
  if (!isKernelName(name))
    throw new NotebookError("unknown-kernel", text.badKernelName(name, String(KERNEL_NAME_PATTERN)));
  const dirs = dataDirs(env);
  for (const dataDir of dirs) {
    const dir = path.join(dataDir, "kernels", name);
    const file = path.join(dir, "kernel.json");
    if (!fs.existsSync(file)) continue;
    let spec: FoundSpec["spec"];
    try {
      spec = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      throw new NotebookError("unknown-kernel", text.badKernelSpec(file, (error as Error).message));
    }
    if (!Array.isArray(spec.argv) || spec.argv.length === 0 || !spec.argv.every((a) => typeof a === "string")) {
      throw new NotebookError("unknown-kernel", text.badKernelSpec(file, "argv must be a non-empty list of strings"));
    }
    return { name, dir, spec };
  }
  throw new NotebookError("unknown-kernel", text.unknownKernel(name, dirs));
}

/** The argv with Jupyter's placeholders filled in. */
export function kernelArgv(found: FoundSpec, connectionFile: string): string[] {
  return found.spec.argv.map((arg) =>
    arg.replace("{connection_file}", connectionFile).replace("{resource_dir}", found.dir),
  );
}

/** The kernel's environment: the spec's own `env` over the caller's. */
export function kernelProcessEnv(found: FoundSpec, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, ...(found.spec.env ?? {}) };
}
