/**
 * What the UI test needs to know about a notebook, read from the .ipynb on disk rather than from the page: which
 * cell (by position, which is the order the classic UI renders them in) is a `check` or `solution` cell. The page is
 * then asserted against the file, so a UI that dropped or reordered cells would be caught.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface CellInfo {
  index: number;
  id?: string;
  type: "code" | "markdown" | "raw";
  tags: string[];
  source: string;
}

export interface NotebookInfo {
  /** `01-zscore` */
  id: string;
  /** Path relative to the served root, e.g. `solutions/01-zscore.ipynb`. */
  rel: string;
  cells: CellInfo[];
}

export function readNotebook(root: string, rel: string): NotebookInfo {
  const nb = JSON.parse(fs.readFileSync(path.join(root, rel), "utf8")) as {
    cells: { id?: string; cell_type: CellInfo["type"]; metadata?: { tags?: string[] }; source: string | string[] }[];
  };
  const cells = nb.cells.map((c, index) => ({
    index,
    id: c.id,
    type: c.cell_type,
    tags: c.metadata?.tags ?? [],
    source: Array.isArray(c.source) ? c.source.join("") : c.source,
  }));
  return { id: path.basename(rel, ".ipynb"), rel, cells };
}

/** `<kind>/<NN>-<id>.ipynb` under `root`, sorted by drill number. */
export function listNotebooks(root: string, kind: "solutions" | "exercises"): string[] {
  const dir = path.join(root, kind);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d\d-.+\.ipynb$/.test(f))
    .sort()
    .map((f) => `${kind}/${f}`);
}

export const tagged = (nb: NotebookInfo, tag: string) => nb.cells.filter((c) => c.tags.includes(tag));

/**
 * A wrong answer a candidate might type into an exercise: on the line `replace` of solution cell `cell`, type
 * `typed`; the check must then fail case `failingCase` and the report must say `recognised`.
 * Typed on one line on purpose: CodeMirror auto-closes brackets and auto-indents, which is harmless within a line
 * (typing `)` over an auto-inserted `)` steps past it) but would double braces across lines.
 */
export interface WrongAnswer {
  drill: string;
  cell: string;
  replace: string;
  typed: string;
  failingCase: string;
  recognised: RegExp;
}

export const WRONG_ANSWERS: WrongAnswer[] = [
  {
    // Divides by n − 1: the sample std, the most common z-score mistake (np.std defaults to ddof=0, pandas to 1).
    drill: "01-zscore",
    cell: "zscore-solution",
    replace: "throw todo();",
    typed:
      "return tf.tidy(() => tf.div(tf.sub(x, tf.mean(x)), tf.sqrt(tf.div(tf.sum(tf.square(tf.sub(x, tf.mean(x)))), x.size - 1)))) as tf.Tensor1D;",
    failingCase: "matches (x − mean) / std on a small input",
    recognised: /sample std, ddof 1/,
  },
];

/** The source of `cell` after replacing the first line whose trimmed text is `replace` (indentation kept). */
export function editedSource(source: string, replace: string, typed: string): string {
  const lines = source.split("\n");
  const i = lines.findIndex((l) => l.trim() === replace);
  if (i < 0) throw new Error(`no line \`${replace}\` in the cell:\n${source}`);
  lines[i] = lines[i].slice(0, lines[i].indexOf(replace)) + typed;
  return lines.join("\n");
}
