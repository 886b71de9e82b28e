/**
 * Calling the candidate's rocCurve / binaryAuc safely: inputs are copied (a sort in place must not corrupt the
 * oracle's data or the next case), and a result of the wrong type or shape is reported, never crashed on.
 */
import { call, ok } from "../../assert";
import { fmt } from "../../format";
import type { Roc } from "./oracle";

export type RocCurve = (yTrue: ArrayLike<number>, yScore: ArrayLike<number>) => Roc;
export type BinaryAuc = (yTrue: ArrayLike<number>, yScore: ArrayLike<number>) => number;
export interface Auc {
  rocCurve: RocCurve;
  binaryAuc: BinaryAuc;
}

export function describeInput(y: ArrayLike<number>, s: ArrayLike<number>): string {
  return `yTrue = ${fmt(Array.from(y))}, yScore = ${fmt(Array.from(s))}${y.length > 8 ? ` (n = ${y.length})` : ""}`;
}

export function aucOf(impl: Auc, y: ArrayLike<number>, s: ArrayLike<number>, input = describeInput(y, s)): number {
  const a = call("binaryAuc(yTrue, yScore)", () => impl.binaryAuc(Array.from(y), Array.from(s)), { input });
  ok(typeof a === "number", { what: "binaryAuc should return a number", input, expected: "a number in [0, 1]", actual: `${fmt(a)} (${typeof a})` });
  return a;
}

function isNumberArray(v: unknown): v is ArrayLike<number> {
  return (Array.isArray(v) || ArrayBuffer.isView(v)) && Array.from(v as ArrayLike<unknown>).every((x) => typeof x === "number");
}

/** The candidate's curve as plain arrays, after checking it is {fpr, tpr, thresholds} of equal lengths. */
export function curveOf(impl: Auc, y: ArrayLike<number>, s: ArrayLike<number>, input = describeInput(y, s)): Roc {
  const r = call("rocCurve(yTrue, yScore)", () => impl.rocCurve(Array.from(y), Array.from(s)), { input }) as unknown;
  const shape = "{ fpr: number[], tpr: number[], thresholds: number[] }";
  ok(typeof r === "object" && r !== null, { what: "rocCurve should return an object", input, expected: shape, actual: fmt(r) });
  const o = r as Record<string, unknown>;
  for (const k of ["fpr", "tpr", "thresholds"]) {
    ok(isNumberArray(o[k]), { what: `rocCurve(...).${k} should be an array of numbers`, input, expected: shape, actual: `${k} = ${fmt(o[k])}` });
  }
  const roc = { fpr: Array.from(o.fpr as ArrayLike<number>), tpr: Array.from(o.tpr as ArrayLike<number>), thresholds: Array.from(o.thresholds as ArrayLike<number>) };
  ok(roc.fpr.length === roc.tpr.length && roc.tpr.length === roc.thresholds.length, {
    what: "fpr, tpr and thresholds should have one entry per point",
    input,
    expected: "three arrays of equal length",
    actual: `lengths ${roc.fpr.length}, ${roc.tpr.length}, ${roc.thresholds.length}`,
  });
  return roc;
}
