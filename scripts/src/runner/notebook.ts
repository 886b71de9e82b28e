/**
 * Reading, normalising and writing nbformat 4 notebooks. Output files are written to a temp file and renamed so a
 * crash never leaves half a notebook, and they always carry nbformat 4.5 cell ids so `nbformat.validate` accepts them.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { NotebookError, text } from "./errors";

export type Output = Record<string, any> & { output_type: string };

export interface Cell {
  id?: string;
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: Record<string, any>;
  outputs?: Output[];
  execution_count?: number | null;
  attachments?: unknown;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, any>;
  cells: Cell[];
}

const ID_PATTERN = /^[a-zA-Z0-9-_]+$/;
const CELL_TYPES = new Set(["code", "markdown", "raw"]);

export function readNotebook(file: string): Notebook {
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new NotebookError("invalid-notebook", text.unreadable(file, (error as Error).message));
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new NotebookError("invalid-notebook", text.invalidJson(file, (error as Error).message));
  }
  const problem = describeProblem(data);
  if (problem) throw new NotebookError("invalid-notebook", text.invalidNotebook(file, problem));
  return data as Notebook;
}

/** The first structural problem, or undefined; enough to refuse garbage before a kernel is started for it. */
function describeProblem(data: any): string | undefined {
  if (!data || typeof data !== "object" || Array.isArray(data)) return "top level is not an object";
  if (data.nbformat !== 4) return `nbformat is ${JSON.stringify(data.nbformat)}, expected 4`;
  if (!Array.isArray(data.cells)) return "cells is not a list";
  if (data.metadata !== undefined && (typeof data.metadata !== "object" || data.metadata === null))
    return "metadata is not an object";
  for (const [index, cell] of (data.cells as any[]).entries()) {
    if (!cell || typeof cell !== "object") return `cell ${index + 1} is not an object`;
    if (!CELL_TYPES.has(cell.cell_type)) return `cell ${index + 1} has cell_type ${JSON.stringify(cell.cell_type)}`;
    if (
      typeof cell.source !== "string" &&
      !(Array.isArray(cell.source) && cell.source.every((s: unknown) => typeof s === "string"))
    ) {
      return `cell ${index + 1} has no string source`;
    }
  }
  return undefined;
}

export function sourceOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** Upgrades in place to nbformat 4.5: metadata objects exist and every cell has a unique, valid id. */
export function normalize(notebook: Notebook): Notebook {
  notebook.metadata ??= {};
  notebook.nbformat_minor = Math.max(5, Number(notebook.nbformat_minor) || 0);
  const seen = new Set<string>();
  for (const cell of notebook.cells) {
    cell.metadata ??= {};
    if (typeof cell.id !== "string" || !ID_PATTERN.test(cell.id) || cell.id.length > 64 || seen.has(cell.id)) {
      cell.id = freshId(seen);
    }
    seen.add(cell.id);
    if (cell.cell_type === "code") {
      cell.outputs ??= [];
      if (cell.execution_count === undefined) cell.execution_count = null;
    }
  }
  return notebook;
}

function freshId(taken: Set<string>): string {
  for (;;) {
    const id = randomBytes(4).toString("hex");
    if (!taken.has(id)) return id;
  }
}

/** Objects with their keys sorted, recursively: nbformat writes with `sort_keys=True`. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, sortKeys(o[k])]),
  );
}

/**
 * Jupyter's on-disk style — `json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False)` plus a trailing newline —
 * so that opening and saving a written notebook in JupyterLab or Notebook changes nothing.
 */
export function formatNotebook(notebook: unknown): string {
  return JSON.stringify(sortKeys(notebook), null, 1) + "\n";
}

export function writeNotebook(file: string, notebook: Notebook): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(3).toString("hex")}.tmp`,
  );
  try {
    fs.writeFileSync(tmp, formatNotebook(notebook));
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** A stand-in written when the input could not be parsed, so every input still has a valid output file. */
export function placeholderNotebook(message: string): Notebook {
  return normalize({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      {
        cell_type: "markdown",
        metadata: {},
        source: `**The drills runner could not execute this notebook.**\n\n\`\`\`\n${message}\n\`\`\`\n`,
      },
    ],
  });
}
