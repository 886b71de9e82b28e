import { formatNotebook } from "../runner/notebook";

/** The slice of nbformat 4 that the exercise builder reads and writes, serialised the way Jupyter does. */
export interface Cell {
  id?: string;
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: Record<string, unknown> & { tags?: string[] };
  outputs?: unknown[];
  execution_count?: number | null;
  attachments?: unknown;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

export const sourceOf = (c: Cell): string => (Array.isArray(c.source) ? c.source.join("") : c.source);

/** Jupyter stores source as lines that keep their "\n", the last without. */
export function toLines(text: string): string[] {
  if (text === "") return [];
  const parts = text.split("\n");
  return parts.map((p, i) => (i < parts.length - 1 ? p + "\n" : p)).filter((p) => p !== "");
}

export const tagsOf = (c: Cell): string[] => (Array.isArray(c.metadata?.tags) ? c.metadata.tags : []);

/** Jupyter's own layout: the runner's writer (sorted keys, indent 1, trailing newline). */
export const serialise = (nb: Notebook): string => formatNotebook(nb);
