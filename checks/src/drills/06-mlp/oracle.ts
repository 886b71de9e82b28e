/**
 * Float64 oracle for drill 06, written from the maths, not from the solution (judge side only):
 *   logits = relu(x W₀ᵀ + b₀) W₃ᵀ + b₃            (PyTorch's Linear: y = x Wᵀ + b, W stored [out, in])
 *   BCE-with-logits(z, y) = max(z, 0) − z·y + log(1 + e^{−|z|})   (never exponentiates a positive number)
 * Training with dropout off is in oracle-train.ts.
 */
import type { StateDict } from "./types";
import { flat } from "./state";

/** y = x Wᵀ + b with W given row-major as [out, in]. */
function linear(x: number[][], w: number[], b: number[], inDim: number, outDim: number): number[][] {
  return x.map((row) =>
    Array.from({ length: outDim }, (_, o) => row.reduce((s, xi, i) => s + xi * w[o * inDim + i], b[o])),
  );
}

/** Eval-mode logits (dropout off). */
export function forward(sd: StateDict, x: number[][]): number[] {
  const hidden = sd["net.0.bias"].length;
  const inDim = x[0]?.length ?? 0;
  const h = linear(x, flat(sd["net.0.weight"]), sd["net.0.bias"], inDim, hidden).map((r) =>
    r.map((v) => Math.max(v, 0)),
  );
  return linear(h, flat(sd["net.3.weight"]), sd["net.3.bias"], hidden, 1).map((r) => r[0]);
}

export function bceWithLogits(labels: number[], logits: number[]): number {
  const terms = logits.map((z, i) => Math.max(z, 0) - z * labels[i] + Math.log1p(Math.exp(-Math.abs(z))));
  return terms.reduce((a, b) => a + b, 0) / terms.length;
}

/** d mean-BCE / d zᵢ = (σ(zᵢ) − yᵢ) / n. */
export function bceGrad(labels: number[], logits: number[]): number[] {
  const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
  return logits.map((z, i) => (sigmoid(z) - labels[i]) / logits.length);
}
