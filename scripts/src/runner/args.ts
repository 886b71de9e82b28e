/**
 * Command-line options of `npm run execute`. Parsed by hand: the surface is small and a dependency for it would be
 * the only one in the runner.
 */
import { UsageError, text } from "./errors";
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
  help: boolean;
  /** "I/N": run only part I of N (scripts/src/shard). */
  shard?: string;
  /** A previous run's JUnit or grade.json, to balance the shards by duration. */
  durations?: string;
}

export const DEFAULT_OUT_DIR = "build/executed";

export const USAGE = `Usage: npm run execute -- [options] <notebook.ipynb | folder>…

Runs notebooks headlessly on their kernel (tslab), writes the executed copies and reports every failure.
Exit status: 0 all notebooks passed, 1 some failed, 2 bad invocation, 130 interrupted.

Options:
  --out DIR          where executed notebooks go, mirroring their relative path (default ${DEFAULT_OUT_DIR}/)
  --inplace          overwrite the input notebooks instead
  --timeout SECONDS  per-cell timeout (default ${DEFAULT_TIMEOUT_SECONDS}; 0 = none). A notebook's
                     metadata.drills.timeout or metadata.execution.timeout, and a cell's
                     metadata.drills.timeout or metadata.timeout, take precedence
  --jobs N           notebooks run at once, one kernel each (default: number of cores, ${defaultJobs()} here)
  --junit FILE       write JUnit XML: a testcase per notebook and per check
  --strict           run kernels with DRILLS_STRICT=1
  --summary          after the run, print one line per drill with its check counts
  --allow-errors     keep running a notebook's cells after one fails (the notebook still fails)
  --shard I/N        run only part I of N (split by notebook; deterministic; see README "Sharding")
  --durations FILE   a previous run's --junit file (or grade.json): balance the shards by recorded time
  --help             show this text

Cells tagged "skip-execution" are not run; a cell tagged "raises-exception" is expected to fail.`;

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = {
    inputs: [],
    outDir: DEFAULT_OUT_DIR,
    inplace: false,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    jobs: defaultJobs(),
    strict: false,
    summary: false,
    allowErrors: false,
    help: false,
  };
  let outGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // Accept --name=value as well as --name value.
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(text.missingValue(name));
      return next;
    };
    switch (name) {
      case "--out":
        options.outDir = value();
        outGiven = true;
        break;
      case "--inplace":
        options.inplace = true;
        break;
      case "--timeout":
        options.timeoutSeconds = number(name, value(), true);
        break;
      case "--jobs":
        options.jobs = Math.floor(number(name, value(), false));
        break;
      case "--junit":
        options.junit = value();
        break;
      case "--strict":
        options.strict = true;
        break;
      case "--summary":
        options.summary = true;
        break;
      case "--allow-errors":
        options.allowErrors = true;
        break;
      case "--shard":
        options.shard = value();
        break;
      case "--durations":
        options.durations = value();
        break;
      case "--help":
      case "-h":
        options.help = true;
        break;
      case "--":
        options.inputs.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith("-")) throw new UsageError(text.unknownOption(arg));
        options.inputs.push(arg);
    }
  }
  if (options.inplace && outGiven) throw new UsageError(text.inplaceWithOut());
  if (!options.help && options.inputs.length === 0) throw new UsageError(text.noInputs());
  return options;
}

function number(option: string, raw: string, zeroAllowed: boolean): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0) || raw.trim() === "") {
    throw new UsageError(text.badNumber(option, raw));
  }
  return value;
}
