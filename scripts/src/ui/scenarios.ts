/**
 * What a person does with a notebook, step by step, returning what the page showed for the test to assert. Each
 * visit leaves a screenshot per state in artifacts/ui/ and closes the notebook with File ▸ Close and Halt.
 */
import * as path from "node:path";
import { NotebookPage, type CellView } from "./notebook-page";
import { editedSource, tagged, type NotebookInfo, type WrongAnswer } from "./notebooks";
import { ARTIFACTS, type Session } from "./session";

export interface RunAll {
  kernel: string;
  cells: CellView[];
  seconds: { open: number; run: number };
}

export interface Edited {
  /** What the editor showed after typing, and what it should show. */
  shown: string;
  intended: string;
  solution: CellView;
  check: CellView;
}

export const screenshotPath = (nb: NotebookInfo, state: string) =>
  path.join(ARTIFACTS, `${nb.rel.replace(/\.ipynb$/, "").replace(/\//g, "-")}-${state}.png`);

/** The notebook never got as far as an idle kernel: a problem with the setup, not with that notebook. */
export class OpenError extends Error {
  override name = "OpenError";
}

/** Opens the notebook, waits for its kernel, runs `body`, closes and halts; on an error, first saves the page. */
export async function visit<T>(
  s: Session,
  nb: NotebookInfo,
  body: (page: NotebookPage, openedAt: number) => Promise<T>,
): Promise<T> {
  const openedAt = Date.now();
  const page = await NotebookPage.open(s.browser, s.server, nb).catch((error: Error) => {
    throw new OpenError(`${nb.rel}: the page did not load: ${error.message}`);
  });
  let result: T;
  try {
    await page.waitIdle(120_000).catch((error: Error) => {
      throw new OpenError(`${nb.rel}: the kernel did not start: ${error.message}`);
    });
    result = await body(page, openedAt);
  } catch (error) {
    if (!page.page.isClosed()) await page.screenshot(screenshotPath(nb, "FAILED")).catch(() => undefined);
    await page.closeAndHalt().catch(() => undefined);
    throw error;
  }
  await page.closeAndHalt();
  return result;
}

/** Reads the kernel name, runs Cell ▸ Run All, waits for idle, screenshots the state as `state`. */
export async function runAll(page: NotebookPage, state: string, openedAt: number): Promise<RunAll> {
  const started = Date.now();
  const kernel = await page.kernelName();
  await page.runAll();
  const ran = Date.now();
  const cells = await page.cells();
  await page.screenshot(screenshotPath(page.nb, state));
  return { kernel, cells, seconds: { open: (started - openedAt) / 1000, run: (ran - started) / 1000 } };
}

/** Types the wrong answer over the stub line, runs the solution cell, then the first check cell after it. */
export async function typeWrongAnswer(page: NotebookPage, wrong: WrongAnswer): Promise<Edited> {
  const nb = page.nb;
  const cell = nb.cells.find((c) => c.id === wrong.cell && c.tags.includes("solution"));
  if (!cell) throw new Error(`${nb.rel}: no solution cell with id ${wrong.cell}`);
  const check = tagged(nb, "check").find((c) => c.index > cell.index);
  if (!check) throw new Error(`${nb.rel}: no check cell after ${wrong.cell}`);
  await page.retypeLine(cell.index, wrong.replace, wrong.typed);
  const shown = (await page.cellSource(cell.index))
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n");
  await page.runCell(cell.index);
  await page.runCell(check.index);
  const cells = await page.cells();
  await page.screenshot(screenshotPath(nb, "wrong-answer"));
  return {
    shown,
    intended: editedSource(cell.source, wrong.replace, wrong.typed),
    solution: cells[cell.index],
    check: cells[check.index],
  };
}

/** Runs jobs at most `n` at a time, in the order they were submitted. */
export function pool(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    if (active < n && waiting.length > 0) {
      active++;
      waiting.shift()!();
    }
  };
  return <T>(job: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push(() =>
        job()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          }),
      );
      next();
    });
}
