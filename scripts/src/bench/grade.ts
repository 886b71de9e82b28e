/**
 * The grader's cost: one full candidate (the nine solution notebooks as one candidate's folder) through
 * `npm run grade`, as a ratio to executing the same notebooks once with the runner at the same --jobs (the
 * run-vs-nbconvert section's run, reused). Goal: ≤ 1.5×. The grader adds the tamper guard, staging and scoring.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { runRunner } from "./runner";
import { registerSection, verdict } from "./sections";
import { seconds } from "./floor";

registerSection(
  "grade",
  "npm run grade on one full candidate (nine notebooks) vs executing them once",
  async (context) => {
    const solutions = path.join(PROJECT_ROOT, "notebooks", "solutions");
    if (!context.notebooks.every((n) => path.dirname(path.resolve(n)) === solutions)) {
      context.print("skipped: needs the default notebooks (notebooks/solutions) so both sides run the same candidate");
      return;
    }
    const { wallMs } = await runRunner(context);
    const started = Date.now();
    const r = spawnSync(
      process.execPath,
      [
        path.join(PROJECT_ROOT, "scripts", "dist", "grade", "cli.js"),
        solutions,
        "--report",
        path.join(context.workDir, "grade"),
        "--jobs",
        String(context.jobs),
      ],
      { encoding: "utf8" },
    );
    const gradeMs = Date.now() - started;
    const total = /Total: (\d+\/\d+)/.exec(r.stdout)?.[1] ?? "?";
    context.print(
      `grade: ${context.notebooks.length} notebooks in ${seconds(gradeMs)} (exit ${r.status}, ${total}); execute: ${seconds(wallMs)}`,
    );
    const ratio = gradeMs / wallMs;
    context.print(
      verdict("grade vs execute, same notebooks and --jobs", `${ratio.toFixed(2)}×`, "≤ 1.5×", ratio <= 1.5),
    );
  },
);
