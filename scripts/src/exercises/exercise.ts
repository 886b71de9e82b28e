/**
 * Solution notebook → exercise notebook: strip code solutions and model answers, clear outputs, add the header.
 * Returns the text removed, so the caller can prove none of it survives in the exercise.
 */
import { type Cell, type Notebook, sourceOf, tagsOf, toLines } from "./ipynb";
import { stripCode, CODE_BEGIN } from "./strip-code";
import { stripAnswers } from "./strip-answers";
import { clearOutputs } from "./clear-outputs";
import { header, HEADER_ID } from "./header";
import { MarkerError } from "./regions";

export function toExercise(solution: Notebook, solutionPath: string): { notebook: Notebook; removed: string[] } {
  const removed: string[] = [];
  const cells: Cell[] = solution.cells.map((cell, i) => {
    const where = `${solutionPath}: cell ${i + 1}${cell.id ? ` (id ${cell.id})` : ""}`;
    if (cell.id === HEADER_ID)
      throw new MarkerError(`${where}: the id ${HEADER_ID} is reserved for the generated header`);
    const text = sourceOf(cell);
    if (cell.cell_type === "code") {
      const hasMarkers = text.split("\n").some((l) => CODE_BEGIN.test(l));
      if (hasMarkers && !tagsOf(cell).includes("solution")) {
        throw new MarkerError(
          `${where}: BEGIN SOLUTION in a cell not tagged "solution" (the candidate would not know to edit it)`,
        );
      }
      const r = stripCode(text, where);
      removed.push(...r.removed);
      return clearOutputs({ ...cell, source: toLines(r.source) });
    }
    if (cell.cell_type === "markdown") {
      const r = stripAnswers(text, where);
      removed.push(...r.removed);
      return { ...cell, source: toLines(r.source) };
    }
    return cell;
  });
  const drills = { ...((solution.metadata.drills as object) ?? {}), generated_from: solutionPath };
  return {
    notebook: { ...solution, metadata: { ...solution.metadata, drills }, cells: [header(solutionPath), ...cells] },
    removed,
  };
}

/**
 * Lines of removed solution text that still appear in the exercise. Short or generic lines (braces, `return x;`)
 * legitimately recur, so only lines with some substance count.
 */
export function leakedLines(exerciseText: string, removed: string[]): string[] {
  return removed.map((l) => l.trim()).filter((l) => l.length >= 24 && exerciseText.includes(l));
}
