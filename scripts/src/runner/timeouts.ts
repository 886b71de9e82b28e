/**
 * Which timeout applies to a cell, and the one rule every timeout value obeys wherever it comes from (CLI, options,
 * notebook or cell metadata): 0 or −1 means none (as nbclient); otherwise 1 to 2,147,483 seconds. The upper bound
 * is Node's: a timer above 2³¹−1 ms is clamped to 1 ms and would fire at once.
 *
 * Most specific wins, unless the caller says the interviewer's value is final (`policy: "interviewer"`, the
 * grader's case): then notebook and cell metadata are neither read nor able to lift the limit.
 */
import { NotebookError } from "./errors";
import { Notebook } from "./notebook";

export const MAX_TIMEOUT_SECONDS = 2_147_483;

export type TimeoutPolicy = "notebook" | "interviewer";

export class TimeoutError extends Error {}

/** The rule itself: returns seconds, 0 for none; throws naming `source` (e.g. "--timeout", "cell 3 metadata.timeout"). */
export function checkTimeout(value: unknown, source: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TimeoutError(`${source}: a timeout must be a number of seconds, got ${JSON.stringify(value)}`);
  }
  if (value === 0 || value === -1) return 0;
  if (value < 1 || value > MAX_TIMEOUT_SECONDS) {
    throw new TimeoutError(
      `${source}: timeout ${value} is out of range; use 0 or -1 for none, else 1 to ${MAX_TIMEOUT_SECONDS} seconds`,
    );
  }
  return value;
}

/**
 * Every code cell's timeout in seconds (0 = none), indexed like `notebook.cells`; all values are validated before
 * any cell runs, so a bad one fails the notebook before its kernel starts.
 */
export function cellTimeouts(
  notebook: Notebook,
  file: string,
  defaultSeconds: number,
  policy: TimeoutPolicy = "notebook",
): number[] {
  const fallback = checkTimeout(defaultSeconds, "timeoutSeconds");
  if (policy === "interviewer") return notebook.cells.map(() => fallback);
  try {
    const notebookDefault =
      pick(
        notebook.metadata,
        [
          ["drills", "timeout"],
          ["execution", "timeout"],
        ],
        `${file}: notebook metadata`,
      ) ?? fallback;
    return notebook.cells.map((cell, index) =>
      cell.cell_type !== "code"
        ? notebookDefault
        : (pick(
            cell.metadata,
            [["drills", "timeout"], ["timeout"]],
            `${file}: cell ${index + 1} (id ${cell.id ?? "?"}) metadata`,
          ) ?? notebookDefault),
    );
  } catch (error) {
    if (error instanceof TimeoutError) throw new NotebookError("invalid-notebook", error.message);
    throw error;
  }
}

/** The first key path present (not undefined) wins and must obey the rule; a cell's `metadata.execution` holds timestamps, so it is not read. */
function pick(metadata: any, keys: string[][], where: string): number | undefined {
  for (const key of keys) {
    let value = metadata;
    for (const part of key) value = value?.[part];
    if (value !== undefined && value !== null) return checkTimeout(value, `${where}.${key.join(".")}`);
  }
  return undefined;
}
