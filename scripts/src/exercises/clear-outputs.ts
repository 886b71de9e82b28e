/** An exercise starts clean: no outputs, no execution counts, no timing left from the author's run. */
import type { Cell } from "./ipynb";

export function clearOutputs(cell: Cell): Cell {
  if (cell.cell_type !== "code") return cell;
  const { execution, ...metadata } = cell.metadata as Record<string, unknown>;
  void execution;
  return { ...cell, metadata, outputs: [], execution_count: null };
}
