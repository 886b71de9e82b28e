/**
 * A second correct answer to drill 06, in the Keras layout: kernels stored [in, out] (x·K + b), so loading a PyTorch
 * state dict transposes and stateDict() transposes back. The spec runs it to show the checks do not depend on the
 * reference's layout; with `reshape` set it becomes the classic bug of reshaping [out, in] values instead.
 */
import * as tf from "@tensorflow/tfjs";
import { invalid } from "@drills/lib";
import * as ref from "./mlp-reference";
import type { Mlp, MlpModel, StateDict } from "./mlp-types";

/** Correct, Keras layout: kernels [in, out], so loading a PyTorch state dict transposes. */
export class KernelMLP implements MlpModel {
  readonly k: tf.Variable[];
  constructor(readonly inDim: number, readonly hiddenDim = 32, readonly pDrop = 0.2, readonly reshape = false) {
    const init = new ref.MLP(inDim, hiddenDim, pDrop);
    this.k = init.parameters().map((p) => tf.variable(p.rank === 2 ? p.transpose() : p));
    init.dispose();
  }
  forward(x: tf.Tensor2D, training: boolean): tf.Tensor1D {
    if (x.rank !== 2 || x.shape[1] !== this.inDim) invalid("x", `shape [n, ${this.inDim}]`, `shape [${x.shape}]`);
    return tf.tidy(() => {
      let h = tf.relu(tf.add(tf.matMul(x, this.k[0]), this.k[1]));
      if (training && this.pDrop > 0) h = tf.dropout(h, this.pDrop, undefined, ref.nextSeed());
      return tf.add(tf.matMul(h, this.k[2]), this.k[3]).reshape([-1]) as tf.Tensor1D;
    });
  }
  parameters(): tf.Variable[] {
    return this.k;
  }
  loadStateDict(sd: StateDict): void {
    const want = { "net.0.weight": [this.hiddenDim, this.inDim], "net.0.bias": [this.hiddenDim], "net.3.weight": [1, this.hiddenDim], "net.3.bias": [1] };
    for (const [k, shape] of Object.entries(want)) {
      const got = tf.tidy(() => tf.tensor(sd[k as keyof StateDict]).shape);
      if (got.join() !== shape.join()) invalid(`sd["${k}"]`, `shape [${shape}]`, `shape [${got}]`);
    }
    const put = (v: tf.Variable, w: number[][]) =>
      // The bug this flag models: reading [out, in] values row-major into an [in, out] tensor is not a transpose.
      tf.tidy(() => v.assign(this.reshape ? tf.tensor2d(w.flat(), [w[0].length, w.length]) : tf.tensor2d(w).transpose()));
    put(this.k[0], sd["net.0.weight"]);
    put(this.k[2], sd["net.3.weight"]);
    tf.tidy(() => this.k[1].assign(tf.tensor1d(sd["net.0.bias"])));
    tf.tidy(() => this.k[3].assign(tf.tensor1d(sd["net.3.bias"])));
  }
  stateDict(): StateDict {
    const back = (v: tf.Variable) => tf.tidy(() => (this.reshape ? v.reshape([v.shape[1]!, v.shape[0]]) : v.transpose()).arraySync() as number[][]);
    return { "net.0.weight": back(this.k[0]), "net.0.bias": this.k[1].arraySync() as number[], "net.3.weight": back(this.k[2]), "net.3.bias": this.k[3].arraySync() as number[] };
  }
}

export const keras = (reshape: boolean) => class extends KernelMLP {
  constructor(inDim: number, hiddenDim = 32, pDrop = 0.2) {
    super(inDim, hiddenDim, pDrop, reshape);
  }
};

export const kerasLayout: Mlp = { ...ref.reference, MLP: keras(false) };

/** Keras layout, but stateDict() hands the [in, out] kernels back as they are stored. */
export class UntransposedState extends KernelMLP {
  override stateDict(): StateDict {
    const [k0, b0, k3, b3] = this.k.map((v) => v.arraySync());
    return { "net.0.weight": k0, "net.0.bias": b0, "net.3.weight": k3, "net.3.bias": b3 } as StateDict;
  }
}
