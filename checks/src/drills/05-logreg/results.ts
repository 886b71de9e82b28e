/**
 * What drill 05's calls may return, checked before any judge reads it: in grading the value comes from the
 * candidate's kernel, so malformed data fails the case as such instead of crashing a judge.
 */
import type { Case } from "../../drill";
import type { HiddenProperty } from "../../hidden-property";
import { fail } from "../../failure";

type Check = (v: unknown) => boolean;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const numbers: Check = (v) =>
  (v instanceof Float32Array || Array.isArray(v)) &&
  Array.prototype.every.call(v, (x: unknown) => typeof x === "number");
const strings: Check = (v) => Array.isArray(v) && v.every((x) => typeof x === "string");
const orNull =
  (c: Check): Check =>
  (v) =>
    v === null || c(v);
const number: Check = (v) => typeof v === "number";
const thrown: Check = (v) => v === null || (isObject(v) && typeof v.name === "string" && typeof v.message === "string");
const listOf =
  (c: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(c);
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isObject(v) && Object.entries(fields).every(([k, c]) => c(v[k]));

const RESULTS: Record<string, Check> = {
  sigmoid: shape({ values: numbers }),
  proba: shape({ values: numbers }),
  "sigmoid-kernels": shape({ kernels: strings }),
  losses: shape({ values: numbers }),
  "loss-problems": shape({ values: listOf(numbers) }),
  fit: shape({ w: numbers }),
  "fit-twice": shape({ first: numbers, second: orNull(numbers), disposed: strings, yAfter: orNull(numbers) }),
  "fit-leaks": shape({ leaked: number }),
  hygiene: shape({ runs: listOf(shape({ label: (v) => typeof v === "string", leaked: number, disposed: strings })) }),
  rejects: shape({ threw: thrown }),
};

function expectResult(call: string, v: unknown): void {
  const ok = RESULTS[call]?.(v) ?? false;
  if (!ok)
    fail({
      what: `the ${call} call's result should be plain data of the expected shape`,
      expected: "the fields the call returns",
      actual: "malformed data",
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
