#!/usr/bin/env node
/**
 * `npm run scoreboard [-- --html FILE] [--log FILE] [--run DIR…]`: prints the candidate's progress per section and
 * optionally writes an HTML report. `--run` first executes the given notebooks headlessly with the runner (the
 * candidate's loop without Jupyter: the checks record their results, then the board shows them).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { progressFile, readRecords } from "@drills/checks";
import { summarise } from "./board";
import { boardHtml } from "./html";
import { boardText } from "./text";

const USAGE = `usage: npm run scoreboard -- [--html FILE] [--log FILE] [--run NOTEBOOK_OR_DIR…]
  --html FILE   also write an HTML report with a chart
  --log FILE    read this progress log (default: DRILLS_PROGRESS_FILE or .progress/progress.jsonl)
  --run …       first execute these notebooks headlessly (their checks are recorded), then print the board`;

export interface ScoreboardArgs {
  html?: string;
  log?: string;
  run: string[];
}

export function parseScoreboardArgs(argv: string[]): ScoreboardArgs {
  const out: ScoreboardArgs = { run: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--html") out.html = value();
    else if (a === "--log") out.log = value();
    else if (a === "--run") {
      while (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) out.run.push(argv[++i]);
      if (out.run.length === 0) throw new Error("--run needs at least one notebook or folder");
    } else if (a === "--help" || a === "-h") throw new Error("help");
    else throw new Error(`unknown option ${a}`);
  }
  return out;
}

export async function scoreboard(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + "\n")): Promise<number> {
  let args: ScoreboardArgs;
  try {
    args = parseScoreboardArgs(argv);
  } catch (e) {
    const msg = (e as Error).message;
    out(msg === "help" ? USAGE : `scoreboard: ${msg}\n${USAGE}`);
    return msg === "help" ? 0 : 2;
  }
  const log = args.log ? path.resolve(args.log) : progressFile();
  if (args.run.length) {
    // The runner's kernels inherit this environment: their records say "headless", so no time is credited.
    process.env.DRILLS_MODE = "headless";
    if (args.log) process.env.DRILLS_PROGRESS_FILE = log;
    const { main } = await import("../runner/main");
    // --allow-errors: one drill's broken answer must not keep the later check cells (and drills) from reporting.
    // The board below gives each drill's status, so the runner's own --summary would only say it twice.
    const code = await main(["--allow-errors", ...args.run]);
    if (code === 2 || code === 130) return code; // bad invocation, or interrupted: no board from a partial run
  }
  const rows = summarise(readRecords(log));
  out(boardText(rows, log ? path.relative(process.cwd(), log) || log : "progress log off (DRILLS_PROGRESS=0)"));
  if (args.html) {
    fs.mkdirSync(path.dirname(path.resolve(args.html)), { recursive: true });
    fs.writeFileSync(args.html, await boardHtml(rows));
    out(`HTML report: ${args.html}`);
  }
  return 0;
}

if (require.main === module) {
  scoreboard(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error("scoreboard: internal error:", e);
      process.exit(70);
    },
  );
}
