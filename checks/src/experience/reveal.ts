/**
 * Reveal and explain, as learntools' `q.solution()`: `solution("01-zscore")` shows the model answer of a drill's
 * (first) part, `solution("08-metrics-design", "ranking")` one part's, `solution(drill, "followup-2")` the answer to
 * follow-up question 2 — each read from notebooks/solutions, so one source; each reveal is logged for the
 * scoreboard. Never while grading: the grading kernel cannot see the solutions at all.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { displayBundle } from "@drills/lib";
import { findDrill } from "../registry";
import { elapsedMs } from "./clock";
import { showNote } from "./display";
import { appendRecord, progressFile, PROJECT_ROOT, runMode, SESSION } from "./progress";

export { hint } from "./hints";

interface Cell {
  id?: string;
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[]; drills?: { part?: string } };
}

const text = (c: Cell) => (Array.isArray(c.source) ? c.source.join("") : c.source);

/** The model answer of a part: its solution cells' code, or a follow-up's answer. Undefined when there is none. */
export function modelAnswer(notebook: { cells: Cell[] }, part: string, onlyPart: boolean): string | undefined {
  const followUp = /^followup-(\d+)$/.exec(part);
  if (followUp) {
    const answers = notebook.cells
      .filter((c) => c.cell_type === "markdown")
      .flatMap((c) =>
        [...text(c).matchAll(/<!-- BEGIN ANSWER -->\n?([\s\S]*?)<!-- END ANSWER -->/g)].map((m) => m[1].trim()),
      );
    return answers[Number(followUp[1]) - 1];
  }
  const cells = notebook.cells.filter(
    (c) =>
      c.cell_type === "code" &&
      c.metadata?.tags?.includes("solution") &&
      (onlyPart || c.metadata?.drills?.part === part || c.id?.startsWith(`${part}-`)),
  );
  return cells.length ? cells.map(text).join("\n\n") : undefined;
}

export function solution(drill: string | number, part?: string): void {
  const d = findDrill(drill);
  if (!d) return showNote(`solution(${JSON.stringify(drill)}): no such drill.`, "hint");
  if (process.env.DRILLS_MODE === "grading") return showNote("Model answers are not available while grading.", "hint");
  const p = part ?? d.parts[0].id;
  const isFollowUp = /^followup-\d+$/.test(p);
  if (!isFollowUp && !d.parts.some((x) => x.id === p)) {
    return showNote(
      `solution("${d.id}", ${JSON.stringify(part)}): no such part. Parts: ${d.parts.map((x) => x.id).join(", ")}, or "followup-N".`,
      "hint",
    );
  }
  const file = path.join(PROJECT_ROOT, "notebooks", "solutions", `${d.id}.ipynb`);
  let answer: string | undefined;
  try {
    answer = modelAnswer(JSON.parse(fs.readFileSync(file, "utf8")), p, d.parts.length === 1);
  } catch {
    return showNote(
      `The model answers are not available here (${path.relative(PROJECT_ROOT, file)} cannot be read).`,
      "hint",
    );
  }
  if (!answer) return showNote(`No model answer for "${p}" in ${d.id}.`, "hint");
  appendRecord(
    {
      v: 1,
      kind: "reveal",
      at: new Date().toISOString(),
      session: SESSION,
      mode: runMode(),
      drill: d.id,
      part: p,
      elapsedMs: elapsedMs(),
    },
    progressFile(),
  );
  const title = isFollowUp
    ? `Follow-up ${p.slice(9)} — model answer`
    : `Model answer — ${d.title}${d.parts.length > 1 ? ` · ${d.parts.find((x) => x.id === p)!.title}` : ""}`;
  const body = isFollowUp ? answer : "```typescript\n" + answer + "\n```";
  if (
    !displayBundle({
      "text/plain": `${title}\n${answer}`,
      "text/markdown": `**${title}** (recorded on your scoreboard)\n\n${body}`,
    })
  )
    console.log(`${title}\n${answer}`);
}
