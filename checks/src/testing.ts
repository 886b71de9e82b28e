/**
 * Assertions for the checks' own tests: the reference passes every case, a stub is todo, and each known-wrong
 * answer fails the named case with a message matching the expected pattern.
 */
import * as assert from "uvu/assert";
import { evaluate, judgeOutcome, type Check, type Drill, type DrillReport } from "./drill";
import { caseText, reportText } from "./render";

export async function expectPass<I>(drill: Drill<I>, impl: I): Promise<DrillReport> {
  const report = await evaluate(drill, impl);
  const bad = report.results.filter((r) => r.status !== "pass");
  assert.ok(bad.length === 0, `reference should pass every case:\n${bad.map(caseText).join("\n")}`);
  return report;
}

export async function expectTodo<I>(drill: Drill<I>, impl: I): Promise<DrillReport> {
  const report = await evaluate(drill, impl);
  assert.is(report.status, "todo", reportText(report));
  const crashed = report.results.filter((r) => r.status === "error");
  assert.ok(crashed.length === 0, `a stub should never crash a check:\n${crashed.map(caseText).join("\n")}`);
  return report;
}

/** The case (by id, or by name for cases without one) fails (status "fail", not "error") and its message matches. */
export async function expectRejects<I>(
  drill: Drill<I>,
  impl: I,
  caseName: string,
  message: RegExp,
): Promise<DrillReport> {
  const report = await evaluate(drill, impl);
  const r = report.results.find((x) => x.id === caseName || x.name === caseName);
  assert.ok(
    r,
    `no case ${JSON.stringify(caseName)} in ${drill.id} (ids: ${report.results.map((x) => x.id).join(", ")})`,
  );
  assert.is(r.status, "fail", `case ${JSON.stringify(caseName)} should fail:\n${reportText(report)}`);
  const text = caseText(r);
  assert.ok(message.test(text), `message of ${JSON.stringify(caseName)} should match ${message}:\n${text}`);
  assert.is(report.status, "fail");
  return report;
}

/**
 * Attack: in grading, what a call returns comes from the candidate's kernel and may be anything. A judge given forged
 * or malformed data must fail the case (an in-kernel case may pass), never crash as a "bug in the pack".
 */
export const JUNK: unknown[] = [
  undefined,
  null,
  0,
  "x",
  [],
  {},
  { columns: 5, dtypes: "x" },
  { columns: { v: "abc" }, dtypes: {} },
  { results: 3 },
  { results: [null, 5] },
  { threw: { name: 5 } },
  { mutated: { part: 1 } },
  // Shapes close to the real replies of drills 03/04 and 08/09: right keys, wrong contents.
  [null, null],
  { values: "1,2,3", shape: [1, 3] },
  { values: new Float32Array(3), shape: [2, 3] },
  { auc: "0.5", curve: null },
  { auc: 0.5, curve: { fpr: [0], tpr: [0, 1], thresholds: [] } },
  { threw: { name: "ValueError", message: 5 } },
  { threw: "ValueError: k" },
  { rows: [[1, 2, 3]], layout: [], xByteOffset: 0, probes: [], xAfter: [] },
  [{ threw: "ValueError" }],
  [{ threw: null, mutated: false }],
  [{ threw: null, value: { frame: true, columns: "x", rows: 7 } }],
  Array.from({ length: 500 }, () => ({ threw: null, mutated: false, value: {} })),
  { text: 42 },
];

/**
 * Forged or malformed replies never pass a judge (unless the case is measured in the kernel anyway) and never
 * crash it. With `untrusted` (as the grader judges), a judge that throws on such data counts as a failure, which
 * is what grading does with it; without, the judge must fail it by itself.
 */
export async function expectJudgesHold(all: Record<string, Check>, o: { untrusted?: boolean } = {}): Promise<void> {
  for (const [part, check] of Object.entries(all)) {
    for (const c of check.cases) {
      if (!("judge" in c)) continue;
      const input = await c.input();
      for (const value of JUNK) {
        const r = await judgeOutcome(c, input, { kind: "value", value, ms: 0 }, o);
        assert.ok(r.status !== "error", `${part}/${c.id} crashed on ${JSON.stringify(value)}:\n${caseText(r)}`);
        assert.ok(r.status !== "pass" || c.inKernel, `${part}/${c.id} passed on ${JSON.stringify(value)}`);
      }
    }
  }
}
