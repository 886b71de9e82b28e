/**
 * Running a candidate's TransformerBlock safely: construction, loading and forward passes go through `call`, every
 * tensor the check makes is disposed, and anything odd the candidate returns is reported, never thrown raw.
 */
import * as tf from "@tensorflow/tfjs";
import { allClose, call, ok, type Tolerance } from "../../assert";
import { countLeaks, expectTensor, values } from "../../tensors";
import { MISTAKES, oracleForward } from "./oracle";
import { cloneStateDict, type AttentionMask, type StateDict } from "./state";
import type { TransformerBlockClass, TransformerBlockLike } from "./checks";

export interface Setup {
  dModel: number;
  nHead: number;
  dimFF: number;
  pDrop?: number;
  sd?: StateDict;
}

export const describeSetup = (s: Setup) => `new TransformerBlock(${s.dModel}, ${s.nHead}, ${s.dimFF}${s.pDrop === undefined ? "" : `, ${s.pDrop}`})`;

export function build(Block: TransformerBlockClass, s: Setup): TransformerBlockLike {
  const label = describeSetup(s);
  const block = call(label, () => new Block(s.dModel, s.nHead, s.dimFF, s.pDrop));
  ok(typeof block?.forward === "function", { what: `${label} should have a forward method`, expected: "forward(x, training, mask)", actual: String(block?.forward) });
  if (s.sd) {
    const sd = s.sd;
    call("block.loadStateDict(sd)", () => block.loadStateDict(cloneStateDict(sd)), { input: "a PyTorch state_dict (nested arrays)" });
  }
  return block;
}

/** Frees the block's variables: its own dispose() if it has one, else whatever namedParameters() exposes. */
export function release(block: TransformerBlockLike | undefined): void {
  try {
    if (typeof block?.dispose === "function") block.dispose();
    else for (const p of Object.values(block?.namedParameters?.() ?? {})) if (p instanceof tf.Tensor && !p.isDisposed) p.dispose();
  } catch {
    // a broken dispose is the candidate's problem only if it leaks, which the leak case reports
  }
}

export function withBlock<T>(Block: TransformerBlockClass, s: Setup, fn: (b: TransformerBlockLike) => T): T {
  let block: TransformerBlockLike | undefined;
  try {
    block = build(Block, s);
    return fn(block);
  } finally {
    release(block);
  }
}

export interface Forward {
  x: number[][][];
  training?: boolean;
  mask?: AttentionMask;
  input: string;
}

const maskArg = (m?: AttentionMask) => (m ? `, ${JSON.stringify(m)}` : "");
export const describeCall = (f: Forward) => `block.forward(x${f.training === undefined && !f.mask ? "" : `, ${f.training ?? false}`}${maskArg(f.mask)})`;

/** One forward pass; returns the output values (flat) and how many tensors it left behind. */
export function forward(block: TransformerBlockLike, f: Forward): { out: number[]; leaked: number } {
  const x = tf.tensor3d(f.x);
  const label = describeCall(f);
  try {
    // No second argument when the case means eval mode: `training` must default to false.
    const run = () => (f.mask ? block.forward(x, f.training ?? false, f.mask) : f.training === undefined ? block.forward(x) : block.forward(x, f.training));
    const { result, leaked } = countLeaks(label, run);
    const y = expectTensor(result, x.shape, label, { input: f.input });
    const out = values(y, label);
    if (y !== x) y.dispose();
    ok(!x.isDisposed, { what: `${label} should leave x usable`, input: f.input, expected: "x not disposed", actual: "x was disposed", hint: "never dispose the caller's input; tf.tidy only disposes intermediates" });
    return { out, leaked };
  } finally {
    x.dispose();
  }
}

export const flat3 = (t: number[][][]) => t.flat(2);
export const flat4 = (t: number[][][][]) => t.flat(3);

/**
 * Compares with the expected values; when they differ, names the known mistake (if any) that the candidate's output
 * matches, found by running the oracle with that one mistake.
 */
export function compare(actual: number[], expected: number[], ctx: { what: string; input: string; sd: StateDict; x: number[][][]; nHead: number; mask?: AttentionMask } & Tolerance): void {
  const { sd, x, nHead, mask, ...rest } = ctx;
  const tol = ctx.tol ?? 1e-6;
  const rtol = ctx.rtol ?? 0;
  const near = (e: number[]) => e.every((v, i) => Math.abs(actual[i] - v) <= 2 * (tol + rtol * Math.abs(v)));
  let note: string | undefined;
  let hint: string | undefined;
  if (actual.length === expected.length && !near(expected)) {
    [note, , hint] = MISTAKES.find(([, variant]) => near(flat3(oracleForward(sd, x, nHead, mask ?? {}, variant).out))) ?? [];
    if (!note && mask && near(flat3(oracleForward(sd, x, nHead).out))) note = "matches the unmasked output: the mask was ignored";
    if (!note && actual.some(Number.isNaN)) note = "NaN appears: a softmax row with every key masked (true means masked, as in PyTorch), or 0·∞";
  }
  allClose(actual, expected, { ...rest, note, ...(hint ? { hint } : {}) });
}
