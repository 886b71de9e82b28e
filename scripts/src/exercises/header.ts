/** The first cell of every exercise says where it came from, so nobody edits the copy. */
import type { Cell } from "./ipynb";
import { toLines } from "./ipynb";

export const HEADER_ID = "generated-header";

export function header(solutionPath: string): Cell {
  const text =
    `> Generated from \`${solutionPath}\` by \`npm run exercises\`; do not edit this copy of the drill's source — ` +
    `your answers go in the cells tagged \`solution\` (replace each \`throw todo();\`). Run a \`check\` cell to see ` +
    `how you did.`;
  return { id: HEADER_ID, cell_type: "markdown", metadata: { tags: ["generated"] }, source: toLines(text) };
}
