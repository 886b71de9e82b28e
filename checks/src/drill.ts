/**
 * A drill's checks are a list of named cases over the candidate's implementation. `evaluate` runs them and turns
 * every outcome into a result: pass, fail (a CheckFailure), todo (a stub's NotImplementedError) or error (the
 * check itself broke — a bug in the pack, reported as such rather than blamed on the candidate).
 */
import { isNotImplemented } from "@drills/lib";
import { CheckFailure, type Failure } from "./failure";
import { fmt } from "./format";

export type Status = "pass" | "fail" | "todo" | "error";

/** What a hidden case shows as its input, whatever its assertions said: graded reports can be shared. */
export const HIDDEN_INPUT = "(hidden case)";

export interface Case<I> {
  name: string;
  /** One hint, shown when this case fails: a nudge, never the answer. */
  hint: string;
  /** Hidden cases (grading) never show their input: a failure is reported by the property alone. */
  hidden?: boolean;
  run(impl: I): void | Promise<void>;
}

export interface Drill<I> {
  /** The notebook id: "01-zscore". */
  id: string;
  title: string;
  cases: Case<I>[];
}

export interface CaseResult {
  name: string;
  status: Status;
  failure?: Failure;
  hint?: string;
  ms: number;
}

export interface DrillReport {
  drill: string;
  title: string;
  status: Status;
  results: CaseResult[];
}

/** The drill's status: todo if any case is todo, else the worst of error > fail > pass. */
export function overall(results: CaseResult[]): Status {
  const has = (s: Status) => results.some((r) => r.status === s);
  if (has("todo")) return "todo";
  if (has("error")) return "error";
  if (has("fail")) return "fail";
  return "pass";
}

async function runCase<I>(c: Case<I>, impl: I): Promise<CaseResult> {
  const t0 = performance.now();
  const done = (status: Status, extra: Partial<CaseResult> = {}): CaseResult => ({
    name: c.name,
    status,
    ms: performance.now() - t0,
    ...extra,
  });
  try {
    await c.run(impl);
    return done("pass");
  } catch (e) {
    if (isNotImplemented(e)) return done("todo");
    if (e instanceof CheckFailure) {
      const failure = c.hidden ? { ...e.failure, input: HIDDEN_INPUT } : e.failure;
      return done("fail", { failure, hint: e.failure.hint ?? c.hint });
    }
    return done("error", {
      failure: { what: "the check itself crashed (a bug in the pack, not in your answer)", expected: "a verdict", actual: fmt(e) },
    });
  }
}

/**
 * Runs every case, in order. Cases are not skipped after a todo: a drill with two functions can have one done and
 * one stubbed, and a stub throws at once anyway.
 */
export async function evaluate<I>(drill: Drill<I>, impl: I, extra: Case<I>[] = []): Promise<DrillReport> {
  const results: CaseResult[] = [];
  for (const c of [...drill.cases, ...extra]) results.push(await runCase(c, impl));
  return { drill: drill.id, title: drill.title, status: overall(results), results };
}
