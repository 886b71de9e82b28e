/**
 * Drill 07 cases against PyTorch's own numbers (checks/fixtures/07-transformer-block.json): eval output with and
 * without masks, per-head attention weights, and the gradient of every parameter.
 */
import * as tf from "@tensorflow/tfjs";
import { allClose, call, ok } from "../../assert";
import { fail } from "../../failure";
import { fmt } from "../../format";
import { loadFixture } from "../../fixtures";
import { expectTensor, values } from "../../tensors";
import type { LegacyCase as Case } from "../../drill";
import { compare, flat3, flat4, forward, withBlock, type Setup } from "./calls";
import { flatten, PARAMETER_NAMES, type Nested, type StateDict } from "./state";
import type { TransformerBlockClass } from "./checks";

interface Outputs {
  out: number[][][];
  attention: number[][][][];
}
interface Fixture extends Outputs {
  config: { dModel: number; nHead: number; dimFF: number; batch: number; seq: number };
  stateDict: StateDict;
  x: number[][][];
  causal: Outputs;
  keyPaddingMask: boolean[][];
  padding: Outputs;
  probe: number[][][];
  grads: Record<string, Nested>;
}

let cached: Fixture | undefined;
export const fixture = (): Fixture => (cached ??= loadFixture<Fixture>("07-transformer-block"));

/**
 * Float32 error budget. Outputs are O(1) and every dot product is ≤ 32 terms, so a float32 forward pass lands
 * within ~1e-6 of PyTorch's float64 result on either backend (cpu and wasm differ only in the last bits); 2e-5 leaves
 * room for that while the closest known mistake (LayerNorm eps 1e-3) moves outputs by > 1e-4.
 */
export const TOL = { tol: 2e-5, rtol: 2e-5 };
/** Gradients sum over batch × seq positions and pass back through softmax and LayerNorm: a looser budget. */
export const GRAD_TOL = { tol: 1e-4, rtol: 1e-4 };

const setup = (): Setup => {
  const f = fixture();
  return { dModel: f.config.dModel, nHead: f.config.nHead, dimFF: f.config.dimFF, pDrop: 0.1, sd: f.stateDict };
};
const INPUT = "x: (2, 5, 16) from the fixture; PyTorch block with dModel 16, nHead 4, dimFF 32, eval mode";

function outputCase(name: string, hint: string, pick: (f: Fixture) => { expected: number[][][]; mask?: { causal?: boolean; keyPaddingMask?: boolean[][] }; input: string }): Case<TransformerBlockClass> {
  return {
    name,
    hint,
    run(Block) {
      const f = fixture();
      const { expected, mask, input } = pick(f);
      withBlock(Block, setup(), (block) => {
        const { out } = forward(block, { x: f.x, mask, input });
        compare(out, flat3(expected), { what: "output should match PyTorch's", input, sd: f.stateDict, x: f.x, nHead: f.config.nHead, mask, ...TOL });
      });
    },
  };
}

export const parityCases: Case<TransformerBlockClass>[] = [
  outputCase("matches PyTorch in eval mode", "compare each stage with the formula: norm1 → attention → residual add → norm2 → FFN → residual add; the note names any known slip.", (f) => ({ expected: f.out, input: INPUT })),
  outputCase("matches PyTorch with a causal mask", "position i may attend to keys j ≤ i only: blocked scores go to −∞ before the softmax.", (f) => ({ expected: f.causal.out, mask: { causal: true }, input: `${INPUT}; mask {causal: true}` })),
  outputCase("matches PyTorch with a key padding mask", "keyPaddingMask[b][j] = true removes key j from every query's softmax in sequence b (PyTorch's convention).", (f) => ({
    expected: f.padding.out,
    mask: { keyPaddingMask: f.keyPaddingMask },
    input: `${INPUT}; keyPaddingMask ${JSON.stringify(f.keyPaddingMask.map((r) => r.map(Number)))}`,
  })),
  {
    name: "attentionWeights match PyTorch's per-head weights",
    hint: "return softmax(q·kᵀ/√(head dim)) per head, shape (batch, nHead, seq, seq), before dropout.",
    run(Block) {
      const f = fixture();
      const { batch: b, nHead: h, seq: s } = f.config;
      withBlock(Block, setup(), (block) => {
        for (const [mask, expected, input] of [[{}, f.attention, INPUT], [{ causal: true }, f.causal.attention, `${INPUT}; mask {causal: true}`]] as const) {
          const x = tf.tensor3d(f.x);
          try {
            const w = expectTensor(call("block.attentionWeights(x, mask)", () => block.attentionWeights(x, mask)), [b, h, s, s], "block.attentionWeights(x, mask)", { input });
            const got = values(w, "attentionWeights");
            w.dispose();
            allClose(got, flat4(expected as number[][][][]), { what: "attention weights should match PyTorch's (average_attn_weights=False)", input, ...TOL });
          } finally {
            x.dispose();
          }
        }
      });
    },
  },
  {
    name: "namedParameters() holds the loaded state dict, in PyTorch's layout",
    hint: "keep one tf.Variable per state-dict key, with PyTorch's shape (Linear weight [out, in]).",
    run(Block) {
      const f = fixture();
      withBlock(Block, setup(), (block) => {
        const params = call("block.namedParameters()", () => block.namedParameters());
        const keys = Object.keys(params ?? {});
        const missing = PARAMETER_NAMES.filter((k) => !keys.includes(k));
        ok(missing.length === 0, { what: "namedParameters() should use PyTorch's key names", expected: PARAMETER_NAMES.join(", "), actual: `missing ${missing.join(", ")} (has ${keys.join(", ") || "nothing"})` });
        for (const k of PARAMETER_NAMES) {
          const p = params[k];
          ok(p instanceof tf.Variable, { what: `namedParameters()["${k}"] should be a tf.Variable (so tf.variableGrads can reach it)`, expected: "tf.Variable", actual: fmt(p) });
          const shape = Array.isArray(f.stateDict[k][0]) ? [f.stateDict[k].length, (f.stateDict[k][0] as number[]).length] : [f.stateDict[k].length];
          expectTensor(p, shape, `namedParameters()["${k}"]`);
          allClose(values(p, k), flatten(f.stateDict[k]), { what: `"${k}" should hold the loaded values`, input: "the fixture's state dict", tol: 0 });
        }
      });
    },
  },
  {
    name: "gradients reach every parameter and match PyTorch's",
    hint: "build forward from tf ops on the variables themselves (no dataSync, no fresh tensors copied from them), so autodiff can see every weight.",
    run(Block) {
      const f = fixture();
      withBlock(Block, setup(), (block) => {
        const params = call("block.namedParameters()", () => block.namedParameters());
        const list = PARAMETER_NAMES.map((k) => params?.[k]).filter((p): p is tf.Variable => p instanceof tf.Variable);
        ok(list.length === PARAMETER_NAMES.length, { what: "every parameter should be a tf.Variable in namedParameters()", expected: `${PARAMETER_NAMES.length} variables`, actual: `${list.length}` });
        const x = tf.tensor3d(f.x);
        const probe = tf.tensor3d(f.probe);
        try {
          const loss = () => tf.sum(tf.mul(block.forward(x, false), probe)) as tf.Scalar;
          const label = "tf.variableGrads(() => sum(block.forward(x) · probe))";
          // tfjs 4.22 cannot take the gradient of a batched matMul that broadcasts a 2-D weight: a common trap.
          const { value, grads } = call(label, () => {
            try {
              return tf.variableGrads(loss, list);
            } catch (e) {
              if (/Cannot find a connection between any variable/.test(String(e))) {
                return fail({ what: "a gradient should reach the parameters namedParameters() returns", input: "loss = sum(forward(x) · probe), eval mode", expected: "gradients for all 12", actual: "no gradient reaches any of them", note: "forward does not use these variables (copies? values read out with dataSync?)" });
              }
              if (!/gradient for op BatchMatMul/.test(String(e))) throw e;
              return fail({ what: `${label} should run`, expected: "gradients", actual: `threw ${fmt(e)}`, note: "tfjs's batched matMul gradient does not broadcast a 2-D weight", hint: "reshape (batch, seq, d) to (batch·seq, d) before multiplying by a weight matrix, then reshape back." });
            }
          });
          const got = Object.fromEntries(PARAMETER_NAMES.map((k) => [k, grads[params[k].name]]));
          value.dispose();
          const cleanup = () => Object.values(grads).forEach((g) => g.dispose());
          try {
            for (const k of PARAMETER_NAMES) {
              const g = got[k] ? values(got[k], k) : [];
              const reached = g.some((v) => v !== 0);
              if (!reached) fail({ what: `a gradient should reach ${k}`, input: "loss = sum(forward(x) · probe), eval mode", expected: "a non-zero gradient", actual: got[k] ? "all zeros" : "no gradient" });
              allClose(g, flatten(f.grads[k]), { what: `∂loss/∂${k} should match PyTorch's`, input: "loss = sum(forward(x) · probe), eval mode", ...GRAD_TOL });
            }
          } finally {
            cleanup();
          }
        } finally {
          x.dispose();
          probe.dispose();
        }
      });
    },
  },
];
