/**
 * Command-line options of `npm run execute`, in the shared vocabulary of scripts/src/cli/options.ts.
 */
import {
  type Command,
  SHARED,
  UsageError,
  nonNegativeNumber,
  parseCommand,
  positiveInteger,
  usage,
} from "../cli/options";
import { text } from "./errors";
import { DEFAULT_TIMEOUT_SECONDS } from "./execute";
import { defaultJobs } from "./pool";

export interface CliOptions {
  inputs: string[];
  outDir: string;
  inplace: boolean;
  timeoutSeconds: number;
  jobs: number;
  junit?: string;
  strict: boolean;
  summary: boolean;
  allowErrors: boolean;
  /** --help or --version was given: print this text and exit 0. */
  print?: string;
  /** "I/N": run only part I of N (scripts/src/shard). */
  shard?: string;
  /** A previous run's JUnit or grade.json, to balance the shards by duration. */
  durations?: string;
}

export const DEFAULT_OUT_DIR = "build/executed";

export const EXECUTE: Command = {
  name: "execute",
  synopsis: "npm run execute -- [options] <notebook.ipynb | folder>…",
  description:
    "Runs notebooks headlessly on their kernel (tslab), writes the executed copies and reports every failure.",
  positionals: true,
  options: {
    out: {
      ...SHARED.out,
      help: `where executed notebooks go, mirroring their relative path (default ${DEFAULT_OUT_DIR}/)`,
    },
    inplace: { type: "boolean", help: "overwrite the input notebooks instead" },
    timeout: {
      ...SHARED.timeout,
      help:
        `per-cell timeout (default ${DEFAULT_TIMEOUT_SECONDS}; 0 = none). A notebook's\n` +
        "metadata.drills.timeout or metadata.execution.timeout, and a cell's\nmetadata.drills.timeout or metadata.timeout, take precedence",
    },
    jobs: {
      ...SHARED.jobs,
      help: `notebooks run at once, one kernel each (default: number of cores, ${defaultJobs()} here)`,
    },
    junit: { ...SHARED.junit, help: "write JUnit XML: a testcase per notebook and per check" },
    strict: SHARED.strict,
    summary: { type: "boolean", help: "after the run, print one line per drill with its check counts" },
    "allow-errors": {
      type: "boolean",
      help: "keep running a notebook's cells after one fails (the notebook still fails)",
    },
    shard: {
      type: "string",
      value: "I/N",
      help: 'run only part I of N (split by notebook; deterministic; see README "Sharding")',
    },
    durations: {
      type: "string",
      value: "FILE",
      help: "a previous run's --junit file (or grade.json): balance the shards by recorded time",
    },
  },
  footer:
    "Exit status: 0 all notebooks passed, 1 some failed, 2 bad invocation, 130 interrupted.\n" +
    'Cells tagged "skip-execution" are not run; a cell tagged "raises-exception" is expected to fail.',
};

export const USAGE = usage(EXECUTE);

export function parseArgs(argv: string[]): CliOptions {
  const parsed = parseCommand(EXECUTE, argv);
  const options: CliOptions = {
    inputs: [],
    outDir: DEFAULT_OUT_DIR,
    inplace: false,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    jobs: defaultJobs(),
    strict: false,
    summary: false,
    allowErrors: false,
  };
  if (parsed.action !== "run") return { ...options, print: parsed.text };
  const v = parsed.values as Record<string, string | boolean | undefined>;
  options.inputs = parsed.positionals;
  if (typeof v.out === "string") options.outDir = v.out;
  options.inplace = v.inplace === true;
  if (typeof v.timeout === "string") options.timeoutSeconds = nonNegativeNumber("timeout", v.timeout);
  if (typeof v.jobs === "string") options.jobs = positiveInteger("jobs", v.jobs);
  if (typeof v.junit === "string") options.junit = v.junit;
  options.strict = v.strict === true;
  options.summary = v.summary === true;
  options.allowErrors = v["allow-errors"] === true;
  if (typeof v.shard === "string") options.shard = v.shard;
  if (typeof v.durations === "string") options.durations = v.durations;
  if (options.inplace && v.out !== undefined) throw new UsageError(text.inplaceWithOut());
  if (options.inputs.length === 0) throw new UsageError(text.noInputs());
  return options;
}
