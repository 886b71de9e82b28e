/**
 * Drill 07's kernel half: each call builds the candidate's block from a state dict sent as plain data, runs it on
 * inputs built outside the kernel, and returns what came out (float32 values and shapes, what it threw, tensors it
 * left behind). No oracle, fixture or model answer here: the judges in checks.ts compare outside the kernel.
 */
import * as tf from "@tensorflow/tfjs-core";
import { isNotImplemented } from "@drills/lib";
import { call, ok } from "../../assert";
import { fmt } from "../../format";
import { countLeaks, expectTensor } from "../../tensors";
import { thrown, type Calls } from "../../outcome";
import { PARAMETER_NAMES, unpackDict, type AttentionMask, type Packed, type PackedDict } from "./state";
import type { CompareNormPlacement, TransformerBlockClass, TransformerBlockLike } from "./types";

export interface Setup {
  dModel: number;
  nHead: number;
  dimFF: number;
  pDrop?: number;
}

/** A block to build: its constructor arguments and the PyTorch state dict to load. */
export interface Job {
  setup: Setup;
  sd: PackedDict;
}

export interface Run {
  x: Packed;
  /** Omitted for eval mode: the call then passes x alone, so `training` must default to false. */
  training?: boolean;
  mask?: AttentionMask;
}

export interface RunOut {
  values: Float32Array;
  shape: number[];
  /** Tensors the call left allocated (measured inside the kernel). */
  leaked: number;
  xDisposed: boolean;
}

export const describeSetup = (s: Setup) =>
  `new TransformerBlock(${s.dModel}, ${s.nHead}, ${s.dimFF}${s.pDrop === undefined ? "" : `, ${s.pDrop}`})`;

function build(Block: TransformerBlockClass, job: Job): TransformerBlockLike {
  const label = describeSetup(job.setup);
  ok(typeof Block === "function", {
    what: "the check expects your block's class",
    expected: "a class",
    actual: fmt(Block),
  });
  const block = call(label, () => new Block(job.setup.dModel, job.setup.nHead, job.setup.dimFF, job.setup.pDrop));
  ok(typeof block?.forward === "function", {
    what: `${label} should have a forward method`,
    expected: "forward(x, training, mask)",
    actual: fmt(block?.forward),
  });
  call("block.loadStateDict(sd)", () => block.loadStateDict(unpackDict(job.sd)), {
    input: "a PyTorch state_dict (nested arrays)",
  });
  return block;
}

/** Frees the block's variables: its own dispose() if it has one, else whatever namedParameters() exposes. */
function release(block: TransformerBlockLike | undefined): void {
  try {
    if (typeof block?.dispose === "function") block.dispose();
    else
      for (const p of Object.values(block?.namedParameters?.() ?? {}))
        if (p instanceof tf.Tensor && !p.isDisposed) p.dispose();
  } catch {
    // a broken dispose only matters if it leaks, which the hygiene case reports
  }
}

function withBlock<T>(Block: TransformerBlockClass, job: Job, fn: (b: TransformerBlockLike) => T): T {
  let block: TransformerBlockLike | undefined;
  try {
    block = build(Block, job);
    return fn(block);
  } finally {
    release(block);
  }
}

const tensor = (p: Packed) => tf.tensor(p.values, p.shape, "float32");
const maskArg = (m?: AttentionMask) => (m ? `, ${JSON.stringify(m)}` : "");
export const describeRun = (r: Run) =>
  `block.forward(x${r.training === undefined && !r.mask ? "" : `, ${r.training ?? false}`}${maskArg(r.mask)})`;

function runForward(block: TransformerBlockLike, r: Run): RunOut {
  const x = tensor(r.x) as tf.Tensor3D;
  const label = describeRun(r);
  try {
    const run = () =>
      r.mask
        ? block.forward(x, r.training ?? false, r.mask)
        : r.training === undefined
          ? block.forward(x)
          : block.forward(x, r.training);
    const { result, leaked } = countLeaks(label, run);
    const y = expectTensor(result, x.shape, label);
    const out = { values: Float32Array.from(y.dataSync()), shape: y.shape, leaked, xDisposed: x.isDisposed };
    if (y !== x) y.dispose();
    return out;
  } finally {
    x.dispose();
  }
}

/** The weights a call returned, as plain data. */
function weightsOf(block: TransformerBlockLike, r: Run, nHead: number): Packed {
  ok(typeof block.attentionWeights === "function", {
    what: "the block should have an attentionWeights method",
    expected: "attentionWeights(x, mask)",
    actual: fmt(block.attentionWeights),
  });
  const x = tensor(r.x) as tf.Tensor3D;
  const [b, s] = r.x.shape;
  const label = `block.attentionWeights(x${maskArg(r.mask)})`;
  try {
    const w = expectTensor(
      call(label, () => block.attentionWeights!(x, r.mask ?? {})),
      [b, nHead, s, s],
      label,
    );
    const out = { values: Float32Array.from(w.dataSync()), shape: w.shape };
    w.dispose();
    return out;
  } finally {
    x.dispose();
  }
}

export const calls: Calls = {
  /** Several blocks, each run on its inputs: outputs per block, per run. */
  forward: (Block: TransformerBlockClass, { jobs }: { jobs: (Job & { runs: Run[] })[] }) => ({
    outs: jobs.map((job) => withBlock(Block, job, (block) => job.runs.map((r) => runForward(block, r)))),
  }),
  /** What forward threw on a malformed x (null when it returned). */
  rejects: (Block: TransformerBlockClass, { job, x }: { job: Job; x: Packed }) =>
    withBlock(Block, job, (block) => {
      const t = tensor(x) as tf.Tensor3D;
      try {
        return {
          threw: thrown(() => {
            const y = block.forward(t);
            if (y instanceof tf.Tensor && y !== t) y.dispose();
          }),
        };
      } finally {
        t.dispose();
      }
    }),
  /**
   * Gradients of sum(forward(x) · probe) for every parameter namedParameters() lists, and the eval output itself,
   * twice, so the judge can tell a wrong (or random) forward from a gradient that never reaches the weights.
   */
  grads: (Block: TransformerBlockClass, { job, x, probe }: { job: Job; x: Packed; probe: Packed }) =>
    withBlock(Block, job, (block) => {
      const out = runForward(block, { x }).values;
      const again = runForward(block, { x }).values;
      const params = call("block.namedParameters()", () => block.namedParameters()) ?? {};
      const names = PARAMETER_NAMES.filter((k) => params[k] instanceof tf.Variable);
      const grads: Record<string, Float32Array> = {};
      let threw: { name: string; message: string } | null = null;
      if (names.length) {
        const xt = tensor(x) as tf.Tensor3D;
        const pt = tensor(probe);
        try {
          const { value, grads: g } = tf.variableGrads(
            () => tf.sum(tf.mul(block.forward(xt, false), pt)) as tf.Scalar,
            names.map((k) => params[k]),
          );
          // tfjs keys the gradients by variable name, which the candidate chose: map them back to PyTorch's keys.
          for (const k of names) if (g[params[k].name]) grads[k] = Float32Array.from(g[params[k].name].dataSync());
          tf.dispose([value, ...Object.values(g)]);
        } catch (e) {
          if (isNotImplemented(e)) throw e;
          threw = e instanceof Error ? { name: e.name, message: e.message } : { name: typeof e, message: String(e) };
        } finally {
          tf.dispose([xt, pt]);
        }
      }
      return { out, again, keys: Object.keys(params), variables: names, grads, threw };
    }),
  attentionWeights: (Block: TransformerBlockClass, { jobs }: { jobs: (Job & { runs: Run[] })[] }) => ({
    outs: jobs.map((job) =>
      withBlock(Block, job, (block) => job.runs.map((r) => weightsOf(block, r, job.setup.nHead))),
    ),
  }),
  /** The stretch experiment's rows, as plain numbers. */
  normPlacement: (fn: CompareNormPlacement, { depth, gain }: { depth: number; gain: number }) => {
    ok(typeof fn === "function", {
      what: "the check expects your compareNormPlacement function",
      expected: "a function",
      actual: fmt(fn),
    });
    const rows = call(`compareNormPlacement(${depth}, ${gain})`, () => fn(depth, gain));
    ok(Array.isArray(rows), {
      what: `compareNormPlacement(${depth}, ${gain}) should return an array of rows`,
      expected: "[{ layer, placement, streamStd, gradNorm }, …]",
      actual: fmt(rows),
    });
    return {
      rows: rows.map((r) => ({
        layer: Number(r?.layer),
        placement: String(r?.placement),
        streamStd: Number(r?.streamStd),
        gradNorm: Number(r?.gradNorm),
      })),
    };
  },
};
