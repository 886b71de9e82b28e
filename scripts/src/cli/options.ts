/**
 * The command-line vocabulary every `npm run …` command shares: one definition per option name (so `--jobs` means
 * the same thing, with the same value check, everywhere), one help renderer, one usage error and one exit path.
 * Parsing is node:util's parseArgs, so `--x=v` and `--x v` both work and `--` ends the options.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";

/** A wrong invocation: printed to stderr with a pointer to --help, exit status 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

export interface OptionDef {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** The value's placeholder in the help text (string options). */
  value?: string;
  help: string;
}

/** Options several commands share. A command picks them by name and may reword the help for its own context. */
export const SHARED = {
  help: { type: "boolean", short: "h", help: "show this text and exit" },
  version: { type: "boolean", help: "print the version and exit" },
  out: { type: "string", value: "DIR", help: "where output files go" },
  jobs: { type: "string", value: "N", help: "notebooks run at once, one kernel each (default: number of cores)" },
  timeout: { type: "string", value: "SECONDS", help: "per-cell timeout" },
  quiet: { type: "boolean", help: "print nothing unless something changed" },
  junit: { type: "string", value: "FILE", help: "write JUnit XML to FILE" },
  strict: { type: "boolean", help: "run kernels with DRILLS_STRICT=1 (a failing or todo check fails its cell)" },
  force: { type: "boolean", help: "overwrite files a person has edited (backing each up first)" },
} as const satisfies Record<string, OptionDef>;

export interface Command {
  /** The name in messages: "execute", "grade", … */
  name: string;
  /** The line after "Usage: ". */
  synopsis: string;
  /** Paragraphs before the options. */
  description?: string;
  options: Record<string, OptionDef>;
  /** Paragraphs after the options (exit status, notes). */
  footer?: string;
  /** Whether bare arguments (files, names) are accepted. */
  positionals?: boolean;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

export type Parsed =
  { action: "help" | "version"; text: string } | { action: "run"; values: Values; positionals: string[] };

/** The root package.json's version: every command reports the project's version. */
export function version(root = path.resolve(__dirname, "..", "..", "..")): string {
  return (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
}

const withCommon = (command: Command): Record<string, OptionDef> => ({
  ...command.options,
  help: SHARED.help,
  version: SHARED.version,
});

/** The help text: synopsis, description, then one aligned line per option (wrapped help continues indented). */
export function usage(command: Command): string {
  const all = withCommon(command);
  const heads = Object.entries(all).map(
    ([name, o]) =>
      `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` ${o.value ?? "VALUE"}` : ""}`,
  );
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  const lines = Object.values(all).map(
    (o, i) => `  ${heads[i].padEnd(width)}${o.help.split("\n").join(`\n  ${" ".repeat(width)}`)}`,
  );
  const description = command.description ? ["", command.description] : [];
  const footer = command.footer ? ["", command.footer] : [];
  return [`Usage: ${command.synopsis}`, ...description, "", "Options:", ...lines, ...footer].join("\n");
}

/** Parses argv against the command's options; misuse throws UsageError with one line naming the argument. */
export function parseCommand(command: Command, argv: string[]): Parsed {
  const options = Object.fromEntries(
    Object.entries(withCommon(command)).map(([name, o]) => [
      name,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
    ]),
  );
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options,
      strict: true,
      allowPositionals: command.positionals ?? false,
    }) as typeof parsed;
  } catch (error) {
    throw new UsageError(explain(error as Error & { code?: string }));
  }
  if (parsed.values.help) return { action: "help", text: usage(command) };
  if (parsed.values.version) return { action: "version", text: `${command.name} ${version()}` };
  return { action: "run", values: parsed.values, positionals: parsed.positionals };
}

/** parseArgs's messages are written for its own API; these name the argument and what was expected. */
function explain(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option: ${option}`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument: ${/'([^']*)'/.exec(error.message)?.[1] ?? ""} (this command takes options only)`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /does not take an argument/.test(error.message)
        ? `option ${option} takes no value`
        : `option ${option} needs a value`;
    default:
      return error.message;
  }
}

/** A count such as --jobs: a whole number ≥ 1. */
export function positiveInteger(option: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n) || n < 1)
    throw new UsageError(`option --${option} needs a whole number ≥ 1, got "${raw}"`);
  return n;
}

/** A duration such as --timeout: a finite number ≥ 0 (0 meaning none, where the command says so). */
export function nonNegativeNumber(option: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || n < 0)
    throw new UsageError(`option --${option} needs a number ≥ 0, got "${raw}"`);
  return n;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const PROCESS_IO: Io = {
  stdout: (s) => process.stdout.write(s + "\n"),
  stderr: (s) => process.stderr.write(s + "\n"),
};

/** The one error path: usage errors to stderr with exit 2; help and version to stdout with exit 0. */
export async function runCommand(
  command: Command,
  argv: string[],
  run: (values: Values, positionals: string[]) => Promise<number> | number,
  io: Io = PROCESS_IO,
): Promise<number> {
  try {
    const parsed = parseCommand(command, argv);
    if (parsed.action !== "run") {
      io.stdout(parsed.text);
      return 0;
    }
    return await run(parsed.values, parsed.positionals);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${command.name}: ${error.message}\nRun with --help for usage.`);
    return error.exitCode;
  }
}

/** The bottom of every cli.ts: run main, exit with its status; an unexpected throw is an internal error (70). */
export function exitWith(name: string, result: Promise<number> | number): void {
  Promise.resolve(result).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`${name}: internal error:`, error);
      process.exit(70);
    },
  );
}
