/**
 * Runs many notebooks, at most `jobs` at a time, each on its own kernel. One notebook's failure never stops the
 * others; an abort stops starting new ones and ends the running ones.
 */
import * as os from "node:os";
import { ExecuteOptions, NotebookResult, executeNotebook } from "./execute";
import { Job } from "./inputs";

export interface PoolOptions extends Omit<ExecuteOptions, "outPath"> {
  jobs?: number;
  /** Don't write executed notebooks (a grader that only wants results). */
  noWrite?: boolean;
  onStart?(job: Job): void;
  onDone?(result: NotebookResult): void;
}

export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** Results come back in the order of `jobs`, whatever order they finish in. */
export async function executeNotebooks(jobs: Job[], options: PoolOptions = {}): Promise<NotebookResult[]> {
  const results: NotebookResult[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const at = next++;
      const job = jobs[at];
      options.onStart?.(job);
      const result = await executeNotebook(job.input, { ...options, outPath: options.noWrite ? undefined : job.output });
      results[at] = result;
      options.onDone?.(result);
    }
  };
  const width = Math.min(jobs.length, Math.max(1, options.jobs ?? defaultJobs()));
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}
