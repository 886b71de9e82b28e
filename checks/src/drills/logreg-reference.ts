/**
 * Float64 oracles for drill 05, on plain arrays (rows of X). The objective, with no intercept:
 *   f(w) = (1/n) Σᵢ [softplus(zᵢ) − yᵢ zᵢ] + (λ/2)‖w‖²,   zᵢ = xᵢ·w,
 * which is the mean binary cross-entropy written from logits (−log σ(z) = softplus(−z), −log(1 − σ(z)) = softplus(z)),
 * finite for any z. ∇f = Xᵀ(σ(z) − y)/n + λw; ∇²f = XᵀSX/n + λI with S = diag(σ(1 − σ)), positive definite for
 * λ > 0, so Newton's method converges quadratically to the unique optimum — independent of gradient descent.
 */
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
      Array.from({ length: d }, (_, b) => X.reduce((acc, row, i) => acc + row[a] * s[i] * row[b], 0) / n + (a === b ? lambda : 0)),
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
export function epochsToStop(X: Matrix, y: number[], o: { lr: number; lambda: number; tol: number; epochs: number }): number {
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
