/**
 * Assertions for the checks' own tests: the reference passes every case, a stub is todo, and each known-wrong
 * answer fails the named case with a message matching the expected pattern.
 */
import * as assert from "uvu/assert";
import { evaluate, type Drill, type DrillReport } from "./drill";
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
export async function expectRejects<I>(drill: Drill<I>, impl: I, caseName: string, message: RegExp): Promise<DrillReport> {
  const report = await evaluate(drill, impl);
  const r = report.results.find((x) => x.id === caseName || x.name === caseName);
  assert.ok(r, `no case ${JSON.stringify(caseName)} in ${drill.id} (ids: ${report.results.map((x) => x.id).join(", ")})`);
  assert.is(r.status, "fail", `case ${JSON.stringify(caseName)} should fail:\n${reportText(report)}`);
  const text = caseText(r);
  assert.ok(message.test(text), `message of ${JSON.stringify(caseName)} should match ${message}:\n${text}`);
  assert.is(report.status, "fail");
  return report;
}
