/**
 * For the specs: the model answer of a solution notebook, read from its answer cell (between the first and last
 * backtick after `// BEGIN SOLUTION`), so the rubric is tested against the answer candidates will actually see.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { WrittenAnswer } from "../calls";

export function answerFromNotebook(id: string, cellId: string): WrittenAnswer {
  const file = path.resolve(__dirname, "..", "..", "..", "..", "..", "notebooks", "solutions", `${id}.ipynb`);
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: { id: string; source: string | string[] }[] };
  const cell = nb.cells.find((c) => c.id === cellId);
  if (!cell) throw new Error(`${file}: no cell with id ${cellId}`);
  const full = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
  const src = full.slice(full.indexOf("// BEGIN SOLUTION"));
  const text = src.slice(src.indexOf("`") + 1, src.lastIndexOf("`"));
  return () => text;
}
