/**
 * PyTorch state dicts for drill 07: key names and shapes, seeded random weights, and flat <-> nested conversion.
 * Layouts are PyTorch's: a Linear weight is [out, in] and y = x·Wᵀ + b; `attn.in_proj_weight` stacks W_q, W_k, W_v
 * row-wise, so rows [0, d) are q, [d, 2d) k, [2d, 3d) v.
 */
import { normal } from "@drills/lib";

export type Nested = number[] | number[][];
export type StateDict = Record<string, Nested>;

/** Causal and key-padding masks; `true` means "may not attend", PyTorch's boolean convention. */
export interface AttentionMask {
  causal?: boolean;
  /** [batch][seq]: true marks a padded key position. */
  keyPaddingMask?: boolean[][];
}

export function parameterShapes(d: number, ff: number): Record<string, number[]> {
  return {
    "attn.in_proj_weight": [3 * d, d],
    "attn.in_proj_bias": [3 * d],
    "attn.out_proj.weight": [d, d],
    "attn.out_proj.bias": [d],
    "ffn.0.weight": [ff, d],
    "ffn.0.bias": [ff],
    "ffn.3.weight": [d, ff],
    "ffn.3.bias": [d],
    "norm1.weight": [d],
    "norm1.bias": [d],
    "norm2.weight": [d],
    "norm2.bias": [d],
  };
}

export const PARAMETER_NAMES = Object.keys(parameterShapes(1, 1));

function nest(flat: number[], shape: number[]): Nested {
  if (shape.length === 1) return flat;
  const [rows, cols] = shape;
  return Array.from({ length: rows }, (_, r) => flat.slice(r * cols, (r + 1) * cols));
}

export function flatten(v: Nested): number[] {
  return (v as unknown[]).flat() as number[];
}

/**
 * Weights in the scale PyTorch initialises them (≈ 1/√fan_in), LayerNorm gains near 1 and non-zero biases and
 * shifts, so a swapped or ignored key changes the output. Values are rounded to float32 so JS and tfjs agree on
 * the inputs exactly.
 */
export function randomStateDict(d: number, ff: number, seed: number): StateDict {
  const sd: StateDict = {};
  let s = seed;
  for (const [name, shape] of Object.entries(parameterShapes(d, ff))) {
    const n = shape.reduce((a, b) => a * b, 1);
    const fanIn = shape.length === 2 ? shape[1] : 1;
    const isGain = name.endsWith("norm1.weight") || name.endsWith("norm2.weight");
    const std = shape.length === 2 ? 1 / Math.sqrt(fanIn) : 0.3;
    const flat = Array.from(normal(n, ++s * 7919), (v) => Math.fround((isGain ? 1 : 0) + std * v));
    sd[name] = nest(flat, shape);
  }
  return sd;
}

/** A deep copy, so a candidate that mutates the dict it was given cannot change the oracle's copy. */
export function cloneStateDict(sd: StateDict): StateDict {
  return Object.fromEntries(
    Object.entries(sd).map(([k, v]) => [
      k,
      nest(flatten(v), Array.isArray(v[0]) ? [v.length, (v[0] as number[]).length] : [v.length]),
    ]),
  );
}

/** Seeded float32 input data of shape [batch, seq, d] as nested arrays. */
export function randomInput(batch: number, seq: number, d: number, seed: number, scale = 1): number[][][] {
  const flat = Array.from(normal(batch * seq * d, seed), (v) => Math.fround(v * scale));
  return Array.from({ length: batch }, (_, b) =>
    Array.from({ length: seq }, (_, t) => flat.slice((b * seq + t) * d, (b * seq + t + 1) * d)),
  );
}

/** A tensor as plain data — float32 values and a shape — which is what crosses the kernel boundary. */
export interface Packed {
  values: Float32Array;
  shape: number[];
}
export type PackedDict = Record<string, Packed>;

/** Nested arrays (any depth) → float32 values and their shape. */
export function pack(v: unknown[]): Packed {
  const shape: number[] = [];
  for (let a: unknown = v; Array.isArray(a); a = a[0]) shape.push(a.length);
  return { values: Float32Array.from((v as unknown[]).flat(Infinity) as number[]), shape };
}

export const packDict = (sd: StateDict): PackedDict =>
  Object.fromEntries(Object.entries(sd).map(([k, v]) => [k, pack(v)]));

/** Back to PyTorch's `state_dict()` as nested number arrays, the form `loadStateDict` takes (a fresh copy). */
export const unpackDict = (p: PackedDict): StateDict =>
  Object.fromEntries(Object.entries(p).map(([k, { values, shape }]) => [k, nest(Array.from(values), shape)]));
