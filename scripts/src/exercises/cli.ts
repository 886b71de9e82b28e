/**
 * npm run exercises [-- --check] [--force]
 * Generates notebooks/exercises/*.ipynb from notebooks/solutions/*.ipynb (the only hand-edited notebooks).
 *   --check  write nothing; exit 1 if any exercise is missing, stale or orphaned, or contains solution text
 *   --force  overwrite exercises that a person has edited (each is first copied to <name>.ipynb.bak)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type Command, SHARED, exitWith, runCommand } from "../cli/options";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { type Notebook, serialise, sourceOf } from "./ipynb";
import { RELEASED_FILE, readReleased, recordRelease, unreleased } from "../grade/released";
import { toExercise, leakedLines } from "./exercise";
import { isEdited, stamp } from "./fingerprint";

export const SOLUTIONS = path.join(PROJECT_ROOT, "notebooks", "solutions");
export const EXERCISES = path.join(PROJECT_ROOT, "notebooks", "exercises");

const rel = (p: string) => path.relative(PROJECT_ROOT, p);
const listNotebooks = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".ipynb"))
        .sort()
    : [];

function readNotebook(file: string): Notebook {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
  } catch (e) {
    throw new Error(`${rel(file)}: not a readable notebook (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The exercise text for one solution, plus any removed line that survived into it. */
export function build(solutionFile: string): { text: string; leaks: string[] } {
  const { notebook, removed } = toExercise(readNotebook(solutionFile), rel(solutionFile));
  const leaks = leakedLines(notebook.cells.map(sourceOf).join("\n"), removed);
  return { text: serialise(stamp(notebook)), leaks };
}

export const EXERCISES_COMMAND: Command = {
  name: "exercises",
  synopsis: "npm run exercises -- [--check] [--force]",
  description:
    "Generates notebooks/exercises/*.ipynb from notebooks/solutions/*.ipynb (the only hand-edited notebooks).",
  options: {
    check: {
      type: "boolean",
      help: "write nothing; exit 1 if any exercise is missing, stale or orphaned, or contains solution text",
    },
    force: {
      ...SHARED.force,
      help: "overwrite exercises that a person has edited (each is first copied to <name>.ipynb.bak)",
    },
  },
  footer: "Exit status: 0 all up to date, 1 a problem (listed on stderr), 2 bad invocation.",
};

export function main(argv: string[]): Promise<number> {
  return runCommand(EXERCISES_COMMAND, argv, (values) => generate(values.check === true, values.force === true));
}

function generate(check: boolean, force: boolean): number {
  const problems: string[] = [];
  let written = 0;
  const solutions = listNotebooks(SOLUTIONS);
  for (const name of solutions) {
    const target = path.join(EXERCISES, name);
    let built: { text: string; leaks: string[] };
    try {
      built = build(path.join(SOLUTIONS, name));
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
      continue;
    }
    for (const l of built.leaks) problems.push(`${rel(target)}: solution text survived: ${JSON.stringify(l)}`);
    // Every released version of the check cells stays accepted by the grader's tamper guard.
    const exercise = JSON.parse(built.text) as Notebook;
    const drill = String((exercise.metadata.drills as { id?: string } | undefined)?.id ?? name.replace(/\.ipynb$/, ""));
    if (check && unreleased(readReleased(), drill, exercise as never).length)
      problems.push(`${rel(RELEASED_FILE)}: lacks ${drill}'s current check cells (run npm run exercises)`);
    if (!check && recordRelease(drill, exercise as never))
      console.log(`recorded ${drill}'s check cells in ${rel(RELEASED_FILE)}`);
    const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
    if (current === built.text) continue;
    if (check) {
      problems.push(`${rel(target)}: ${current === undefined ? "missing" : "out of date"} (run npm run exercises)`);
      continue;
    }
    if (current !== undefined && isEdited(JSON.parse(current) as Notebook)) {
      if (!force) {
        problems.push(
          `${rel(target)}: has your edits, left as it is (npm run exercises -- --force backs it up to .bak and regenerates)`,
        );
        continue;
      }
      fs.copyFileSync(target, `${target}.bak`);
      console.log(`backed up ${rel(target)} to ${rel(target)}.bak`);
    }
    fs.mkdirSync(EXERCISES, { recursive: true });
    fs.writeFileSync(`${target}.tmp`, built.text);
    fs.renameSync(`${target}.tmp`, target);
    console.log(`wrote ${rel(target)}`);
    written++;
  }
  for (const name of listNotebooks(EXERCISES)) {
    if (!solutions.includes(name))
      problems.push(`${rel(path.join(EXERCISES, name))}: no solution notebook generates it`);
  }
  for (const p of problems) console.error(`exercises: ${p}`);
  if (!problems.length) console.log(`exercises: ${solutions.length} checked, ${written} written, all up to date`);
  return problems.length ? 1 : 0;
}

if (require.main === module) exitWith("exercises", main(process.argv.slice(2)));
