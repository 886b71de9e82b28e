/**
 * Float64 oracle for drill 06, written from the maths, not from the solution (judge side only):
 *   logits = relu(x W₀ᵀ + b₀) W₃ᵀ + b₃            (PyTorch's Linear: y = x Wᵀ + b, W stored [out, in])
 *   BCE-with-logits(z, y) = max(z, 0) − z·y + log(1 + e^{−|z|})   (never exponentiates a positive number)
 * plus the wrong models a failure note names: no ReLU, and weights reshaped to [in, out] instead of transposed.
 * Training with dropout off is in oracle-train.ts.
 */
import type { StateDict } from "./types";
import { flat } from "./state";

export interface ForwardVariant {
  relu?: boolean;
  /** "reshape": the row-major values of W [out, in] read as an [in, out] matrix — the classic layout bug. */
  layout?: "pytorch" | "reshape";
}

/** y = x Wᵀ + b with W given row-major as [out, in] (or, for "reshape", its values read as [in, out]). */
function linear(x: number[][], w: number[], b: number[], inDim: number, outDim: number, layout: ForwardVariant["layout"]): number[][] {
  const at = layout === "reshape" ? (o: number, i: number) => w[i * outDim + o] : (o: number, i: number) => w[o * inDim + i];
  return x.map((row) => Array.from({ length: outDim }, (_, o) => row.reduce((s, xi, i) => s + xi * at(o, i), b[o])));
}

export function forward(sd: StateDict, x: number[][], variant: ForwardVariant = {}): number[] {
  const hidden = sd["net.0.bias"].length;
  const inDim = x[0]?.length ?? 0;
  const pre = linear(x, flat(sd["net.0.weight"]), sd["net.0.bias"], inDim, hidden, variant.layout);
  const h = variant.relu === false ? pre : pre.map((r) => r.map((v) => Math.max(v, 0)));
  return linear(h, flat(sd["net.3.weight"]), sd["net.3.bias"], hidden, 1, variant.layout).map((r) => r[0]);
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

/** Fraction of rows where (logit > 0) equals the label. */
export function accuracy(labels: number[], logits: number[]): number {
  return logits.filter((z, i) => Number(z > 0) === labels[i]).length / logits.length;
}

/** The first variant whose logits match `actual` within `tol`, for a failure note. */
export function explainLogits(sd: StateDict, x: number[][], actual: number[], tol: number): string | undefined {
  const near = (e: number[]) => e.length === actual.length && e.every((v, i) => Math.abs(v - actual[i]) <= tol);
  if (near(forward(sd, x, { relu: false }))) return "these are the logits without the ReLU";
  if (near(forward(sd, x, { layout: "reshape" }))) return "these are the logits with each weight reshaped to [in, out] instead of transposed";
  return undefined;
}
