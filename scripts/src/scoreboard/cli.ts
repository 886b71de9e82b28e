#!/usr/bin/env node
/**
 * `npm run scoreboard [-- --html FILE] [--log FILE] [--run DIR…]`: prints the candidate's progress per section and
 * optionally writes an HTML report. `--run` first executes the given notebooks headlessly with the runner (the
 * candidate's loop without Jupyter: the checks record their results, then the board shows them).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { progressFile, readRecords } from "@drills/checks";
import {
  type Command,
  type Io,
  PROCESS_IO,
  UsageError,
  type Values,
  exitWith,
  parseCommand,
  runCommand,
} from "../cli/options";
import { summarise } from "./board";
import { boardHtml } from "./html";
import { boardText } from "./text";

export const SCOREBOARD: Command = {
  name: "scoreboard",
  synopsis: "npm run scoreboard -- [--html FILE] [--log FILE] [--run NOTEBOOK_OR_DIR…]",
  description: "Prints your progress per section: each drill's status, best time and hints used.",
  positionals: true,
  options: {
    html: { type: "string", value: "FILE", help: "also write an HTML report with a chart" },
    log: {
      type: "string",
      value: "FILE",
      help: "read this progress log (default: DRILLS_PROGRESS_FILE or .progress/progress.jsonl)",
    },
    run: {
      type: "string",
      value: "PATH",
      multiple: true,
      help: "first execute these notebooks or folders headlessly (their checks are recorded);\nthe arguments after it are run too",
    },
  },
  footer:
    "Exit status: 0 board printed, 1 a notebook given to --run could not run (the board is still printed), 2 bad invocation.",
};

export interface ScoreboardArgs {
  html?: string;
  log?: string;
  run: string[];
}

function toScoreboardArgs(v: Values, positionals: string[]): ScoreboardArgs {
  const run = [...((v.run as string[] | undefined) ?? []), ...positionals];
  if (positionals.length > 0 && !v.run)
    throw new UsageError(`unexpected argument: ${positionals[0]} (notebooks to run follow --run)`);
  const out: ScoreboardArgs = { run };
  if (typeof v.html === "string") out.html = v.html;
  if (typeof v.log === "string") out.log = v.log;
  // Without --run nothing will write the log, so a missing one is a wrong path, not an empty board.
  if (out.log && run.length === 0 && !fs.existsSync(out.log)) throw new UsageError(`no such progress log: ${out.log}`);
  return out;
}

export function parseScoreboardArgs(argv: string[]): ScoreboardArgs {
  const parsed = parseCommand(SCOREBOARD, argv);
  if (parsed.action !== "run") throw new UsageError(`${parsed.action} shows no board`);
  return toScoreboardArgs(parsed.values, parsed.positionals);
}

export async function scoreboard(argv: string[], io: Io = PROCESS_IO): Promise<number> {
  return runCommand(
    SCOREBOARD,
    argv,
    async (values, positionals) => {
      const args = toScoreboardArgs(values, positionals);
      const log = args.log ? path.resolve(args.log) : progressFile();
      let code = 0;
      if (args.run.length) {
        // The runner's kernels inherit this environment: their records say "headless", so no time is credited.
        process.env.DRILLS_MODE = "headless";
        if (args.log) process.env.DRILLS_PROGRESS_FILE = log;
        const { main } = await import("../runner/main");
        // --allow-errors: one drill's broken answer must not keep the later check cells (and drills) from reporting.
        // The board below gives each drill's status, so the runner's own --summary would only say it twice.
        code = await main(["--allow-errors", ...args.run]);
        if (code === 2 || code === 130) return code; // bad invocation, or interrupted: no board from a partial run
      }
      const rows = summarise(readRecords(log));
      io.stdout(
        boardText(rows, log ? path.relative(process.cwd(), log) || log : "progress log off (DRILLS_PROGRESS=0)"),
      );
      if (args.html) {
        fs.mkdirSync(path.dirname(path.resolve(args.html)), { recursive: true });
        fs.writeFileSync(args.html, await boardHtml(rows));
        io.stdout(`HTML report: ${args.html}`);
      }
      // The board shows what was recorded; a notebook that could not run still fails the command (npm start).
      if (code !== 0)
        io.stderr("scoreboard: some notebooks could not run to their end (the runner's report above says which)");
      return code;
    },
    io,
  );
}

if (require.main === module) exitWith("scoreboard", scoreboard(process.argv.slice(2)));
