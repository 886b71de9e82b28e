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

/**
 * The one worker pool: `task` over every item, at most `width` at a time (≥ 1), each worker taking the next item
 * as it frees up. Results come back in the order of `items`, whatever order they finish in. A task that throws
 * rejects the whole map (tasks here report failures in their results instead).
 */
export async function mapPool<T, R>(
  items: readonly T[],
  width: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await task(items[at], at);
    }
  };
  await Promise.all(Array.from({ length: Math.min(items.length, Math.max(1, Math.floor(width))) }, worker));
  return results;
}

/** Results come back in the order of `jobs`, whatever order they finish in. */
export function executeNotebooks(jobs: Job[], options: PoolOptions = {}): Promise<NotebookResult[]> {
  return mapPool(jobs, options.jobs ?? defaultJobs(), async (job) => {
    options.onStart?.(job);
    const result = await executeNotebook(job.input, { ...options, outPath: options.noWrite ? undefined : job.output });
    options.onDone?.(result);
    return result;
  });
}
