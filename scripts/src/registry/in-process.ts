/** For tests: the grading kernel's half run in this process, on the request code the grader would send. */
import { outcomeLine, type Payload } from "@drills/checks/kernel";
import { callCase, decode, type Calls } from "@drills/checks/grading";

/** The drill and payload of a request written by verdicts.ts's requestCode. */
export function decodeRequest(code: string): { drill: string; payload: Payload } {
  const m = /serve\(("[^"]+"), [\s\S]*, ("[A-Za-z0-9+/=]+")\);/.exec(code);
  if (!m) throw new Error(`not a grading request: ${code.slice(0, 120)}`);
  const raw = JSON.parse(Buffer.from(JSON.parse(m[2]) as string, "base64").toString("utf8"));
  return {
    drill: JSON.parse(m[1]),
    payload: {
      nonce: raw.nonce,
      cases: raw.cases.map((c: { i: number; call: string; input: unknown }) => ({ ...c, input: decode(c.input) })),
    },
  };
}

export async function callCaseFor(calls: Calls, impl: unknown, p: Payload): Promise<string[]> {
  const lines: string[] = [];
  for (const c of p.cases) lines.push(outcomeLine(p.nonce, c.i, await callCase(calls[c.call], impl, c.input, c.call)));
  return lines;
}
