/**
 * Turns command-line paths into the notebooks to run and where each executed copy goes. Output paths mirror the
 * input's path relative to the working directory, so two `index.ipynb` in different folders never collide.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError, text } from "./errors";

export interface Job {
  input: string;
  output: string;
}

export function collectNotebooks(args: string[]): string[] {
  const found: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      throw new UsageError(text.missingInput(arg));
    }
    if (stat.isDirectory()) {
      const inFolder = walk(arg);
      if (inFolder.length === 0) throw new UsageError(text.emptyFolder(arg));
      found.push(...inFolder);
    } else if (arg.endsWith(".ipynb")) {
      found.push(arg);
    } else {
      throw new UsageError(text.notNotebook(arg));
    }
  }
  const seen = new Set<string>();
  return found.filter((file) => !seen.has(path.resolve(file)) && seen.add(path.resolve(file)));
}

/** Sorted, skipping hidden folders (.ipynb_checkpoints) and node_modules. */
function walk(dir: string): string[] {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else if (entry.name.endsWith(".ipynb")) files.push(full);
  }
  return files;
}

/** Output paths are relative when `outDir` is, i.e. resolved against the process's working directory. */
export function planJobs(inputs: string[], options: { outDir: string; inplace: boolean; cwd?: string }): Job[] {
  const cwd = options.cwd ?? process.cwd();
  return inputs.map((input) => {
    if (options.inplace) return { input, output: input };
    const absolute = path.resolve(cwd, input);
    let relative = path.relative(cwd, absolute);
    // Outside the working directory: mirror the absolute path instead of escaping the output folder with "..".
    if (relative.startsWith("..") || path.isAbsolute(relative)) relative = absolute.replace(/^([A-Za-z]:)?[\\/]+/, "");
    return { input, output: path.join(options.outDir, relative) };
  });
}

/**
 * Nothing the user wrote is overwritten unless they asked: without --inplace an output may not be its own input
 * (`--out .` run from the input's folder), and --inplace refuses a read-only notebook rather than replacing it
 * (a rename would, even as root, where access(W_OK) always says yes — so the mode bits decide).
 */
export function checkOutputs(jobs: Job[], inplace: boolean): void {
  for (const job of jobs) {
    const same = path.resolve(job.output) === path.resolve(job.input);
    if (same && !inplace) throw new UsageError(text.outputIsInput(job.input));
    if (same && isReadOnly(job.input)) throw new UsageError(text.readOnlyInplace(job.input));
  }
}

export function isReadOnly(file: string): boolean {
  try {
    return (fs.statSync(file).mode & 0o222) === 0;
  } catch {
    return false;
  }
}
