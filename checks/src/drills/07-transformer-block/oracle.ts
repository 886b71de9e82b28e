/**
 * Float64 oracle for drill 07, in plain JS loops, independent of tfjs and of the solution notebook. It checks itself
 * against PyTorch's fixture in the spec. `Variant` reproduces the classic mistakes so a failed parity check can say
 * which one the candidate's output matches.
 */
import { erf } from "@drills/lib/dist/stats";
import { flatten, type AttentionMask, type StateDict } from "./state";

export interface Variant {
  /** "post": x = norm(x + sublayer(x)), the original 2017 layout. */
  norm: "pre" | "post";
  eps: number;
  gelu: "erf" | "tanh";
  /** What the scores are divided by: √(d/nHead), √d, or nothing. */
  scale: "head" | "model" | "none";
  /** Which in_proj chunk (0, 1, 2) serves as q, k and v. */
  qkv: [number, number, number];
  /** "strided": head h takes features h, h + nHead, ... instead of the block [h·dh, (h+1)·dh). */
  heads: "contiguous" | "strided";
  residual: boolean;
}

export const CORRECT: Variant = {
  norm: "pre",
  eps: 1e-5,
  gelu: "erf",
  scale: "head",
  qkv: [0, 1, 2],
  heads: "contiguous",
  residual: true,
};

type Vec = number[];

export function gelu(x: number, form: "erf" | "tanh"): number {
  if (form === "erf") return 0.5 * x * (1 + erf(x / Math.SQRT2));
  return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
}

function linear(x: Vec, w: Vec, b: Vec, rowsFrom = 0, rows = b.length): Vec {
  const n = x.length;
  return Array.from({ length: rows }, (_, r) => {
    let s = b[rowsFrom + r];
    for (let i = 0; i < n; i++) s += w[(rowsFrom + r) * n + i] * x[i];
    return s;
  });
}

function layerNorm(x: Vec, g: Vec, b: Vec, eps: number): Vec {
  const mean = x.reduce((a, v) => a + v, 0) / x.length;
  const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / x.length; // biased, as LayerNorm
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + eps)) * g[i] + b[i]);
}

export interface OracleResult {
  /** [batch][seq][d] */
  out: number[][][];
  /** [batch][head][query][key], eval mode */
  attention: number[][][][];
}

/** One eval-mode forward pass in float64. */
export function oracleForward(
  sd: StateDict,
  x: number[][][],
  nHead: number,
  mask: AttentionMask = {},
  v: Variant = CORRECT,
): OracleResult {
  const p = Object.fromEntries(Object.entries(sd).map(([k, t]) => [k, flatten(t)]));
  const d = p["norm1.weight"].length;
  const dh = d / nHead;
  const scale = v.scale === "head" ? 1 / Math.sqrt(dh) : v.scale === "model" ? 1 / Math.sqrt(d) : 1;
  const feature = (h: number, j: number) => (v.heads === "contiguous" ? h * dh + j : j * nHead + h);
  const norm1 = (r: Vec) => layerNorm(r, p["norm1.weight"], p["norm1.bias"], v.eps);
  const norm2 = (r: Vec) => layerNorm(r, p["norm2.weight"], p["norm2.bias"], v.eps);
  const add = (a: Vec, b: Vec) => (v.residual ? a.map((u, i) => u + b[i]) : b);

  const out: number[][][] = [];
  const attention: number[][][][] = [];
  x.forEach((rows, bi) => {
    const seq = rows.length;
    const h = v.norm === "pre" ? rows.map(norm1) : rows;
    const [q, k, val] = v.qkv.map((chunk) =>
      h.map((r) => linear(r, p["attn.in_proj_weight"], p["attn.in_proj_bias"], chunk * d, d)),
    );
    const ctx = Array.from({ length: seq }, () => new Array<number>(d).fill(0));
    const weights: number[][][] = [];
    for (let hd = 0; hd < nHead; hd++) {
      const w = q.map((qi, i) => {
        const s = k.map((kj, j) => {
          const blocked = (mask.causal && j > i) || mask.keyPaddingMask?.[bi]?.[j];
          if (blocked) return -Infinity;
          let dot = 0;
          for (let c = 0; c < dh; c++) dot += qi[feature(hd, c)] * kj[feature(hd, c)];
          return dot * scale;
        });
        const m = Math.max(...s);
        const e = s.map((z) => Math.exp(z - m));
        const total = e.reduce((a, b) => a + b, 0);
        return e.map((z) => z / total);
      });
      weights.push(w);
      for (let i = 0; i < seq; i++)
        for (let c = 0; c < dh; c++)
          for (let j = 0; j < seq; j++) ctx[i][feature(hd, c)] += w[i][j] * val[j][feature(hd, c)];
    }
    attention.push(weights);
    const attnOut = ctx.map((r) => linear(r, p["attn.out_proj.weight"], p["attn.out_proj.bias"]));
    let x1 = rows.map((r, i) => add(r, attnOut[i]));
    if (v.norm === "post") x1 = x1.map(norm1);
    const ffn = (r: Vec) =>
      linear(
        linear(r, p["ffn.0.weight"], p["ffn.0.bias"]).map((z) => gelu(z, v.gelu)),
        p["ffn.3.weight"],
        p["ffn.3.bias"],
      );
    let x2 = x1.map((r) => add(r, ffn(v.norm === "pre" ? norm2(r) : r)));
    if (v.norm === "post") x2 = x2.map(norm2);
    out.push(x2);
  });
  return { out, attention };
}

/** The known mistakes, each as one change from CORRECT, with the note and the nudge a failure shows for it. */
export const MISTAKES: [note: string, variant: Variant, hint: string][] = [
  [
    "matches post-norm: LayerNorm applied after the residual add",
    { ...CORRECT, norm: "post" },
    "in pre-norm, LayerNorm sees the sublayer's input; the residual sum itself is never normalised.",
  ],
  [
    "matches LayerNorm epsilon 1e-3 (tfjs's layerNormalization default), not PyTorch's 1e-5",
    { ...CORRECT, eps: 1e-3 },
    "nn.LayerNorm's epsilon is 1e-5; tfjs's layerNormalization defaults to 1e-3.",
  ],
  [
    "matches the tanh approximation of GELU, not the exact erf form",
    { ...CORRECT, gelu: "tanh" },
    "nn.GELU() defaults to the exact x·Φ(x); tf.erf gives Φ.",
  ],
  [
    "matches scores scaled by 1/√dModel instead of 1/√(head dim)",
    { ...CORRECT, scale: "model" },
    "each head's dot product sums dModel / nHead terms, not dModel.",
  ],
  [
    "matches unscaled scores (no 1/√(head dim))",
    { ...CORRECT, scale: "none" },
    "PyTorch rescales the scores before the softmax so their variance does not grow with the head size.",
  ],
  [
    "matches heads taking strided features (h, h + nHead, …) instead of contiguous blocks",
    { ...CORRECT, heads: "strided" },
    "check which axis the reshape gives to the heads: head i owns a contiguous block of features.",
  ],
  [
    "matches in_proj_weight split as k, q, v",
    { ...CORRECT, qkv: [1, 0, 2] },
    "in_proj_weight stacks the three projections row-wise in PyTorch's order: q, k, v.",
  ],
  [
    "matches in_proj_weight split as v, k, q",
    { ...CORRECT, qkv: [2, 1, 0] },
    "in_proj_weight stacks the three projections row-wise in PyTorch's order: q, k, v.",
  ],
  [
    "matches a block without the residual connections",
    { ...CORRECT, residual: false },
    "each sublayer's (dropped-out) output is added back to the stream it read from.",
  ],
];
