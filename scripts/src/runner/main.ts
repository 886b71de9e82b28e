/**
 * `npm run execute`: parse options, run the notebooks, report. Ctrl-C or SIGTERM ends the running cells and shuts
 * every kernel down before exiting; a second signal kills the kernels outright and exits at once.
 */
import { parseArgs } from "./args";
import { UsageError, text } from "./errors";
import { NotebookResult } from "./execute";
import { checkOutputs, collectNotebooks, planJobs } from "./inputs";
import { writeJunit } from "./junit";
import { executeNotebooks } from "./pool";
import { Progress } from "./progress";
import { killAllNow } from "./reaper";
import { TimeoutError, checkTimeout } from "./timeouts";
import { formatFailures, formatSummary, formatTally } from "./report";
import { shardOf } from "../shard/select";

export interface MainIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export const EXIT = { passed: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export async function main(
  argv: string[],
  io: MainIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let options;
  let jobs;
  try {
    options = parseArgs(argv);
    if (options.print !== undefined) {
      io.stdout.write(options.print + "\n");
      return EXIT.passed;
    }
    checkTimeout(options.timeoutSeconds, "--timeout");
    jobs = planJobs(shardOf(collectNotebooks(options.inputs), options), options);
    checkOutputs(jobs, options.inplace);
  } catch (error) {
    if (error instanceof TimeoutError) {
      io.stderr.write(`execute: ${text.usage(error.message)}\n`);
      return EXIT.usage;
    }
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`execute: ${text.usage(error.message)}\n`);
    return EXIT.usage;
  }

  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      io.stderr.write(`\n${signal}: stopping — shutting down kernels (send again to kill them now)\n`);
      controller.abort();
    } else {
      killAllNow();
      process.exit(EXIT.interrupted);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const progress = new Progress(jobs.length, io.stdout);
  const started = Date.now();
  let results: NotebookResult[];
  try {
    results = await executeNotebooks(jobs, {
      jobs: options.jobs,
      timeoutSeconds: options.timeoutSeconds,
      allowErrors: options.allowErrors,
      strict: options.strict,
      signal: controller.signal,
      onStart: (job) => progress.started(job.input),
      onCell: (event) => !event.result && progress.cell(event.path, event.index, event.total),
      onDone: (result) => progress.finished(result),
    });
  } finally {
    progress.close();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  const wallMs = Date.now() - started;

  const failures = formatFailures(results);
  if (failures) io.stdout.write(`\n${failures}\n`);
  for (const result of results) {
    if (result.droppedMessages > 0)
      io.stderr.write(`warning: ${result.path}: ${text.droppedMessages(result.droppedMessages)}\n`);
  }
  if (options.junit) writeJunit(options.junit, results, wallMs);
  if (options.summary) io.stdout.write(`\n${formatSummary(results)}\n`);
  io.stdout.write(`\n${formatTally(results, wallMs)}\n`);
  if (controller.signal.aborted) return EXIT.interrupted;
  return results.every((r) => r.passed) ? EXIT.passed : EXIT.failed;
}
