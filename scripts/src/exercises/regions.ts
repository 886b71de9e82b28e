/**
 * Finds BEGIN/END marker regions in a cell's lines. Unclosed, nested or stray markers are errors, never guesses:
 * a silently unbalanced marker would ship a solution inside an exercise.
 */
export interface Region {
  /** index of the BEGIN line */
  begin: number;
  /** index of the END line */
  end: number;
  /** leading white space of the BEGIN line */
  indent: string;
}

export class MarkerError extends Error {
  override readonly name = "MarkerError";
}

export function findRegions(lines: string[], begin: RegExp, end: RegExp, where: string): Region[] {
  const regions: Region[] = [];
  let open: { line: number; indent: string } | undefined;
  lines.forEach((line, i) => {
    if (begin.test(line)) {
      if (open)
        throw new MarkerError(
          `${where}: line ${i + 1}: BEGIN inside the region opened at line ${open.line + 1} (markers do not nest)`,
        );
      open = { line: i, indent: /^\s*/.exec(line)![0] };
    } else if (end.test(line)) {
      if (!open) throw new MarkerError(`${where}: line ${i + 1}: END without a BEGIN`);
      regions.push({ begin: open.line, end: i, indent: open.indent });
      open = undefined;
    }
  });
  if (open) throw new MarkerError(`${where}: line ${open.line + 1}: BEGIN is never closed by an END`);
  return regions;
}

/** Replaces each region (markers included) with one line; returns the new lines and the removed inner lines. */
export function replaceRegions(
  lines: string[],
  regions: Region[],
  replacement: (r: Region) => string,
): { lines: string[]; removed: string[] } {
  const out: string[] = [];
  const removed: string[] = [];
  let i = 0;
  for (const r of regions) {
    out.push(...lines.slice(i, r.begin), replacement(r));
    removed.push(...lines.slice(r.begin + 1, r.end));
    i = r.end + 1;
  }
  out.push(...lines.slice(i));
  return { lines: out, removed };
}
