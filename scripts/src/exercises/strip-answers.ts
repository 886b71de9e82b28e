/** Markdown cells: model answers between `<!-- BEGIN ANSWER -->` and `<!-- END ANSWER -->` become a placeholder. */
import { findRegions, replaceRegions } from "./regions";

export const ANSWER_BEGIN = /^\s*<!--\s*BEGIN ANSWER\s*-->\s*$/;
export const ANSWER_END = /^\s*<!--\s*END ANSWER\s*-->\s*$/;
export const PLACEHOLDER = "_Your answer here._";

export function stripAnswers(source: string, where: string): { source: string; removed: string[] } {
  const lines = source.split("\n");
  const { lines: out, removed } = replaceRegions(
    lines,
    findRegions(lines, ANSWER_BEGIN, ANSWER_END, where),
    (r) => `${r.indent}${PLACEHOLDER}`,
  );
  return { source: out.join("\n"), removed };
}
