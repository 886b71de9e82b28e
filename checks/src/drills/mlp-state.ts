/**
 * State dicts on the check side: reading what the candidate's `stateDict()` returns (hostile values included),
 * comparing two of them key by key, and drawing random ones for properties.
 */
import { allClose, type Tolerance } from "../assert";
import { fail } from "../failure";
import { fmt } from "../format";
import { STATE_KEYS, type StateDict, type StateKey } from "./mlp-types";

export function shapesOf(inDim: number, hidden: number): Record<StateKey, number[]> {
  return { "net.0.weight": [hidden, inDim], "net.0.bias": [hidden], "net.3.weight": [1, hidden], "net.3.bias": [1] };
}

export function describeShapes(inDim: number, hidden: number): string {
  const s = shapesOf(inDim, hidden);
  return STATE_KEYS.map((k) => `${k} [${s[k].join(", ")}]`).join(", ");
}

function shapeOf(v: unknown): number[] | undefined {
  if (typeof v === "number") return [];
  if (!Array.isArray(v) && !ArrayBuffer.isView(v)) return undefined;
  const items = Array.from(v as ArrayLike<unknown>);
  if (items.length === 0) return [0];
  const inner = items.map(shapeOf);
  const first = inner[0];
  if (!first || inner.some((s) => !s || s.join() !== first.join())) return undefined;
  return [items.length, ...first];
}

/** The candidate's state dict, validated: the four keys, PyTorch's shapes, finite numbers. */
export function readStateDict(v: unknown, inDim: number, hidden: number, label: string, input?: string): StateDict {
  const want = shapesOf(inDim, hidden);
  const expected = describeShapes(inDim, hidden);
  const what = `${label} should return PyTorch's state_dict layout`;
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail({ what, input, expected, actual: fmt(v) });
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  if (keys.join() !== [...STATE_KEYS].sort().join()) fail({ what, input, expected, actual: `keys ${keys.join(", ") || "(none)"}` });
  const out: Record<string, unknown> = {};
  for (const k of STATE_KEYS) {
    const shape = shapeOf(obj[k]);
    if (!shape) fail({ what, input, expected: `${k}: a nested number array of shape [${want[k].join(", ")}]`, actual: fmt(obj[k]) });
    if (shape.join() !== want[k].join()) {
      const swapped = shape.length === 2 && shape[0] === want[k][1] && shape[1] === want[k][0];
      fail({ what, input, expected, actual: `${k} has shape [${shape.join(", ")}]`, note: swapped ? "that is [in, out]; PyTorch's Linear weight is [out, in]" : undefined });
    }
    const flatValues = flat(obj[k]);
    const bad = flatValues.findIndex((x) => typeof x !== "number" || !Number.isFinite(x));
    if (bad >= 0) fail({ what: `${label} should hold finite numbers`, input, expected: `finite numbers in ${k}`, actual: `${fmt(flatValues[bad])} at flat index ${bad}` });
    out[k] = Array.isArray(obj[k]) ? obj[k] : Array.from(obj[k] as ArrayLike<number>);
  }
  return out as unknown as StateDict;
}

/** Row-major values of a nested array. */
export function flat(v: unknown): number[] {
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return Array.from(v as ArrayLike<unknown>).flatMap(flat);
  return [v as number];
}

/** Key-by-key allClose; the message names the key. */
export function expectStateClose(actual: StateDict, expected: StateDict, ctx: { what: string; input?: string; note?: string; hint?: string } & Tolerance): void {
  for (const k of STATE_KEYS) allClose(flat(actual[k]), flat(expected[k]), { ...ctx, what: `${ctx.what}: ${k}` });
}

/** Keys whose values differ at all (exact comparison: a step of SGD or an update in evaluate moves something). */
export function changedKeys(a: StateDict, b: StateDict): StateKey[] {
  return STATE_KEYS.filter((k) => {
    const fb = flat(b[k]);
    return flat(a[k]).some((x, i) => x !== fb[i]);
  });
}

export function statesEqual(a: StateDict, b: StateDict): boolean {
  return changedKeys(a, b).length === 0;
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

export function cloneState(sd: StateDict): StateDict {
  return JSON.parse(JSON.stringify(sd)) as StateDict;
}
