/**
 * A check is a list of cases over one part of a drill. Each case is split in two halves that can run in different
 * processes: `call` (by name, from the drill's kernel-side calls) runs the candidate's code on an input and returns
 * plain data; `judge` compares that data with the oracle and throws a CheckFailure. In a notebook both halves run in
 * the kernel, one after the other; when grading, the call runs in the candidate's sandboxed kernel and the judge in
 * the grader's process, so nothing in the kernel can forge a verdict.
 *
 * Every outcome becomes a result: pass, fail (a CheckFailure), todo (a stub's NotImplementedError) or error (the
 * check itself broke — a bug in the pack, reported as such rather than blamed on the candidate).
 */
import { isNotImplemented } from "@drills/lib";
import { decode, encode } from "./codec";
import { CheckFailure, type Failure } from "./failure";
import { fmt } from "./format";
import { callCase, type Calls, type Outcome } from "./outcome";
import { rollUp, type Status } from "./report";

export type { Status } from "./report";

/** What a hidden case shows as its input, whatever its assertions said: graded reports can be shared. */
export const HIDDEN_INPUT = "(hidden case)";

interface CaseInfo {
  /** Stable key for grading, progress and tests ("small-input"); prose names may change freely. */
  id: string;
  name: string;
  /** One hint, shown when this case fails and the judge named no more specific cause. */
  hint: string;
  /** Hidden cases (grading) never show their input: a failure is reported by the property alone. */
  hidden?: boolean;
  /** Grade points (default 1). */
  points?: number;
  /**
   * The verdict rests on what the kernel measured about itself (leaked tensors, values read back, shared memory, a
   * mutated input): a candidate who patches the kernel can fake it, so such cases are marked and weigh little.
   */
  inKernel?: boolean;
  /** Names this case was reported under before it had an id (old progress logs and graded notebooks). */
  was?: string[];
}

export interface Case<I = any, In = any> extends CaseInfo {
  /** Builds the input, outside the kernel when grading: plain data only. */
  input(): In | Promise<In>;
  /** The kernel half, by name in the drill's `calls`. */
  call: string;
  /** The judge half: receives the call's value (decoded plain data) and the input; throws a CheckFailure. */
  judge(value: any, input: In): void | Promise<void>;
}

export interface Check<I = any> {
  /** The notebook id: "01-zscore". */
  id: string;
  /** The part of the drill this check covers: "zscore". */
  part?: string;
  title: string;
  calls: Calls<I>;
  cases: Case<I>[];
}
/** @deprecated the old name of a Check. */
export type Drill<I = any> = Check<I>;

export interface CaseResult {
  /** The case's stable id (a slug of its name when it has none). */
  id?: string;
  name: string;
  status: Status;
  failure?: Failure;
  hint?: string;
  ms: number;
  /** Grade points (default 1). */
  points?: number;
  hidden?: boolean;
  inKernel?: boolean;
}

export interface DrillReport {
  drill: string;
  part?: string;
  title: string;
  status: Status;
  results: CaseResult[];
  /** A short "why this is right", shown when every case passes. */
  why?: string;
}

/** The drill's status from its cases (one rule everywhere: report.ts's rollUp). */
export function overall(results: CaseResult[]): Status {
  return rollUp(results.map((r) => r.status));
}

/**
 * Turns a call's outcome into a result, running the judge on a value. Never throws. With `untrusted` (the value came
 * from a grading kernel, which the candidate controls), a judge that crashes on the value is a failure of the
 * answer — malformed data — rather than a bug in the pack.
 */
export async function judgeOutcome<I>(
  c: Case<I>,
  input: unknown,
  outcome: Outcome,
  o: { untrusted?: boolean } = {},
): Promise<CaseResult> {
  const t0 = performance.now();
  const done = (status: Status, extra: Partial<CaseResult> = {}): CaseResult => ({
    id: c.id,
    name: c.name,
    status,
    ms: outcome.ms + (performance.now() - t0),
    points: c.points ?? 1,
    ...(c.hidden ? { hidden: true } : {}),
    ...(c.inKernel ? { inKernel: true } : {}),
    ...extra,
  });
  const failed = (f: Failure) => {
    const failure = c.hidden ? { ...f, input: HIDDEN_INPUT } : f;
    return done("fail", { failure, hint: f.hint ?? c.hint });
  };
  if (outcome.kind === "todo") return done("todo");
  if (outcome.kind === "failure") return failed(outcome.failure);
  try {
    await c.judge(outcome.value, input);
    return done("pass");
  } catch (e) {
    if (isNotImplemented(e)) return done("todo");
    if (e instanceof CheckFailure) return failed(e.failure);
    if (o.untrusted)
      return failed({
        what: "the result should have the shape the check expects",
        expected: "the data the check's call returns",
        actual: `unreadable: ${fmt(e)}`,
      });
    return done("error", {
      failure: {
        what: "the check itself crashed (a bug in the pack, not in your answer)",
        expected: "a verdict",
        actual: fmt(e),
      },
    });
  }
}

/** Both halves in this process. The value goes through the same encoding as in grading, so verdicts agree. */
export async function runCase<I>(check: Check<I>, c: Case<I>, impl: I): Promise<CaseResult> {
  let input: unknown;
  try {
    input = await c.input();
  } catch (e) {
    const failure = {
      what: "the check could not build its input (a bug in the pack)",
      expected: "an input",
      actual: fmt(e),
    };
    return { id: c.id, name: c.name, status: "error", failure, ms: 0, points: c.points ?? 1 };
  }
  const sent = decode(encode(input));
  let outcome = await callCase(check.calls[c.call], impl, sent, c.call);
  if (outcome.kind === "value") {
    try {
      outcome = { ...outcome, value: decode(encode(outcome.value)) };
    } catch (e) {
      outcome = {
        kind: "failure",
        ms: outcome.ms,
        failure: { what: "the result should be plain data", expected: "numbers, arrays, objects", actual: fmt(e) },
      };
    }
  }
  return judgeOutcome(c, input, outcome);
}

/**
 * Runs every case, in order. Cases are not skipped after a todo: a drill with two functions can have one done and
 * one stubbed, and a stub throws at once anyway.
 */
export async function evaluate<I>(check: Check<I>, impl: I, extra: Case<I>[] = []): Promise<DrillReport> {
  const results: CaseResult[] = [];
  for (const c of [...check.cases, ...extra]) results.push(await runCase(check, c, impl));
  return { drill: check.id, part: check.part ?? check.id, title: check.title, status: overall(results), results };
}
