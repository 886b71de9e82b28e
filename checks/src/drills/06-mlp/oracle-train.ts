/**
 * Float64 SGD on drill 06's MLP with dropout off, from the maths (judge side only). For a batch of B rows:
 *   pre = x W₀ᵀ + b₀,  h = relu(pre),  z = h W₃ᵀ + b₃,  loss = mean BCE-with-logits(z, y)
 *   dz = (σ(z) − y) / B,  dW₃ = dzᵀ h,  db₃ = Σ dz,  dpre = (dz W₃) ⊙ [pre > 0],  dW₀ = dpreᵀ x,  db₀ = Σ dpre
 * and each step is w ← w − lr·g. The epoch loss is the PyTorch loop's Σ loss_b · B_b / N.
 */
import { bceWithLogits, forward } from "./oracle";
import { flat } from "./state";
import type { StateDict } from "./types";

export interface Weights {
  w0: number[]; // [hidden, in] row-major
  b0: number[];
  w3: number[]; // [hidden]
  b3: number;
  inDim: number;
  hidden: number;
}

export function weightsFrom(sd: StateDict): Weights {
  return {
    w0: flat(sd["net.0.weight"]),
    b0: [...sd["net.0.bias"]],
    w3: flat(sd["net.3.weight"]),
    b3: sd["net.3.bias"][0],
    inDim: sd["net.0.weight"][0].length,
    hidden: sd["net.0.bias"].length,
  };
}

export function stateFrom(w: Weights): StateDict {
  const rows = Array.from({ length: w.hidden }, (_, o) => w.w0.slice(o * w.inDim, (o + 1) * w.inDim));
  return { "net.0.weight": rows, "net.0.bias": [...w.b0], "net.3.weight": [[...w.w3]], "net.3.bias": [w.b3] };
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** One SGD step on one batch; returns the batch's mean loss before the step. */
function step(w: Weights, x: number[][], y: number[], lr: number): number {
  const { inDim, hidden } = w;
  const B = x.length;
  const g = {
    w0: new Array(hidden * inDim).fill(0),
    b0: new Array(hidden).fill(0),
    w3: new Array(hidden).fill(0),
    b3: 0,
  };
  const zs: number[] = [];
  x.forEach((row, r) => {
    const pre = Array.from({ length: hidden }, (_, o) => row.reduce((s, v, i) => s + v * w.w0[o * inDim + i], w.b0[o]));
    const h = pre.map((v) => Math.max(v, 0));
    const z = h.reduce((s, v, o) => s + v * w.w3[o], w.b3);
    zs.push(z);
    const dz = (sigmoid(z) - y[r]) / B;
    g.b3 += dz;
    for (let o = 0; o < hidden; o++) {
      g.w3[o] += dz * h[o];
      const dpre = pre[o] > 0 ? dz * w.w3[o] : 0;
      g.b0[o] += dpre;
      for (let i = 0; i < inDim; i++) g.w0[o * inDim + i] += dpre * row[i];
    }
  });
  const loss = bceWithLogits(y, zs);
  w.w0 = w.w0.map((v, i) => v - lr * g.w0[i]);
  w.b0 = w.b0.map((v, i) => v - lr * g.b0[i]);
  w.w3 = w.w3.map((v, i) => v - lr * g.w3[i]);
  w.b3 -= lr * g.b3;
  return loss;
}

/** `epochs` epochs of in-order mini-batch SGD: each epoch's per-sample average loss, and the weights after. */
export function trainSgd(
  sd: StateDict,
  x: number[][],
  y: number[],
  { batchSize, lr, epochs }: { batchSize: number; lr: number; epochs: number },
): { losses: number[]; batchLosses: number[][]; after: StateDict } {
  const w = weightsFrom(sd);
  const losses: number[] = [];
  const batchLosses: number[][] = [];
  for (let e = 0; e < epochs; e++) {
    let total = 0;
    const per: number[] = [];
    for (let s = 0; s < x.length; s += batchSize) {
      const xb = x.slice(s, s + batchSize);
      const l = step(w, xb, y.slice(s, s + batchSize), lr);
      per.push(l);
      total += l * xb.length;
    }
    losses.push(total / x.length);
    batchLosses.push(per);
  }
  return { losses, batchLosses, after: stateFrom(w) };
}

/** Eval-mode loss (per-sample mean) and accuracy (logit > 0 as class 1) of a state dict on a data set. */
export function evaluateState(
  sd: StateDict,
  x: number[][],
  y: number[],
): { loss: number; accuracy: number; logits: number[] } {
  const logits = forward(sd, x);
  return {
    loss: bceWithLogits(y, logits),
    accuracy: logits.filter((z, i) => Number(z > 0) === y[i]).length / x.length,
    logits,
  };
}
