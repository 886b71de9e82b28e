#!/usr/bin/env node
/**
 * `npm run bench [-- --only NAME] [--jobs N] [notebooks or folders…]`: runs the registered sections and prints
 * measurements next to their targets. Targets are reported, never enforced: timing depends on the machine.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type Command, SHARED, UsageError, exitWith, positiveInteger, runCommand } from "../cli/options";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { collectNotebooks } from "../runner/inputs";
import { defaultJobs } from "../runner/pool";
import { BenchContext, listSections } from "./sections";

/**
 * Every other module in this folder is a section module: requiring it registers its sections. Discovery means a
 * new section needs no edit here; the runner's sections go first, the rest alphabetically. A module that cannot
 * load (a missing optional backend) costs only its own sections.
 */
function loadSectionModules(): void {
  const skip = new Set(["cli.js", "sections.js"]);
  const modules = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".js") && !f.endsWith(".spec.js") && !skip.has(f))
    .sort((a, b) => (a === "runner.js" ? -1 : b === "runner.js" ? 1 : a.localeCompare(b)));
  for (const file of modules) {
    try {
      require(path.join(__dirname, file));
    } catch (error) {
      console.error(`bench: sections in ${file} are unavailable: ${(error as Error).message.split("\n")[0]}`);
    }
  }
}

export const BENCH: Command = {
  name: "bench",
  synopsis: "npm run bench -- [--only NAME]… [--jobs N] [--list] [notebook or folder…]",
  description:
    "Prints measured ratios next to their targets (never asserted).\nDefault notebooks: notebooks/solutions if it has any, else scripts/test-notebooks/pass.",
  positionals: true,
  options: {
    only: { type: "string", value: "NAME", multiple: true, help: "run only this section (repeatable; see --list)" },
    jobs: SHARED.jobs,
    list: { type: "boolean", help: "name the sections and exit" },
  },
};

function defaultNotebooks(): string[] {
  const solutions = path.join(PROJECT_ROOT, "notebooks", "solutions");
  try {
    return collectNotebooks([solutions]);
  } catch {
    return collectNotebooks([path.join(PROJECT_ROOT, "scripts", "test-notebooks", "pass")]);
  }
}

export function main(argv: string[]): Promise<number> {
  return runCommand(BENCH, argv, (values, inputs) => {
    if (listSections().length === 0) loadSectionModules();
    if (values.list) {
      for (const s of listSections()) console.log(`${s.name.padEnd(24)} ${s.description}`);
      return 0;
    }
    const only = (values.only as string[] | undefined) ?? [];
    const jobs = typeof values.jobs === "string" ? positiveInteger("jobs", values.jobs) : defaultJobs();
    const unknown = only.filter((name) => !listSections().some((s) => s.name === name));
    if (unknown.length > 0) throw new UsageError(`no section named ${unknown.join(", ")} (see --list)`);
    let notebooks: string[];
    try {
      notebooks = inputs.length > 0 ? collectNotebooks(inputs) : defaultNotebooks();
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    return run(notebooks, jobs, only);
  });
}

async function run(notebooks: string[], jobs: number, only: string[]): Promise<number> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "drills-bench-"));
  const context: BenchContext = {
    notebooks,
    jobs,
    workDir,
    print: (line) => console.log(`  ${line}`),
    shared: new Map(),
  };
  console.log(`bench over ${notebooks.length} notebooks, ${os.cpus().length} cores, --jobs ${jobs}`);
  try {
    for (const section of listSections()) {
      if (only.length > 0 && !only.includes(section.name)) continue;
      console.log(`\n## ${section.name} — ${section.description}`);
      const started = Date.now();
      await section.run(context);
      console.log(`  (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  return 0;
}

if (require.main === module) exitWith("bench", main(process.argv.slice(2)));
