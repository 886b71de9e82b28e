/**
 * A tfjs reference TransformerBlock for the spec (and the benchmark), with switches that reproduce the known-wrong
 * answers. Never shipped (test/ is outside the package): candidates see only the contract in types.ts.
 */
import * as tf from "@tensorflow/tfjs-core";
import { ValueError } from "@drills/lib";
import { CORRECT, type Variant } from "../oracle";
import { parameterShapes, type AttentionMask, type StateDict } from "../state";
import type { CompareNormPlacement, DepthRow, TransformerBlockClass, TransformerBlockLike } from "../types";

export interface Flaws extends Partial<Variant> {
  dropoutInEval?: boolean;
  leaks?: boolean;
  noValidation?: boolean;
  /** Keras's convention: keyPaddingMask true = keep. */
  paddingKeeps?: boolean;
  ignoresMask?: boolean;
  noTrainingDropout?: boolean;
  /** namedParameters() hands out copies, so autodiff never sees the weights forward uses. */
  copiesParameters?: boolean;
}

let seedCounter = 1;

export function makeBlock(flaws: Flaws = {}): TransformerBlockClass {
  const v: Variant = { ...CORRECT, ...flaws };
  return class TransformerBlock implements TransformerBlockLike {
    private readonly params: Record<string, tf.Variable> = {};
    private readonly dh: number;
    constructor(
      readonly dModel: number,
      readonly nHead: number,
      readonly dimFF: number,
      readonly pDrop = 0.1,
    ) {
      if (!flaws.noValidation && (!Number.isInteger(dModel / nHead) || nHead < 1)) {
        throw new ValueError(`nHead: expected a divisor of dModel = ${dModel}, got ${nHead}`);
      }
      this.dh = dModel / nHead;
      for (const [name, shape] of Object.entries(parameterShapes(dModel, dimFF))) {
        const bound = 1 / Math.sqrt(shape.length === 2 ? shape[1] : dModel);
        const init = name.startsWith("norm")
          ? name.endsWith("weight")
            ? tf.ones(shape)
            : tf.zeros(shape)
          : tf.randomUniform(shape, -bound, bound, "float32", seedCounter++);
        this.params[name] = tf.variable(init, true, `${name}#${seedCounter++}`);
        init.dispose();
      }
    }
    loadStateDict(sd: StateDict): void {
      for (const [name, p] of Object.entries(this.params)) {
        if (!(name in sd)) throw new ValueError(`sd: expected key ${name}`);
        tf.tidy(() => p.assign(tf.tensor(sd[name] as number[], p.shape, "float32")));
      }
    }
    namedParameters(): Record<string, tf.Variable> {
      return flaws.copiesParameters
        ? Object.fromEntries(Object.entries(this.params).map(([k, p]) => [k, tf.variable(p)]))
        : { ...this.params };
    }
    dispose(): void {
      for (const p of Object.values(this.params)) p.dispose();
    }
    private drop(t: tf.Tensor, training: boolean): tf.Tensor {
      return ((training && !flaws.noTrainingDropout) || flaws.dropoutInEval) && this.pDrop > 0
        ? tf.dropout(t, this.pDrop, undefined, seedCounter++)
        : t;
    }
    /** y = x·Wᵀ + b over the last axis; 2-D matMul because tfjs's batched matMul gradient can't broadcast W. */
    private dense(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
      const rows = tf.reshape(x, [-1, x.shape[x.rank - 1]]);
      return tf.reshape(tf.add(tf.matMul(rows, w, false, true), b), [...x.shape.slice(0, -1), w.shape[0]]);
    }
    private norm(x: tf.Tensor, which: 1 | 2): tf.Tensor {
      const { mean, variance } = tf.moments(x, -1, true);
      const z = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, v.eps)));
      return tf.add(tf.mul(z, this.params[`norm${which}.weight`]), this.params[`norm${which}.bias`]);
    }
    private heads(t: tf.Tensor, b: number, s: number): tf.Tensor {
      return v.heads === "contiguous"
        ? tf.transpose(tf.reshape(t, [b, s, this.nHead, this.dh]), [0, 2, 1, 3])
        : tf.transpose(tf.reshape(t, [b, s, this.dh, this.nHead]), [0, 3, 1, 2]);
    }
    private attention(h: tf.Tensor, mask: AttentionMask, training: boolean): { out: tf.Tensor; weights: tf.Tensor } {
      const [b, s, d] = h.shape;
      const qkv = tf.split(
        this.dense(tf.reshape(h, [b * s, d]), this.params["attn.in_proj_weight"], this.params["attn.in_proj_bias"]),
        3,
        -1,
      );
      const [q, k, val] = v.qkv.map((i) => this.heads(qkv[i], b, s));
      const scale = v.scale === "head" ? 1 / Math.sqrt(this.dh) : v.scale === "model" ? 1 / Math.sqrt(d) : 1;
      let scores = tf.mul(tf.matMul(q, k, false, true), scale);
      const blocked = new Float32Array(b * s * s);
      for (let bi = 0; bi < b; bi++)
        for (let i = 0; i < s; i++)
          for (let j = 0; j < s; j++) {
            if (flaws.ignoresMask) continue;
            if ((mask.causal && j > i) || (mask.keyPaddingMask && mask.keyPaddingMask[bi][j] !== !!flaws.paddingKeeps))
              blocked[(bi * s + i) * s + j] = -Infinity;
          }
      scores = tf.add(scores, tf.tensor4d(blocked, [b, 1, s, s]));
      const weights = tf.softmax(scores, -1);
      const ctx = tf.matMul(this.drop(weights, training), val);
      const merged = v.heads === "contiguous" ? tf.transpose(ctx, [0, 2, 1, 3]) : tf.transpose(ctx, [0, 2, 3, 1]);
      const out = this.dense(
        tf.reshape(merged, [b * s, d]),
        this.params["attn.out_proj.weight"],
        this.params["attn.out_proj.bias"],
      );
      return { out: tf.reshape(out, [b, s, d]), weights };
    }
    private check(x: tf.Tensor): void {
      if (!flaws.noValidation && (x.rank !== 3 || x.shape[2] !== this.dModel)) {
        throw new ValueError(`x: expected shape (batch, seq, dModel = ${this.dModel}), got [${x.shape}]`);
      }
    }
    forward(x: tf.Tensor3D, training = false, mask: AttentionMask = {}): tf.Tensor3D {
      this.check(x);
      const body = () => {
        const add = (a: tf.Tensor, b: tf.Tensor) => (v.residual ? tf.add(a, b) : b);
        const h = v.norm === "pre" ? this.norm(x, 1) : x;
        let y = add(x, this.drop(this.attention(h, mask, training).out, training));
        if (v.norm === "post") y = this.norm(y, 1);
        const f = v.norm === "pre" ? this.norm(y, 2) : y;
        const hidden = this.dense(f, this.params["ffn.0.weight"], this.params["ffn.0.bias"]);
        const act =
          v.gelu === "erf"
            ? tf.mul(tf.mul(hidden, 0.5), tf.add(1, tf.erf(tf.div(hidden, Math.SQRT2))))
            : tanhGelu(hidden);
        y = add(
          y,
          this.drop(
            this.dense(this.drop(act, training), this.params["ffn.3.weight"], this.params["ffn.3.bias"]),
            training,
          ),
        );
        if (v.norm === "post") y = this.norm(y, 2);
        return y as tf.Tensor3D;
      };
      return flaws.leaks ? body() : tf.tidy(body);
    }
    attentionWeights(x: tf.Tensor3D, mask: AttentionMask = {}): tf.Tensor4D {
      this.check(x);
      return tf.tidy(() => this.attention(v.norm === "pre" ? this.norm(x, 1) : x, mask, false).weights as tf.Tensor4D);
    }
  };
}

function tanhGelu(x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
  return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.tanh(inner)));
}

/**
 * The stretch experiment: `depth` blocks of each placement (32 features, 4 heads, pDrop 0) with each sublayer's
 * output projection scaled by `gain`; per block, the stream's std after it and ‖∂loss/∂x_l‖ at its input, all from
 * one backward pass through zero taps added before each block.
 */
export function compareNormPlacement(
  Pre: TransformerBlockClass = makeBlock(),
  Post: TransformerBlockClass = makeBlock({ norm: "post" }),
  labels = ["pre-norm", "post-norm"],
): CompareNormPlacement {
  return (depth, gain) => {
    const rows: DepthRow[] = [];
    [Pre, Post].forEach((Block, which) => {
      const blocks = Array.from({ length: depth }, () => new Block(32, 4, 128, 0));
      for (const b of blocks) {
        for (const k of ["attn.out_proj.weight", "ffn.3.weight"]) {
          const p = b.namedParameters()[k];
          tf.tidy(() => p.assign(tf.mul(p, gain)));
        }
      }
      const x = tf.randomNormal([2, 8, 32], 0, 1, "float32", 3) as tf.Tensor3D;
      const probe = tf.randomNormal([2, 8, 32], 0, 1, "float32", 5);
      const taps = blocks.map(() => tf.zerosLike(x));
      const stds: number[] = [];
      const loss = (...t: tf.Tensor[]) => {
        let h = x;
        blocks.forEach((b, l) => {
          h = b.forward(tf.add(h, t[l]) as tf.Tensor3D);
          stds.push(tf.tidy(() => tf.sqrt(tf.moments(h).variance).dataSync()[0]));
        });
        return tf.sum(tf.mul(h, probe)) as tf.Scalar;
      };
      const grads = tf.grads(loss)(taps);
      grads.forEach((g, l) =>
        rows.push({
          layer: l + 1,
          placement: labels[which],
          streamStd: stds[l],
          gradNorm: tf.tidy(() => tf.norm(g).dataSync()[0]),
        }),
      );
      tf.dispose([x, probe, ...taps, ...grads]);
      blocks.forEach((b) => b.dispose?.());
    });
    return rows;
  };
}
