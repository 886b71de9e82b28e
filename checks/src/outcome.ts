/**
 * What one call of the candidate's code did, as plain data: the half of a case that runs inside the kernel.
 *
 * A call either returns data describing the behaviour (`value`: outputs, whether it threw and what, counts it
 * measured), or fails on the spot (`failure`: the result was not even the right type — such a verdict can only
 * cost points, never earn them), or is a stub (`todo`). Everything a call returns is judged outside the kernel.
 */
import { isNotImplemented } from "@drills/lib";
import { CheckFailure, type Failure } from "./failure";
import { fmt } from "./format";

export type Outcome =
  | { kind: "value"; value: unknown; ms: number }
  | { kind: "failure"; failure: Failure; ms: number }
  | { kind: "todo"; ms: number };

/** The kernel half of a case: calls the candidate on one input and describes what happened, as plain data. */
export type CallFn<I = any, In = any> = (impl: I, input: In) => unknown | Promise<unknown>;

/** A drill's kernel-side calls, by name. Nothing here may import an oracle or a model answer. */
export type Calls<I = any> = Record<string, CallFn<I>>;

/** Runs one call; never throws. */
export async function callCase<I>(fn: CallFn<I> | undefined, impl: I, input: unknown, name = "?"): Promise<Outcome> {
  const t0 = performance.now();
  const ms = () => performance.now() - t0;
  if (typeof fn !== "function") {
    return {
      kind: "failure",
      failure: { what: `no kernel call named ${JSON.stringify(name)}`, expected: "a known call", actual: "none" },
      ms: 0,
    };
  }
  try {
    const value = await fn(impl, input);
    return { kind: "value", value, ms: ms() };
  } catch (e) {
    if (isNotImplemented(e)) return { kind: "todo", ms: ms() };
    if (e instanceof CheckFailure || (e instanceof Error && e.name === "CheckFailure" && "failure" in e)) {
      return { kind: "failure", failure: (e as CheckFailure).failure, ms: ms() };
    }
    // Calls wrap the candidate in call()/callAsync(), so what escapes is the candidate's (async) code or a bug.
    return {
      kind: "failure",
      failure: { what: "the call should run without throwing", expected: "a result", actual: `threw ${fmt(e)}` },
      ms: ms(),
    };
  }
}

/** What a call threw, as data (null when it returned): what a "rejects bad input" case judges. A stub stays todo. */
export function thrown(fn: () => unknown): { name: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (isNotImplemented(e)) throw e;
    return e instanceof Error ? { name: e.name, message: e.message } : { name: typeof e, message: String(e) };
  }
}

export async function thrownAsync(fn: () => unknown): Promise<{ name: string; message: string } | null> {
  try {
    await fn();
    return null;
  } catch (e) {
    if (isNotImplemented(e)) throw e;
    return e instanceof Error ? { name: e.name, message: e.message } : { name: typeof e, message: String(e) };
  }
}
