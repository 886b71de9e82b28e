/**
 * What drill 02's calls may return, checked before any judge reads it: in grading the value comes from the
 * candidate's kernel, so malformed data fails the case as such instead of crashing a judge.
 */
import type { Case } from "../../drill";
import type { HiddenProperty } from "../../hidden-property";
import { fail } from "../../failure";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isThrown = (v: unknown) =>
  v === null || v === undefined || (isObject(v) && typeof v.name === "string" && typeof v.message === "string");

/** Why a run's result is malformed, or undefined when it has the shape of a Ran. */
function ranProblem(v: unknown): string | undefined {
  if (!isObject(v)) return "not an object";
  if (!isThrown(v.threw)) return "threw is not { name, message }";
  if (!(v.mutated === null || (isObject(v.mutated) && typeof v.mutated.part === "string")))
    return "mutated is not null or { part, before, after }";
  if (v.threw) return undefined;
  if (!isObject(v.columns) || !Object.values(v.columns).every(Array.isArray))
    return "columns is not an object of arrays";
  if (!isObject(v.dtypes) || !Object.values(v.dtypes).every((d) => typeof d === "string"))
    return "dtypes is not an object of names";
  return undefined;
}

export function resultProblem(call: string, v: unknown): string | undefined {
  if (!call.endsWith("-many")) return ranProblem(v);
  if (!isObject(v) || !Array.isArray(v.results)) return "results is not a list";
  return v.results.map(ranProblem).find((p) => p !== undefined);
}

function expectResult(call: string, v: unknown): void {
  const problem = resultProblem(call, v);
  if (problem)
    fail({
      what: "the call's result should be a frame's plain data",
      expected: "{ columns, dtypes, mutated } or { threw, mutated }",
      actual: problem,
    });
}

export const guardCase = (c: Case): Case => ({
  ...c,
  judge: (v, input) => (expectResult(c.call, v), c.judge(v, input)),
});
export const guardProperty = (p: HiddenProperty): HiddenProperty => ({
  ...p,
  judge: (v, input, spec) => (expectResult(p.call, v), p.judge(v, input, spec)),
});
