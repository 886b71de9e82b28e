/**
 * The float64 oracle for drill 01, on the float32 values a tensor actually holds. Judge side only: the grading
 * kernel never loads this file.
 */
import { ok } from "../../assert";

/**
 * (x − mean) / std with the population std. A constant input gives zeros whatever its value: summing seven 0.1s in
 * any precision leaves a mean that differs from 0.1 in its last bits, so "std == 0" would be false and every output
 * ±1; the honest test of constancy is on the values themselves.
 */
export function referenceZscore(x: ArrayLike<number>): number[] {
  const n = x.length;
  const constant = Array.prototype.every.call(x, (v: number) => v === x[0]);
  if (constant) return new Array(n).fill(0);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const std = Math.sqrt(ss / n);
  return Array.from(x, (v) => (v - mean) / std);
}

export function moments(v: ArrayLike<number>): { mean: number; std: number } {
  const a = Array.from(v);
  const mean = a.reduce((s, b) => s + b, 0) / a.length;
  return { mean, std: Math.sqrt(a.reduce((s, b) => s + (b - mean) ** 2, 0) / a.length) };
}

/** The spacing of float32 numbers at |v|: 2^(exponent − 23). */
export function ulp32(v: number): number {
  return v === 0 ? 2 ** -149 : 2 ** (Math.floor(Math.log2(Math.abs(v))) - 23);
}

export function maxError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Number.isNaN(a[i]) ? Infinity : Math.abs(a[i] - b[i]));
  return m;
}

/**
 * The output values a kernel sent, checked before judging: in grading they come from the candidate's kernel, and
 * a forged reply (an empty array, a string) must fail the case rather than slip through a lenient comparison.
 */
export function outputOf(value: unknown, n: number): Float32Array {
  const v = (value as { values?: unknown } | null)?.values;
  ok(v instanceof Float32Array && v.length === n, {
    what: "zscore(x) should return a tensor of x's length",
    expected: `${n} float32 values`,
    actual: v instanceof Float32Array ? `${v.length} values` : "no values",
  });
  return v;
}

export function outputsOf(value: unknown, lengths: number[]): Float32Array[] {
  const v = (value as { values?: unknown } | null)?.values;
  ok(Array.isArray(v) && v.length === lengths.length, {
    what: "zscore should have returned one output per input",
    expected: `${lengths.length} outputs`,
    actual: Array.isArray(v) ? `${v.length} outputs` : "none",
  });
  return lengths.map((n, i) => outputOf({ values: v[i] }, n));
}
