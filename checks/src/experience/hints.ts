/**
 * `hint("01-zscore")`: reveals the next of a drill's progressive hints and says how many remain. The count of hints
 * revealed per drill lives in the progress log, so it survives a kernel restart and the scoreboard can show it.
 */
import { CATALOGUE, findDrill, type DrillEntry } from "../catalogue";
import { elapsedMs } from "./clock";
import { showNote } from "./display";
import { HINTS } from "./hint-texts";
import { appendRecord, progressFile, readRecords, runMode, SESSION } from "./progress";

export interface HintReveal {
  drill: DrillEntry;
  /** 1-based number of the hint shown; 0 when every hint had already been shown. */
  index: number;
  total: number;
  remaining: number;
  /** The new hint, or all of them once exhausted. */
  texts: string[];
}

export class HintBook {
  private readonly revealed = new Map<string, number>();

  constructor(
    private readonly load: (drill: string) => number,
    private readonly record: (drill: string, index: number) => void,
  ) {}

  count(drill: string): number {
    if (!this.revealed.has(drill)) this.revealed.set(drill, this.load(drill));
    return this.revealed.get(drill)!;
  }

  next(entry: DrillEntry): HintReveal {
    const texts = HINTS[entry.id] ?? [];
    const seen = this.count(entry.id);
    if (seen >= texts.length) return { drill: entry, index: 0, total: texts.length, remaining: 0, texts: [...texts] };
    const index = seen + 1;
    this.revealed.set(entry.id, index);
    this.record(entry.id, index);
    return { drill: entry, index, total: texts.length, remaining: texts.length - index, texts: [texts[index - 1]] };
  }
}

export function hintMessage(r: HintReveal): string {
  const name = `${r.drill.id.slice(0, 2)} · ${r.drill.title}`;
  if (r.index === 0) {
    return [`All ${r.total} hints for ${name} are shown:`, ...r.texts.map((t, i) => `${i + 1}. ${t}`), "No more hints: a failing check's own hint points at what is wrong."].join("\n");
  }
  const more = r.remaining === 0 ? "That was the last hint." : `${r.remaining} more ${r.remaining === 1 ? "hint" : "hints"}: run hint("${r.drill.id}") again.`;
  return [`💡 Hint ${r.index} of ${r.total} — ${name}`, r.texts[0], more].join("\n");
}

/** Hints revealed so far for a drill according to the log (the highest hint number recorded). */
export function loggedHints(drill: string): number {
  return readRecords(progressFile()).reduce((n, r) => (r.kind === "hint" && r.drill === drill ? Math.max(n, r.hint) : n), 0);
}

export const hintBook = new HintBook(loggedHints, (drill, index) =>
  appendRecord({ v: 1, kind: "hint", at: new Date().toISOString(), session: SESSION, mode: runMode(), drill, hint: index, elapsedMs: elapsedMs() }, progressFile()),
);

/**
 * Shows the next hint for a drill (its id, "zscore" or its number). Returns nothing, so tslab prints nothing more.
 */
export function hint(drill: string | number): void {
  const entry = findDrill(drill);
  if (!entry) {
    showNote(`hint(${JSON.stringify(drill)}): no such drill. Use one of: ${CATALOGUE.map((d) => d.id).join(", ")}.`, "hint");
    return;
  }
  showNote(hintMessage(hintBook.next(entry)), "hint");
}
