/**
 * `@drills/checks/kernel`: the half of grading that runs in the candidate's kernel. The grader sends one request per
 * check: the drill, the candidate's code (by the check cell's own expression) and a payload with every case's call
 * name and input. Each outcome goes back as one stdout line, `<nonce> <index> <json>`, as soon as it is known, so a
 * call that hangs or kills the kernel costs only its own case. Nothing here judges: this module and what it
 * imports hold no oracle and no model answer.
 */
import { encode, decode } from "./codec";
import { loadCalls } from "./loader";
import { callCase, type Outcome } from "./outcome";

export interface Payload {
  nonce: string;
  cases: { i: number; call: string; input: unknown }[];
}

export function encodePayload(p: Payload): string {
  return Buffer.from(
    JSON.stringify({ nonce: p.nonce, cases: p.cases.map((c) => ({ ...c, input: encode(c.input) })) }),
  ).toString("base64");
}

function decodePayload(text: string): Payload {
  const p = JSON.parse(Buffer.from(text, "base64").toString("utf8"));
  if (!p || typeof p.nonce !== "string" || !Array.isArray(p.cases)) throw new Error("serve: malformed payload");
  return {
    nonce: p.nonce,
    cases: p.cases.map((c: any) => ({ i: Number(c.i), call: String(c.call), input: decode(c.input) })),
  };
}

/** One outcome as a line; a value that is not plain data becomes a failure, never a crash of the request. */
export function outcomeLine(nonce: string, i: number, outcome: Outcome): string {
  let json: string;
  try {
    json = JSON.stringify(encode(outcome));
  } catch (e) {
    const failure = {
      what: "the result should be plain data",
      expected: "numbers, arrays, objects, typed arrays",
      actual: e instanceof Error ? e.message : String(e),
    };
    json = JSON.stringify({ kind: "failure", failure, ms: outcome.ms });
  }
  return `${nonce} ${i} ${json}`;
}

export async function serve(drill: string, impl: unknown, payload: string): Promise<void> {
  const p = decodePayload(payload);
  const calls = loadCalls(drill);
  for (const c of p.cases) {
    const outcome = await callCase(calls[c.call], impl, c.input, c.call);
    // Looked up on every line, never kept: tslab rebinds stdout per request, so a writer kept from an earlier
    // request would send these lines to that request's (finished) output.
    process.stdout.write(`\n${outcomeLine(p.nonce, c.i, outcome)}\n`);
  }
}

/** Parses the lines of one request's stdout: outcomes by case index (a line that does not parse is ignored). */
export function parseOutcomes(stdout: string, nonce: string): Map<number, Outcome> {
  const out = new Map<number, Outcome>();
  for (const line of stdout.split("\n")) {
    if (!line.startsWith(`${nonce} `)) continue;
    const rest = line.slice(nonce.length + 1);
    const sp = rest.indexOf(" ");
    const i = Number(rest.slice(0, sp));
    try {
      const o = decode(JSON.parse(rest.slice(sp + 1))) as Outcome;
      if (Number.isInteger(i) && o && (o.kind === "value" || o.kind === "failure" || o.kind === "todo"))
        out.set(i, sanitize(o));
    } catch {
      /* a torn or forged line: the case gets no outcome and fails as "no result" */
    }
  }
  return out;
}

/** Only the fields an outcome has, with the types they should have: the kernel's output is untrusted. */
function sanitize(o: Outcome): Outcome {
  const ms = typeof o.ms === "number" && Number.isFinite(o.ms) ? o.ms : 0;
  if (o.kind === "todo") return { kind: "todo", ms };
  if (o.kind === "value") return { kind: "value", value: o.value, ms };
  const f = (o.failure ?? {}) as unknown as Record<string, unknown>;
  const str = (v: unknown, d = "") => (typeof v === "string" ? v.slice(0, 2000) : d);
  const failure: Outcome & { kind: "failure" } = {
    kind: "failure",
    ms,
    failure: { what: str(f.what, "the call failed"), expected: str(f.expected), actual: str(f.actual) },
  };
  for (const k of ["input", "how", "note", "hint"] as const)
    if (typeof f[k] === "string") failure.failure[k] = str(f[k]);
  return failure;
}
