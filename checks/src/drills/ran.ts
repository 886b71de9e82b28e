/** The judge half for runs.ts: a run's value (a failure naming the call when it threw), or what it threw. */
import { fail, type Failure } from "../failure";
import type { Ran } from "./runs";

type Context = Omit<Failure, "expected" | "actual">;

/** The value a run returned; a throw is a failure naming the call, with the judge's context. */
export function valueOf(r: Ran | undefined, label: string, ctx: Partial<Context> = {}): unknown {
  if (!r)
    return fail({
      what: `${label} should return a result`,
      expected: "a result",
      actual: "no result came back",
      ...ctx,
    });
  if (r.threw)
    return fail({
      what: `${label} should run without throwing`,
      expected: "a result",
      actual: `threw ${r.threw.name}: ${r.threw.message}`,
      ...ctx,
    });
  return r.value;
}

/** Arguments for a run, as sent: one entry per call. */
export const run = (fn: string, ...args: unknown[]) => ({ fn, args });

const isThrew = (t: unknown): t is { name: string; message: string } =>
  typeof t === "object" &&
  t !== null &&
  typeof (t as { name: unknown }).name === "string" &&
  typeof (t as { message: unknown }).message === "string";

/**
 * What came back from the kernel, as runs the judge can trust the shape of: the kernel is the candidate's, so a
 * malformed entry becomes a missing result (a failure naming the call), never a crash of the judge.
 */
export function asRuns(value: unknown): Ran[] {
  if (!Array.isArray(value))
    return fail({
      what: "the call should return one result per input",
      expected: "a list of results",
      actual: typeof value,
    });
  return value.map((r): Ran => {
    if (typeof r !== "object" || r === null || !("threw" in r)) return undefined as unknown as Ran;
    const threw = (r as Ran).threw;
    if (threw !== null && !isThrew(threw)) return undefined as unknown as Ran;
    return { value: (r as Ran).value, threw, mutated: (r as Ran).mutated !== false };
  });
}

/** The same cases, each judging runs whose shape was checked first (asRuns). */
export function judgingRuns<C extends { judge(value: any, input: any, ...rest: any[]): unknown }>(cases: C[]): C[] {
  return cases.map((c) => ({
    ...c,
    judge: (value: unknown, input: unknown, ...rest: unknown[]) => c.judge(asRuns(value), input, ...rest),
  }));
}
