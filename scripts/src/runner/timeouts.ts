/**
 * Which timeout applies to a cell. Most specific wins: the cell's metadata, then the notebook's, then the CLI.
 * Keys are read in the drills namespace first; the others match what Jupyter tooling already writes.
 */
import { Cell, Notebook } from "./notebook";

/**
 * Cell timeout in seconds: `metadata.drills.timeout`, else `metadata.timeout` on the cell, else the notebook's
 * default. A number ≤ 0 means no timeout.
 */
export function cellTimeoutSeconds(cell: Cell, notebookDefault: number): number {
  const own = firstNumber(cell.metadata?.drills?.timeout, cell.metadata?.timeout);
  return own ?? notebookDefault;
}

/** Notebook default: `metadata.drills.timeout`, else `metadata.execution.timeout`, else the CLI's --timeout. */
export function notebookTimeoutSeconds(notebook: Notebook, cliDefault: number): number {
  return firstNumber(notebook.metadata?.drills?.timeout, notebook.metadata?.execution?.timeout) ?? cliDefault;
}

function firstNumber(...values: unknown[]): number | undefined {
  return values.find((value): value is number => typeof value === "number" && Number.isFinite(value));
}
