/**
 * The kernel half shared by drills whose functions take and return plain data (08, 09): call one named function of
 * the candidate's object per run, on copies of the arguments, and report what it returned or threw and whether it
 * modified an argument. A stub's todo propagates (the whole call is todo); anything else thrown is data to judge.
 */
import { thrown } from "../outcome";

export type Runs = { fn: string; args: unknown[] }[];

export interface Ran {
  value?: unknown;
  threw: { name: string; message: string } | null;
  /** The candidate changed an argument in place (measured inside the kernel). */
  mutated: boolean;
}

const snapshot = (v: unknown) =>
  JSON.stringify(v, (_k, x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x));

/** `fresh`: the arguments were built for this call alone (polars frames cannot be cloned), so no copy is made. */
export function runOne(fn: unknown, args: unknown[], { fresh = false } = {}): Ran {
  const copies = fresh ? args : structuredClone(args);
  const before = fresh ? "" : snapshot(copies);
  let value: unknown;
  const threw = thrown(() => {
    if (typeof fn !== "function") throw new TypeError(`expected a function, got ${typeof fn}`);
    value = fn(...copies);
  });
  return { ...(threw ? {} : { value }), threw, mutated: !fresh && snapshot(copies) !== before };
}

export function runAll(
  impl: Record<string, unknown> | null | undefined,
  allowed: readonly string[],
  runs: Runs,
): Ran[] {
  return runs.map(({ fn, args }) => {
    if (!allowed.includes(fn))
      throw new Error(`no function ${JSON.stringify(fn)} in this part (${allowed.join(", ")})`);
    return runOne(impl?.[fn], args);
  });
}
