/**
 * Assertions for checks. Each one funnels into `fail` (failure.ts); none prints or throws anything else.
 * Candidate code is always called through `call`, so "your function threw" is a reported failure, and a stub's
 * NotImplementedError passes through untouched (the runner turns it into "todo").
 */
import type * as fc from "fast-check";
import { isNotImplemented } from "@drills/lib";
import { fail, CheckFailure, type Failure } from "./failure";
import { fmt, fmtNumber } from "./format";
import { fastCheck } from "./samples";

type Context = Omit<Failure, "expected" | "actual">;

export function ok(cond: boolean, f: Failure): asserts cond {
  if (!cond) fail(f);
}

/** Calls candidate code; anything it throws (but "not implemented") becomes a failure naming the call. */
export function call<T>(label: string, fn: () => T, ctx: Partial<Context> = {}): T {
  try {
    return fn();
  } catch (e) {
    if (isNotImplemented(e) || e instanceof CheckFailure) throw e;
    return fail({
      what: `${label} should run without throwing`,
      expected: "a result",
      actual: `threw ${fmt(e)}`,
      ...ctx,
    });
  }
}

export async function callAsync<T>(label: string, fn: () => T | Promise<T>, ctx: Partial<Context> = {}): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isNotImplemented(e) || e instanceof CheckFailure) throw e;
    return fail({
      what: `${label} should run without throwing`,
      expected: "a result",
      actual: `threw ${fmt(e)}`,
      ...ctx,
    });
  }
}

export interface Tolerance {
  /** absolute tolerance */
  tol?: number;
  /** relative tolerance, scaled by |expected| */
  rtol?: number;
}

function within(a: number, e: number, { tol = 1e-6, rtol = 0 }: Tolerance): boolean {
  if (Number.isNaN(e)) return Number.isNaN(a);
  if (!Number.isFinite(e)) return a === e;
  return Math.abs(a - e) <= tol + rtol * Math.abs(e);
}

function describeTol({ tol = 1e-6, rtol = 0 }: Tolerance): string {
  return rtol ? `tol ${fmtNumber(tol)} + ${fmtNumber(rtol)}·|expected|` : `tol ${fmtNumber(tol)}`;
}

export function close(actual: unknown, expected: number, ctx: Context & Tolerance): void {
  ok(typeof actual === "number", {
    ...ctx,
    expected: `a number near ${fmtNumber(expected)}`,
    actual: `${fmt(actual)} (${typeof actual})`,
  });
  ok(within(actual, expected, ctx), {
    how: `close, ${describeTol(ctx)}`,
    ...ctx,
    expected: fmtNumber(expected),
    actual: fmtNumber(actual),
  });
}

/** Element-wise closeness; reports the first offending index and the largest error. */
export function allClose(actual: ArrayLike<number>, expected: ArrayLike<number>, ctx: Context & Tolerance): void {
  ok(actual.length === expected.length, {
    ...ctx,
    expected: `length ${expected.length}`,
    actual: `length ${actual.length}`,
  });
  let first = -1;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (!within(a, e, ctx)) {
      if (first < 0) first = i;
      worst = Math.max(worst, Number.isFinite(a - e) ? Math.abs(a - e) : Infinity);
    }
  }
  if (first >= 0) {
    fail({
      how: `allClose, ${describeTol(ctx)}`,
      ...ctx,
      expected: `[${first}] = ${fmtNumber(expected[first])}   (all: ${fmt(expected)})`,
      actual: `[${first}] = ${fmtNumber(actual[first])}   (all: ${fmt(actual)}; max |error| ${fmtNumber(worst)})`,
    });
  }
}

/** Deep equality by JSON form (arrays, plain objects, numbers, strings). */
export function equal(actual: unknown, expected: unknown, ctx: Context): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  ok(a === e, { how: "equal", ...ctx, expected: fmt(expected), actual: fmt(actual) });
}

/**
 * The call must throw ValueError (by name) whose message mentions each of `mentions` (case-insensitive): the
 * contract says the message names the argument and what was expected.
 */
export function throwsValueError(label: string, fn: () => unknown, ctx: Context & { mentions?: string[] }): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (isNotImplemented(thrown)) throw thrown;
  const mentions = ctx.mentions ?? [];
  ok(thrown !== undefined, { ...ctx, expected: `${label} throws ValueError`, actual: "it returned normally" });
  const e = thrown as Error;
  ok(e instanceof Error && e.name === "ValueError", {
    ...ctx,
    expected: `${label} throws ValueError`,
    actual: `it threw ${fmt(thrown)}`,
  });
  const missing = mentions.filter((m) => !e.message.toLowerCase().includes(m.toLowerCase()));
  ok(missing.length === 0, {
    ...ctx,
    expected: `a ValueError message naming ${mentions.map((m) => JSON.stringify(m)).join(" and ")}`,
    actual: JSON.stringify(e.message),
  });
}

/**
 * Judges what a call threw (see outcome.ts `thrown`): it must be a ValueError whose message mentions each of
 * `mentions` (case-insensitive).
 */
export function rejected(
  threw: { name: string; message: string } | null | undefined,
  label: string,
  ctx: Context & { mentions?: string[] },
): void {
  const mentions = ctx.mentions ?? [];
  ok(!!threw, { ...ctx, expected: `${label} throws ValueError`, actual: "it returned normally" });
  ok(threw.name === "ValueError" && typeof threw.message === "string", {
    ...ctx,
    expected: `${label} throws ValueError`,
    actual: `it threw ${threw.name}: ${threw.message}`,
  });
  const missing = mentions.filter((m) => !threw.message.toLowerCase().includes(m.toLowerCase()));
  ok(missing.length === 0, {
    ...ctx,
    expected: `a ValueError message naming ${mentions.map((m) => JSON.stringify(m)).join(" and ")}`,
    actual: JSON.stringify(threw.message),
  });
}

export interface PropertyOptions {
  seed?: number;
  numRuns?: number;
}

/**
 * A fast-check property whose predicate uses these assertions. On failure the reported input is fast-check's
 * *shrunk* counterexample, and the seed to replay it.
 */
export function property<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, ctx: Context & PropertyOptions): void {
  const seed = ctx.seed ?? 42;
  const fc_ = fastCheck();
  const result = fc_.check(
    fc_.property(arb, (v) => {
      predicate(v);
    }),
    { seed, numRuns: ctx.numRuns ?? 100 },
  );
  if (!result.failed) return;
  const cause = result.errorInstance;
  if (isNotImplemented(cause)) throw cause;
  const shrunk = result.counterexample?.[0];
  const detail = cause instanceof CheckFailure ? cause.failure : undefined;
  fail({
    ...ctx,
    ...(detail ?? {}),
    what: detail ? `${ctx.what}: ${detail.what}` : ctx.what,
    input: `${fmt(shrunk)}   (shrunk after ${result.numShrinks} steps; fast-check seed ${seed})`,
    expected: detail?.expected ?? "the property to hold",
    actual: detail?.actual ?? `threw ${fmt(cause)}`,
  });
}
