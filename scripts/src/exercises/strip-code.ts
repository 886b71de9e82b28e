/** Code cells: `// BEGIN SOLUTION` … `// END SOLUTION` becomes the stub `throw todo();` at the marker's indent. */
import { findRegions, replaceRegions } from "./regions";

export const CODE_BEGIN = /^\s*\/\/\s*BEGIN SOLUTION\s*$/;
export const CODE_END = /^\s*\/\/\s*END SOLUTION\s*$/;
export const STUB = "throw todo();";

export function stripCode(source: string, where: string): { source: string; removed: string[] } {
  const lines = source.split("\n");
  const { lines: out, removed } = replaceRegions(
    lines,
    findRegions(lines, CODE_BEGIN, CODE_END, where),
    (r) => `${r.indent}${STUB}`,
  );
  return { source: out.join("\n"), removed };
}
