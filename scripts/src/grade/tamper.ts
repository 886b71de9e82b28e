/**
 * The tamper guard. A candidate's copy of an exercise may have its `check` cells edited (a weaker assertion),
 * deleted (nothing to fail), or duplicated (a copy fed a reference answer, whose pass would shadow the real one).
 * Each is found by comparing with the generated exercise: check cells by id and by a hash of their source. The
 * graded notebook then has exactly the original check cells, in their original places, and no other check calls.
 */
import { contentHash } from "./hash";

export { contentHash };
import type { Cell, Notebook } from "../runner/notebook";
import { sourceOf } from "../runner/notebook";
import { checkFunctions } from "@drills/checks/meta";

export type TamperKind = "edited" | "deleted" | "duplicated" | "added";

export interface TamperFinding {
  kind: TamperKind;
  /** The original check cell's id (for added cells, the candidate's cell id). */
  cellId: string;
  detail: string;
}

const isCheckCell = (c: Cell) =>
  c.cell_type === "code" && Array.isArray(c.metadata?.tags) && c.metadata.tags.includes("check");
/**
 * The check functions of every registered part (`checkZscore`, …): only check cells may call one. Matching the
 * names rather than a `check…(` pattern keeps a candidate's own helper (`this.checkInput(x)`) from being flagged.
 */
export function checkFunctionNames(): string[] {
  return checkFunctions().map((c) => c.name);
}

function callsCheck(names: string[]): RegExp {
  return names.length ? new RegExp(`\\b(?:${names.join("|")})\\s*\\(`) : /(?!)/;
}

function pristine(cell: Cell): Cell {
  return { ...structuredClone(cell), outputs: [], execution_count: null };
}

function headline(source: string): string {
  const first = source.trim().split("\n")[0] ?? "";
  return first.length > 60 ? `${first.slice(0, 57)}…` : first;
}

export interface Guarded {
  notebook: Notebook;
  findings: TamperFinding[];
}

/**
 * `released`: for each check cell id, the hashes of its released versions (released.ts) — an older copy's check
 * cell is not an edit.
 */
export function guard(
  candidate: Notebook,
  original: Notebook,
  checkNames: string[] = checkFunctionNames(),
  released: Record<string, string[]> = {},
): Guarded {
  const CALLS_CHECK = callsCheck(checkNames);
  const originals = original.cells.filter(isCheckCell);
  const byId = new Map(originals.map((c) => [c.id!, c]));
  const hashes = new Map(originals.map((c) => [contentHash(sourceOf(c)), c.id!]));
  const findings: TamperFinding[] = [];
  const kept = new Set<string>();
  const cells: Cell[] = [];

  for (const cell of candidate.cells) {
    const orig = cell.id !== undefined ? byId.get(cell.id) : undefined;
    const source = sourceOf(cell);
    if (orig && !kept.has(orig.id!)) {
      kept.add(orig.id!);
      const h = contentHash(source);
      if ((h !== contentHash(sourceOf(orig)) && !released[orig.id!]?.includes(h)) || cell.cell_type !== "code") {
        findings.push({
          kind: "edited",
          cellId: orig.id!,
          detail: `check cell ${orig.id} was changed (now: "${headline(source)}"); graded with the original`,
        });
      }
      cells.push(pristine(orig));
      continue;
    }
    if (orig) {
      findings.push({
        kind: "duplicated",
        cellId: orig.id!,
        detail: `a second cell with check cell ${orig.id}'s id was removed`,
      });
      continue;
    }
    if (cell.cell_type !== "code") {
      cells.push(cell);
      continue;
    }
    const copyOf = hashes.get(contentHash(source));
    if (copyOf && cell.id === undefined && !kept.has(copyOf)) {
      // A notebook saved before nbformat 4.5 has no cell ids: an unchanged check cell is recognised by its content.
      kept.add(copyOf);
      cells.push(pristine(byId.get(copyOf)!));
      continue;
    }
    if (copyOf) {
      findings.push({
        kind: "duplicated",
        cellId: copyOf,
        detail: `a copy of check cell ${copyOf} (cell ${cell.id ?? "without id"}) was removed`,
      });
      continue;
    }
    if (isCheckCell(cell) || CALLS_CHECK.test(source)) {
      findings.push({
        kind: "added",
        cellId: cell.id ?? "?",
        detail: `cell ${cell.id ?? "without id"} calls a check outside the original check cells ("${headline(source)}"); removed`,
      });
      continue;
    }
    cells.push(cell);
  }

  // Deleted check cells go back after the nearest original cell that precedes them and is still there.
  for (const [i, orig] of original.cells.entries()) {
    if (!isCheckCell(orig) || kept.has(orig.id!)) continue;
    findings.push({ kind: "deleted", cellId: orig.id!, detail: `check cell ${orig.id} was deleted; restored` });
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const k = cells.findIndex((c) => c.id === original.cells[j].id);
      if (k >= 0) {
        at = k + 1;
        break;
      }
    }
    cells.splice(at, 0, pristine(orig));
    kept.add(orig.id!);
  }
  return { notebook: { ...candidate, cells }, findings };
}
