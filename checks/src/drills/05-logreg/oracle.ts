/**
 * Float64 oracles for drill 05, on plain arrays (rows of X). The objective, with no intercept:
 *   f(w) = (1/n) Σᵢ [softplus(zᵢ) − yᵢ zᵢ] + (λ/2)‖w‖²,   zᵢ = xᵢ·w,
 * which is the mean binary cross-entropy written from logits (−log σ(z) = softplus(−z), −log(1 − σ(z)) = softplus(z)),
 * finite for any z. ∇f = Xᵀ(σ(z) − y)/n + λw; ∇²f = XᵀSX/n + λI with S = diag(σ(1 − σ)), positive definite for
 * λ > 0, so Newton's method converges quadratically to the unique optimum — independent of gradient descent.
 */
import { normal, rng } from "@drills/lib";

export type Matrix = number[][];

/** σ(z) without overflow: exp of a non-positive number only. */
export function sigmoid64(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + eᶻ) = max(z, 0) + log1p(e^−|z|). */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

export function logits(X: Matrix, w: number[]): number[] {
  return X.map((row) => row.reduce((s, x, j) => s + x * w[j], 0));
}

export function objective(X: Matrix, y: number[], w: number[], lambda = 0): number {
  const z = logits(X, w);
  const bce = z.reduce((s, zi, i) => s + softplus(zi) - y[i] * zi, 0) / z.length;
  return bce + (lambda / 2) * w.reduce((s, v) => s + v * v, 0);
}

export function gradient(X: Matrix, y: number[], w: number[], lambda = 0): number[] {
  const n = X.length;
  const r = logits(X, w).map((z, i) => sigmoid64(z) - y[i]);
  return w.map((wj, j) => X.reduce((s, row, i) => s + row[j] * r[i], 0) / n + lambda * wj);
}

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(A: Matrix, b: number[]): number[] {
  const d = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < d; c++) {
    let p = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < d; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= d; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let s = M[r][d];
    for (let k = r + 1; k < d; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

/** The regularised optimum by Newton's method (λ > 0). */
export function newtonOptimum(X: Matrix, y: number[], lambda: number): number[] {
  const n = X.length;
  const d = X[0].length;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < 50; it++) {
    const s = logits(X, w).map((z) => sigmoid64(z) * (1 - sigmoid64(z)));
    const H = Array.from({ length: d }, (_, a) =>
      Array.from(
        { length: d },
        (_, b) => X.reduce((acc, row, i) => acc + row[a] * s[i] * row[b], 0) / n + (a === b ? lambda : 0),
      ),
    );
    const step = solve(H, gradient(X, y, w, lambda));
    w = w.map((v, j) => v - step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-13) break;
  }
  return w;
}

/**
 * Gradient descent as the drill specifies it, in float64: from w = 0, step w ← w − lr·∇f, stop after the first
 * epoch whose loss improved by less than tol. Returns the number of epochs run (steps taken).
 */
export function epochsToStop(
  X: Matrix,
  y: number[],
  o: { lr: number; lambda: number; tol: number; epochs: number },
): number {
  let w = new Array<number>(X[0].length).fill(0);
  let prev = objective(X, y, w, o.lambda);
  for (let e = 1; e <= o.epochs; e++) {
    const g = gradient(X, y, w, o.lambda);
    w = w.map((v, j) => v - o.lr * g[j]);
    const cur = objective(X, y, w, o.lambda);
    if (prev - cur < o.tol) return e;
    prev = cur;
  }
  return o.epochs;
}

export interface Problem {
  name: string;
  X: Matrix;
  y: number[];
  lambda: number;
}

/** n rows of d standard-normal features (float32-exact), labels drawn from σ(x·wTrue): not separable. */
export function makeProblem(n: number, wTrue: number[], lambda: number, seed: number): Problem {
  const d = wTrue.length;
  const flat = normal(n * d, seed).map(Math.fround);
  const X = Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * d, (i + 1) * d)));
  const u = rng(seed + 1);
  const y = X.map((row) => (u() < sigmoid64(row.reduce((s, x, j) => s + x * wTrue[j], 0)) ? 1 : 0));
  return { name: `n = ${n}, d = ${d}, lambda = ${lambda} (seed ${seed})`, X, y, lambda };
}

/** A gradient-descent variant: the drill's rule, or one classic slip in the gradient. */
export interface Descent {
  lr: number;
  lambda: number;
  /** Coefficient of λ·w in the gradient: 1 (right), 0 (the term forgotten), 2 (the gradient of λ‖w‖²). */
  l2Grad?: number;
  /** Divide Xᵀ(σ − y) by n (right) or not. */
  divideByN?: boolean;
}

/**
 * Every iterate of gradient descent from w = 0, in float64: path[e] is w after e epochs. With `tol`, it also
 * returns the epoch at which the drill's rule stops (the first epoch whose loss improved by less than tol).
 */
export function descend(
  X: Matrix,
  y: number[],
  d: Descent,
  epochs: number,
  tol = -Infinity,
): { path: number[][]; stop: number } {
  const n = X.length;
  let w = new Array<number>(X[0].length).fill(0);
  const path = [w];
  let prev = objective(X, y, w, d.lambda);
  let stop = epochs;
  for (let e = 1; e <= epochs; e++) {
    const r = logits(X, w).map((z, i) => sigmoid64(z) - y[i]);
    const g = w.map(
      (wj, j) =>
        X.reduce((s, row, i) => s + row[j] * r[i], 0) / (d.divideByN === false ? 1 : n) +
        (d.l2Grad ?? 1) * d.lambda * wj,
    );
    w = w.map((v, j) => v - d.lr * g[j]);
    path.push(w);
    const cur = objective(X, y, w, d.lambda);
    if (stop === epochs && prev - cur < tol) stop = e;
    prev = cur;
  }
  return { path, stop };
}

/** The iterate nearest to w (max-norm distance): which epoch a returned weight vector looks like. */
export function nearestEpoch(path: number[][], w: ArrayLike<number>): { epoch: number; distance: number } {
  let best = { epoch: -1, distance: Infinity };
  path.forEach((p, e) => {
    const dist = Math.max(...p.map((v, j) => Math.abs(v - w[j])));
    if (dist < best.distance) best = { epoch: e, distance: dist };
  });
  return best;
}
