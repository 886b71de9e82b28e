/**
 * End to end, as a person uses the pack: a real Jupyter Notebook server, headless chromium, the TypeScript kernel.
 * Every solution notebook runs clean from Cell ▸ Run All with every check passing; every exercise notebook runs to
 * its last cell with every check todo; a wrong answer typed into an exercise renders a failure with input, expected,
 * actual and hint. Screenshots of each state go to artifacts/ui/. Skips (saying why) without chromium or Jupyter.
 *
 * A notebook costs ~10 s of CPU (kernel start, tfjs import, tslab type-checking each cell), so the visits run two at
 * a time (DRILLS_UI_JOBS) in the background and each test awaits its own; the assertions stay in the tests.
 */
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DISPLAY_NAME } from "../kernelspec/kernelspec";
import { missingPrerequisite } from "./browser";
import { assertChecks, assertRanClean, assertRejected } from "./expectations";
import { listNotebooks, readNotebook, WRONG_ANSWERS, type NotebookInfo } from "./notebooks";
import { OpenError, pool, runAll, typeWrongAnswer, visit, type Edited, type RunAll } from "./scenarios";
import { ARTIFACTS, SOURCE_NOTEBOOKS, openSession, type Session } from "./session";

const reason = missingPrerequisite();
if (reason) {
  console.log(`skipped: Jupyter UI test (${reason})`);
  test.skip("Jupyter UI");
} else {
  const solutions = listNotebooks(SOURCE_NOTEBOOKS, "solutions");
  const exercises = listNotebooks(SOURCE_NOTEBOOKS, "exercises");
  // DRILLS_UI_ONLY=<regex> narrows the visits for local iteration; it is announced, never silent.
  const only = process.env.DRILLS_UI_ONLY ? new RegExp(process.env.DRILLS_UI_ONLY) : undefined;
  if (only) console.log(`jupyter-ui: only notebooks matching ${only} (DRILLS_UI_ONLY)`);
  const picked = [...solutions, ...exercises].filter((r) => !only || only.test(r));
  const wrongAnswers = WRONG_ANSWERS.filter((w) => picked.includes(`exercises/${w.drill}.ipynb`));
  const timings: string[] = [];
  let started = 0;

  // uvu swallows an error thrown by a `before` hook (its runner returns from `finally`), so the session and the
  // visits start lazily from the first test that needs them: if setup fails, every test fails with its message.
  let opened: Promise<Session> | undefined;
  let unopenable: string | undefined;
  let visits: Map<string, Promise<{ nb: NotebookInfo; run: RunAll; edited?: Edited }>> | undefined;
  const session = () => (opened ??= ((started = Date.now()), openSession()));
  const outcome = (rel: string) => {
    if (!visits) {
      const jobs = pool(Math.max(1, Number(process.env.DRILLS_UI_JOBS) || 2));
      visits = new Map();
      for (const r of picked) {
        const wrong = wrongAnswers.find((w) => `exercises/${w.drill}.ipynb` === r);
        const job = jobs(async () => {
          const s = await session();
          if (unopenable) throw new Error(`not opened: an earlier notebook could not be opened (${unopenable})`);
          const nb = readNotebook(s.served, r);
          return visit(s, nb, async (page, openedAt) => {
            const run = await runAll(page, r.startsWith("solutions/") ? "run-all" : "todo", openedAt);
            timings.push(`${r}: open ${run.seconds.open.toFixed(1)} s, run all ${run.seconds.run.toFixed(1)} s`);
            // The person carries on in the same notebook: types a wrong answer over the stub and re-runs the check.
            return { nb, run, edited: wrong ? await typeWrongAnswer(page, wrong) : undefined };
          }).catch((error: Error) => {
            // A kernel that cannot start is a setup problem: fail the rest at once instead of timing out on each.
            if (error instanceof OpenError) unopenable ??= error.message;
            throw error;
          });
        });
        job.catch(() => undefined); // awaited by its test; this only marks it handled meanwhile
        visits.set(r, job);
      }
    }
    return visits.get(rel)!;
  };

  test("there are notebooks to open, and an exercise for every solution", () => {
    assert.ok(solutions.length > 0, "no solution notebooks");
    const missing = solutions.map((s) => s.replace(/^solutions/, "exercises")).filter((e) => !exercises.includes(e));
    assert.equal(missing, [], `missing exercises (npm run exercises): ${missing.join(", ")}`);
  });

  for (const rel of picked.filter((r) => r.startsWith("solutions/"))) {
    test(`${rel}: TypeScript kernel, Run All, every check passes, no cell errors`, async () => {
      const { nb, run } = await outcome(rel);
      assert.is(run.kernel, DISPLAY_NAME, `${rel}: kernel indicator`);
      assertRanClean(nb, run.cells);
      assertChecks(nb, run.cells, "pass");
    });
  }

  for (const rel of picked.filter((r) => r.startsWith("exercises/"))) {
    test(`${rel}: TypeScript kernel, Run All reaches the last cell, every check is todo`, async () => {
      const { nb, run } = await outcome(rel);
      assert.is(run.kernel, DISPLAY_NAME, `${rel}: kernel indicator`);
      assertRanClean(nb, run.cells);
      assertChecks(nb, run.cells, "todo");
    });
  }

  for (const wrong of wrongAnswers) {
    const rel = `exercises/${wrong.drill}.ipynb`;
    test(`${rel}: a wrong answer typed into ${wrong.cell} renders input, expected, actual and hint`, async () => {
      const { nb, edited } = await outcome(rel);
      assert.is(edited!.shown, edited!.intended, `${rel}: the editor does not show what was typed`);
      assertRejected(nb, wrong, edited!.solution, edited!.check);
    });
  }

  test("the server stops and no kernel or browser process outlives the test", async () => {
    if (visits) await Promise.allSettled(visits.values());
    const problems = await (await session()).close();
    opened = undefined;
    assert.equal(problems, [], problems.join("\n"));
    const where = path.relative(process.cwd(), ARTIFACTS);
    console.log(
      `\n  jupyter-ui: ${visits?.size ?? 0} notebooks in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in ${where}/`,
    );
    console.log(timings.map((t) => `    ${t}`).join("\n"));
  });

  // Safety net when the last test did not get to run its cleanup: never leave a server, kernel or browser behind.
  test.after(async () => {
    if (visits) await Promise.allSettled(visits.values());
    if (opened) await opened.then((s) => s.close()).catch(() => undefined);
  });
}

test.run();
