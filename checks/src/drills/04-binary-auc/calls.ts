/**
 * Drill 04's kernel half: each call runs the candidate's rocCurve / binaryAuc on copies of one input (a sort in place
 * must not corrupt the next call) and returns what they gave as plain data. A result of the wrong type or shape is a
 * CheckFailure here; everything else is judged outside the kernel. No oracle here.
 */
import { isNotImplemented } from "@drills/lib";
import { call, ok } from "../../assert";
import { CheckFailure } from "../../failure";
import { fmt } from "../../format";
import { thrown, type Calls } from "../../outcome";

export interface Roc {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}
export type RocCurve = (yTrue: ArrayLike<number>, yScore: ArrayLike<number>) => Roc;
export type BinaryAuc = (yTrue: ArrayLike<number>, yScore: ArrayLike<number>) => number;
export interface Auc {
  rocCurve: RocCurve;
  binaryAuc: BinaryAuc;
}

export interface Pair {
  yTrue: number[];
  yScore: number[];
}

/** What the AUC cases judge: the area, and the candidate's own curve on the same input (to tell the cause). */
export interface AucResult {
  auc: number;
  curve: Roc | null;
  curveError?: string;
}

function aucOf(impl: Auc, y: ArrayLike<number>, s: ArrayLike<number>): number {
  const a = call("binaryAuc(yTrue, yScore)", () => impl.binaryAuc(y, s));
  ok(typeof a === "number", {
    what: "binaryAuc should return a number",
    expected: "a number in [0, 1]",
    actual: `${fmt(a)} (${typeof a})`,
  });
  return a;
}

function isNumberArray(v: unknown): v is ArrayLike<number> {
  return (
    (Array.isArray(v) || ArrayBuffer.isView(v)) &&
    Array.from(v as ArrayLike<unknown>).every((x) => typeof x === "number")
  );
}

/** The candidate's curve as plain arrays, after checking it is { fpr, tpr, thresholds } of equal lengths. */
function curveOf(impl: Auc, y: ArrayLike<number>, s: ArrayLike<number>): Roc {
  const r = call("rocCurve(yTrue, yScore)", () => impl.rocCurve(y, s)) as unknown;
  const shape = "{ fpr: number[], tpr: number[], thresholds: number[] }";
  ok(typeof r === "object" && r !== null, {
    what: "rocCurve should return an object",
    expected: shape,
    actual: fmt(r),
  });
  const o = r as Record<string, unknown>;
  for (const k of ["fpr", "tpr", "thresholds"])
    ok(isNumberArray(o[k]), {
      what: `rocCurve(...).${k} should be an array of numbers`,
      expected: shape,
      actual: `${k} = ${fmt(o[k])}`,
    });
  const roc = {
    fpr: Array.from(o.fpr as ArrayLike<number>),
    tpr: Array.from(o.tpr as ArrayLike<number>),
    thresholds: Array.from(o.thresholds as ArrayLike<number>),
  };
  ok(roc.fpr.length === roc.tpr.length && roc.tpr.length === roc.thresholds.length, {
    what: "fpr, tpr and thresholds should have one entry per point",
    expected: "three arrays of equal length",
    actual: `lengths ${roc.fpr.length}, ${roc.tpr.length}, ${roc.thresholds.length}`,
  });
  return roc;
}

/** A value, or what went wrong as text (a CheckFailure by its what and actual); a stub stays todo. */
function attempt<T>(fn: () => T): { value?: T; error?: string } {
  try {
    return { value: fn() };
  } catch (e) {
    if (isNotImplemented(e)) throw e;
    return {
      error:
        e instanceof CheckFailure
          ? `${e.failure.what}: ${e.failure.actual}`
          : e instanceof Error
            ? e.message
            : String(e),
    };
  }
}

/** The curve when rocCurve gives a well-formed one; its failure as text otherwise (a stubbed rocCurve too). */
function tryCurve(impl: Auc, y: number[], s: number[]): Pick<AucResult, "curve" | "curveError"> {
  try {
    const r = attempt(() => curveOf(impl, [...y], [...s]));
    return r.error === undefined ? { curve: r.value! } : { curve: null, curveError: r.error };
  } catch {
    return { curve: null, curveError: "rocCurve is not implemented yet" };
  }
}

const aucResult = (impl: Auc, { yTrue, yScore }: Pair): AucResult => ({
  auc: aucOf(impl, [...yTrue], [...yScore]),
  ...tryCurve(impl, yTrue, yScore),
});

export const calls: Calls<Auc> = {
  auc: (impl, p: Pair) => aucResult(impl, p),
  aucs: (impl, { cases }: { cases: Pair[] }) => cases.map((p) => aucResult(impl, p)),
  curve: (impl, { yTrue, yScore }: Pair) => curveOf(impl, [...yTrue], [...yScore]),
  curves: (impl, { cases }: { cases: Pair[] }) => cases.map((p) => curveOf(impl, [...p.yTrue], [...p.yScore])),
  /** What each function threw on each bad input. */
  rejects: (impl, { cases }: { cases: Pair[] }) =>
    cases.map((p) => ({
      rocCurve: thrown(() => impl.rocCurve([...p.yTrue], [...p.yScore])),
      binaryAuc: thrown(() => impl.binaryAuc([...p.yTrue], [...p.yScore])),
    })),
  /** The AUC and curve on Int32Array / Float64Array inputs, beside the same input as plain arrays. */
  typed: (impl, p: Pair) => {
    const plain = aucResult(impl, p);
    const asTyped = () => [Int32Array.from(p.yTrue), Float64Array.from(p.yScore)] as const;
    const typed = attempt(() => aucOf(impl, ...asTyped()));
    const typedCurve = attempt(() => curveOf(impl, ...asTyped()));
    return { ...plain, typed: typed.value ?? null, typedError: typed.error, typedCurveError: typedCurve.error };
  },
  /** The caller's arrays after each function ran on them (measured inside the kernel). */
  unchanged: (impl, p: Pair) => {
    const after: Record<string, number[][]> = {};
    for (const fn of ["binaryAuc", "rocCurve"] as const) {
      const y = Int32Array.from(p.yTrue);
      const s = [...p.yScore];
      call(`${fn}(yTrue, yScore)`, () => impl[fn](y, s));
      after[fn] = [Array.from(y), s];
    }
    return after;
  },
};
