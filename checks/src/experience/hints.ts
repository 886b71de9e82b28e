/**
 * Hints per part: `hint("01-zscore")` reveals the next hint of the drill's first part that has hints left,
 * `hint("08-metrics-design", "ranking")` the next of that part, `hint(drill, part, 2)` re-reads hint 2 once seen. The
 * count revealed per part lives in the progress log, so it survives a kernel restart and the scoreboard shows it.
 * The texts live in each drill's meta.ts: one source.
 */
import { REGISTRY, findDrill, type DrillMeta, type PartMeta } from "../registry";
import { elapsedMs } from "./clock";
import { showNote } from "./display";
import { appendRecord, progressFile, readRecords, runMode, SESSION } from "./progress";

export interface HintReveal {
  drill: DrillMeta;
  part: PartMeta;
  /** 1-based number of the hint shown; 0 when every hint had already been shown (all are listed again). */
  index: number;
  total: number;
  remaining: number;
  /** The hint shown, or all of them once exhausted. */
  texts: string[];
}

const key = (drill: string, part: string) => `${drill}/${part}`;

export class HintBook {
  private readonly revealed = new Map<string, number>();

  constructor(
    private readonly load: (drill: string, part: string) => number,
    private readonly record: (drill: string, part: string, index: number) => void,
  ) {}

  count(drill: string, part?: string): number {
    const d = findDrill(drill);
    const parts = part ? [part] : (d?.parts.map((p) => p.id) ?? []);
    return parts.reduce((n, p) => {
      const k = key(drill, p);
      if (!this.revealed.has(k)) this.revealed.set(k, this.load(drill, p));
      return n + this.revealed.get(k)!;
    }, 0);
  }

  next(drill: DrillMeta, part: PartMeta): HintReveal {
    const texts = [...part.hints];
    const seen = this.count(drill.id, part.id);
    if (seen >= texts.length) return { drill, part, index: 0, total: texts.length, remaining: 0, texts };
    const index = seen + 1;
    this.revealed.set(key(drill.id, part.id), index);
    this.record(drill.id, part.id, index);
    return { drill, part, index, total: texts.length, remaining: texts.length - index, texts: [texts[index - 1]] };
  }

  /** Hint n again, if it has been revealed; undefined otherwise. */
  reread(drill: DrillMeta, part: PartMeta, n: number): string | undefined {
    return n >= 1 && n <= this.count(drill.id, part.id) ? part.hints[n - 1] : undefined;
  }
}

export function hintMessage(r: HintReveal): string {
  const name = `${r.drill.id.slice(0, 2)} · ${r.drill.title}${r.drill.parts.length > 1 ? ` · ${r.part.title}` : ""}`;
  const call = r.drill.parts.length > 1 ? `hint("${r.drill.id}", "${r.part.id}")` : `hint("${r.drill.id}")`;
  if (r.total === 0) return `${name} has no hints: its check's own messages point at what is wrong.`;
  if (r.index === 0) {
    return [
      `All ${r.total} hints for ${name} are shown:`,
      ...r.texts.map((t, i) => `${i + 1}. ${t}`),
      "No more hints: a failing check's own hint points at what is wrong.",
    ].join("\n");
  }
  const more =
    r.remaining === 0
      ? "That was the last hint."
      : `${r.remaining} more ${r.remaining === 1 ? "hint" : "hints"}: run ${call} again.`;
  return [
    `💡 Hint ${r.index} of ${r.total} — ${name}`,
    r.texts[0],
    more,
    `Re-read one with ${call.slice(0, -1)}, ${r.index}).`,
  ].join("\n");
}

/** Hints revealed so far for a part according to the log; records written before parts existed count for the first. */
export function loggedHints(drill: string, part: string): number {
  const first = findDrill(drill)?.parts[0]?.id;
  return readRecords(progressFile()).reduce(
    (n, r) => (r.kind === "hint" && r.drill === drill && (r.part ?? first) === part ? Math.max(n, r.hint) : n),
    0,
  );
}

export const hintBook = new HintBook(loggedHints, (drill, part, index) =>
  appendRecord(
    {
      v: 1,
      kind: "hint",
      at: new Date().toISOString(),
      session: SESSION,
      mode: runMode(),
      drill,
      part,
      hint: index,
      elapsedMs: elapsedMs(),
    },
    progressFile(),
  ),
);

const drillList = () => REGISTRY.map((d) => d.id).join(", ");

/**
 * Shows a hint: the next one of a part (or of the first part with hints left), or hint n again. Returns nothing,
 * so tslab prints nothing more.
 */
export function hint(drill: string | number, part?: string, n?: number): void {
  const d = findDrill(drill);
  if (!d) return showNote(`hint(${JSON.stringify(drill)}): no such drill. Use one of: ${drillList()}.`, "hint");
  const p =
    part === undefined
      ? (d.parts.find((x) => hintBook.count(d.id, x.id) < x.hints.length) ?? d.parts[0])
      : d.parts.find((x) => x.id === part);
  if (!p)
    return showNote(
      `hint("${d.id}", ${JSON.stringify(part)}): no such part. Parts: ${d.parts.map((x) => x.id).join(", ")}.`,
      "hint",
    );
  if (n !== undefined) {
    const text = hintBook.reread(d, p, n);
    const seen = hintBook.count(d.id, p.id);
    return showNote(
      text
        ? `💡 Hint ${n} of ${p.hints.length} (again) — ${d.title} · ${p.title}\n${text}`
        : `Hint ${n} of ${p.title} is not revealed yet (${seen} of ${p.hints.length} seen): run hint("${d.id}", "${p.id}") for the next one.`,
      "hint",
    );
  }
  showNote(hintMessage(hintBook.next(d, p)), "hint");
}
