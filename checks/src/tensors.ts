/** Tensor-aware assertions: type and shape, leaks, disposal, and whether code read values back into JS. */
import * as tf from "@tensorflow/tfjs-core";
import { loadTfjs } from "@drills/lib/dist/tfjs";
import { fail } from "./failure";
import { fmt } from "./format";
import { call } from "./assert";

// Every tensor drill's kernel half comes through here: its checks and the candidate's code need tfjs's gradients,
// chained ops and backends even in a notebook whose setup cell never called useBackend().
loadTfjs();

type Context = { what?: string; input?: string; hint?: string };

export function isTensor(v: unknown): v is tf.Tensor {
  return v instanceof tf.Tensor;
}

/** The value must be a live tf.Tensor of the given shape (null entries match any size). */
export function expectTensor(v: unknown, shape: (number | null)[], label: string, ctx: Context = {}): tf.Tensor {
  if (!isTensor(v))
    fail({
      what: `${label} should return a tf.Tensor`,
      expected: `Tensor of shape [${shape.join(", ")}]`,
      actual: fmt(v),
      ...ctx,
    });
  if (v.isDisposed)
    fail({
      what: `${label} returned a disposed tensor`,
      expected: "a live tensor",
      actual: "disposed",
      hint: "return the result from inside tf.tidy, or don't dispose it",
      ...ctx,
    });
  const okShape = v.shape.length === shape.length && shape.every((d, i) => d === null || d === v.shape[i]);
  if (!okShape) {
    fail({
      what: `${label} should return shape [${shape.map((d) => d ?? "any").join(", ")}]`,
      expected: `[${shape.map((d) => d ?? "any").join(", ")}]`,
      actual: `[${v.shape.join(", ")}]`,
      ...ctx,
    });
  }
  return v;
}

/** Runs fn and counts tensors it left allocated beyond the ones it returns. */
export function countLeaks<T>(
  label: string,
  fn: () => T,
  returned: (r: T) => tf.Tensor[] = (r) => (isTensor(r) ? [r] : []),
): { result: T; leaked: number } {
  const before = tf.memory().numTensors;
  const result = call(label, fn);
  const live = returned(result).filter((t) => !t.isDisposed).length;
  return { result, leaked: tf.memory().numTensors - before - live };
}

const READS = ["dataSync", "arraySync", "data", "array", "bufferSync", "buffer"] as const;

/**
 * Runs fn while counting reads of tensor values into JS (dataSync, arraySync, ...). A tensor-ops-only answer reads
 * nothing; a per-element JS loop has to.
 */
export function countReads<T>(label: string, fn: () => T): { result: T; reads: Record<string, number> } {
  const proto = tf.Tensor.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const saved = READS.map((m) => [m, proto[m]] as const);
  const reads: Record<string, number> = {};
  for (const [m, orig] of saved) {
    proto[m] = function (this: unknown, ...a: unknown[]) {
      reads[m] = (reads[m] ?? 0) + 1;
      return orig.apply(this, a);
    };
  }
  try {
    return { result: call(label, fn), reads };
  } finally {
    for (const [m, orig] of saved) proto[m] = orig;
  }
}

/** Float32 values of a tensor as a plain array (safe on a disposed tensor: reported, not thrown). */
export function values(t: tf.Tensor, label: string): number[] {
  if (t.isDisposed) fail({ what: `${label} was disposed`, expected: "a live tensor", actual: "disposed" });
  return Array.from(t.dataSync());
}
