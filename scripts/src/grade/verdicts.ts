/**
 * Verdicts outside the candidate's kernel. After the candidate's notebook has run (their functions and classes are
 * defined), the grader drives that kernel itself: one request per graded part, carrying every public and hidden
 * case's call name and input; the kernel answers with plain data, one line per case; the judges run here, in the
 * grader's process, against the oracles. Nothing the candidate's cells displayed counts.
 *
 * A request that hangs or kills the kernel fails the case it was on (the first without an answer); the session
 * restarts the kernel, re-runs the candidate's cells, and the remaining cases go in a new request.
 */
import { randomBytes } from "node:crypto";
import {
  encodePayload,
  hiddenCasesOf,
  judgeOutcome,
  loadDrill,
  parseOutcomes,
  type Case,
  type CaseResult,
  type HiddenFile,
  type Outcome,
} from "@drills/checks/grading";
import { caseText } from "@drills/checks/grading";
import { findDrill, type PartMeta } from "@drills/checks/meta";

/** Restarts per graded part before its remaining cases are failed without a call. */
export const MAX_RESTARTS_PER_PART = 2;

export interface ExecResult {
  status: "ok" | "error" | "timeout" | "died";
  stdout: string;
  stderr: string;
  ms: number;
}

/** The grader's handle on a candidate's kernel (runner/session.ts provides it). */
export interface KernelSession {
  execute(code: string, timeoutMs: number): Promise<ExecResult>;
  /** A fresh kernel that has re-run the candidate's cells. */
  restart(): Promise<void>;
}

export interface CaseScore {
  part: string;
  /** The part is an optional stretch (★★/★★★): its points are reported apart from the grade. */
  stretch?: boolean;
  /** The part's title, as reports show it. */
  check: string;
  id: string;
  name: string;
  status: "pass" | "fail" | "todo" | "error";
  hidden: boolean;
  /** The verdict rests on what the kernel measured about itself (forgeable; weighs little). */
  inKernel: boolean;
  points: number;
  earned: number;
  message?: string;
  ms: number;
}

/**
 * The request's code: the check cell's own expression reaches the candidate's code, in their kernel. A block, so it
 * declares nothing in the candidate's namespace (tslab only wraps a cell in an async function when a top-level
 * statement awaits, and mangles names that start with "__").
 */
export function requestCode(drill: string, part: PartMeta, payload: string): string {
  return `{\n  const grader: { serve(d: string, impl: unknown, p: string): Promise<void> } = require("@drills/checks/kernel");\n  await grader.serve(${JSON.stringify(drill)}, ${part.entry}, ${JSON.stringify(payload)});\n}`;
}

const firstLine = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l) ?? "";

function noResult(r: ExecResult, part: PartMeta): Outcome {
  const why =
    r.status === "timeout"
      ? "the call did not finish within the timeout"
      : r.status === "died"
        ? "the kernel died during the call"
        : r.status === "error"
          ? `the call failed: ${firstLine(r.stderr) || "an error in the kernel"}`
          : "the kernel sent no result";
  return {
    kind: "failure",
    ms: 0,
    failure: { what: `calling ${part.entry} should return a result`, expected: "a result", actual: why },
  };
}

function score(part: PartMeta, c: Case, r: CaseResult): CaseScore {
  const points = c.points ?? 1;
  return {
    part: part.id,
    ...(part.stretch ? { stretch: true } : {}),
    check: part.title,
    id: c.id,
    name: c.name,
    status: r.status,
    hidden: !!c.hidden,
    inKernel: !!c.inKernel,
    points,
    earned: r.status === "pass" ? points : 0,
    ...(r.status === "pass" ? {} : { message: caseText(r) }),
    ms: Math.round(r.ms * 10) / 10,
  };
}

/** The graded parts of a drill with every case they are judged on (public, then hidden). */
export function gradedCases(drill: string, hidden: HiddenFile | undefined): { part: PartMeta; cases: Case[] }[] {
  const meta = findDrill(drill);
  if (!meta) throw new Error(`no drill ${drill} in the registry`);
  const mod = loadDrill(meta.id);
  return meta.parts
    .filter((p) => p.graded !== false)
    .map((part) => {
      const all = mod.checks[part.id]?.cases ?? [];
      return {
        part,
        cases: [...all, ...hiddenCasesOf(meta.id, part.id, hidden)],
      };
    });
}

/**
 * The points a drill can earn, core and stretch apart: fixed by the registry and the hidden file, never by what a
 * notebook reports. The grade is the core's; stretch parts (beyond the time box) are reported beside it.
 */
export function possiblePoints(drill: string, hidden: HiddenFile | undefined): { core: number; stretch: number } {
  const out = { core: 0, stretch: 0 };
  for (const { part, cases } of gradedCases(drill, hidden))
    out[part.stretch ? "stretch" : "core"] += cases.reduce((m, c) => m + (c.points ?? 1), 0);
  return out;
}

export async function judgeDrill(
  session: KernelSession,
  drill: string,
  hidden: HiddenFile | undefined,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<CaseScore[]> {
  const scores: CaseScore[] = [];
  for (const { part, cases } of gradedCases(drill, hidden)) {
    if (signal?.aborted) throw Object.assign(new Error("grading interrupted"), { name: "AbortError" });
    const inputs = new Map<number, unknown>();
    const results = new Map<number, CaseResult>();
    for (const [i, c] of cases.entries()) {
      try {
        inputs.set(i, await c.input());
      } catch (e) {
        results.set(i, {
          id: c.id,
          name: c.name,
          status: "error",
          ms: 0,
          failure: {
            what: "the grader could not build this case's input (a bug in the pack or the hidden file)",
            expected: "an input",
            actual: e instanceof Error ? e.message : String(e),
          },
        });
      }
    }
    let pending = [...inputs.keys()];
    let deaths = 0;
    while (pending.length) {
      const nonce = randomBytes(9).toString("hex");
      const payload = encodePayload({
        nonce,
        cases: pending.map((i) => ({ i, call: cases[i].call, input: inputs.get(i) })),
      });
      const r = await session.execute(requestCode(drill, part, payload), timeoutMs);
      const outcomes = parseOutcomes(r.stdout, nonce);
      for (const i of pending) {
        const o = outcomes.get(i);
        if (o) results.set(i, await judgeOutcome(cases[i], inputs.get(i), o, { untrusted: true }));
      }
      const missing = pending.filter((i) => !outcomes.has(i));
      if (!missing.length) break;
      if (r.status === "ok" || r.status === "error") {
        // The request finished (or never compiled) without answering these: each fails with the reason.
        for (const i of missing) results.set(i, await judgeOutcome(cases[i], inputs.get(i), noResult(r, part)));
        break;
      }
      // Timeout or death: the first unanswered case is the one that hung; the rest go again on a fresh kernel —
      // up to a point: a kernel that dies on every call would otherwise cost a restart per case.
      results.set(missing[0], await judgeOutcome(cases[missing[0]], inputs.get(missing[0]), noResult(r, part)));
      pending = missing.slice(1);
      if (++deaths > MAX_RESTARTS_PER_PART) {
        const gaveUp: ExecResult = {
          ...r,
          status: "died",
          stderr: `the kernel hung or died on ${deaths} calls in a row; the rest were not tried`,
        };
        for (const i of pending)
          results.set(
            i,
            await judgeOutcome(cases[i], inputs.get(i), {
              ...noResult(gaveUp, part),
              failure: {
                what: `calling ${part.entry} should return a result`,
                expected: "a result",
                actual: gaveUp.stderr,
              },
            } as Outcome),
          );
        break;
      }
      if (pending.length) await session.restart();
    }
    for (const [i, c] of cases.entries()) scores.push(score(part, c, results.get(i)!));
  }
  return scores;
}
