#!/usr/bin/env node
/**
 * `npm run bench [-- --only NAME] [--jobs N] [notebooks or folders…]`: runs the registered sections and prints
 * measurements next to their targets. Targets are reported, never enforced: timing depends on the machine.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
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

const USAGE = `Usage: npm run bench -- [--only NAME]… [--jobs N] [--list] [notebook or folder…]
Default notebooks: notebooks/solutions if it has any, else scripts/test-notebooks/pass.`;

function defaultNotebooks(): string[] {
  const solutions = path.join(PROJECT_ROOT, "notebooks", "solutions");
  try {
    return collectNotebooks([solutions]);
  } catch {
    return collectNotebooks([path.join(PROJECT_ROOT, "scripts", "test-notebooks", "pass")]);
  }
}

export async function main(argv: string[]): Promise<number> {
  if (listSections().length === 0) loadSectionModules();
  const only: string[] = [];
  const inputs: string[] = [];
  let jobs = defaultJobs();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--only" && argv[i + 1]) only.push(argv[++i]);
    else if (arg === "--jobs" && Number(argv[i + 1]) > 0) jobs = Math.floor(Number(argv[++i]));
    else if (arg === "--list") {
      for (const s of listSections()) console.log(`${s.name.padEnd(24)} ${s.description}`);
      return 0;
    } else if (arg === "--help") {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith("-")) {
      console.error(`bench: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else inputs.push(arg);
  }
  const unknown = only.filter((name) => !listSections().some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`bench: no section named ${unknown.join(", ")} (see --list)`);
    return 2;
  }
  let notebooks: string[];
  try {
    notebooks = inputs.length > 0 ? collectNotebooks(inputs) : defaultNotebooks();
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    return 2;
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "drills-bench-"));
  const context: BenchContext = { notebooks, jobs, workDir, print: (line) => console.log(`  ${line}`), shared: new Map() };
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

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
    console.error("bench: internal error:", error);
    process.exit(70);
  });
}
