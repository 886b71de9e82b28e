/** The judge half for runs.ts: a run's value (a failure naming the call when it threw), or what it threw. */
import { fail, type Failure } from "../failure";
import type { Ran } from "./runs";

type Context = Omit<Failure, "expected" | "actual">;

/** The value a run returned; a throw is a failure naming the call, with the judge's context. */
export function valueOf(r: Ran | undefined, label: string, ctx: Partial<Context> = {}): unknown {
  if (!r) return fail({ what: `${label} should return a result`, expected: "a result", actual: "no result came back", ...ctx });
  if (r.threw) return fail({ what: `${label} should run without throwing`, expected: "a result", actual: `threw ${r.threw.name}: ${r.threw.message}`, ...ctx });
  return r.value;
}

/** Arguments for a run, as sent: one entry per call. */
export const run = (fn: string, ...args: unknown[]) => ({ fn, args });
