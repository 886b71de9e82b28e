/**
 * State dicts on the judge side: flattening, comparing the weights a call returned with expected ones key by key,
 * and drawing random, float32-exact state dicts and data sets (seeded) for cases and hidden properties.
 */
import { normal } from "@drills/lib";
import { allClose, type Tolerance } from "../../assert";
import { STATE_KEYS, type StateDict, type StateKey } from "./types";

/** Row-major values of a nested array. */
export function flat(v: unknown): number[] {
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return Array.from(v as ArrayLike<unknown>).flatMap(flat);
  return [v as number];
}

/** Weights as a call returns them: float32 values per key, row-major. */
export type Flat = Record<string, ArrayLike<number>>;

/** Key-by-key allClose; the message names the key. */
export function expectWeightsClose(
  actual: Flat,
  expected: StateDict,
  ctx: { what: string; input?: string; note?: string; hint?: string } & Tolerance,
): void {
  for (const k of STATE_KEYS)
    allClose(Array.from(actual?.[k] ?? []), flat(expected[k]), { ...ctx, what: `${ctx.what}: ${k}` });
}

/** Keys whose values differ at all (a step of SGD or an update in evaluate moves something). */
export function changedKeys(actual: Flat, before: StateDict): StateKey[] {
  return STATE_KEYS.filter((k) => {
    const fb = flat(before[k]);
    const a = actual?.[k] ?? [];
    return a.length !== fb.length || fb.some((x, i) => a[i] !== Math.fround(x));
  });
}

function matrix(rows: number, cols: number, next: () => number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, next));
}

/** A state dict drawn from `next` (values should be float32-exact so JS and tfjs hold the same numbers). */
export function drawStateDict(inDim: number, hidden: number, next: () => number): StateDict {
  return {
    "net.0.weight": matrix(hidden, inDim, next),
    "net.0.bias": matrix(1, hidden, next)[0],
    "net.3.weight": matrix(1, hidden, next),
    "net.3.bias": [next()],
  };
}

/** Weights at PyTorch's init scale (≈ N(0, 1/fan_in)), float32-exact, from a seed. */
export function seededState(inDim: number, hidden: number, seed: number): StateDict {
  const w = normal(hidden * inDim + 2 * hidden + 1, seed);
  let i = 0;
  return drawStateDict(inDim, hidden, () =>
    Math.fround(w[i] / Math.sqrt(i++ < hidden * inDim + hidden ? inDim : hidden)),
  );
}

/** `rows` rows of N(0, 1) features (float32-exact) labelled by a fixed non-linear rule, from a seed. */
export function seededData(rows: number, inDim: number, seed: number): { x: number[][]; y: number[] } {
  const z = normal(rows * inDim, seed);
  const x = Array.from({ length: rows }, (_, r) => Array.from(z.subarray(r * inDim, (r + 1) * inDim), Math.fround));
  const y = x.map((r) => (r[0] + 0.5 * (r[1] ?? 0) * (r[2] ?? 1) - 0.3 > 0 ? 1 : 0));
  return { x, y };
}
