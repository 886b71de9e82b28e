/**
 * How drill 06's cases drive the candidate's code: every call goes through `call`, every returned value is read
 * defensively, and each case runs in a session that frees what it made — tensors in a tfjs scope, plus the
 * variables (model weights, optimizer slots) that scopes never free — so a check leaves the notebook's memory as
 * it found it.
 */
import * as tf from "@tensorflow/tfjs";
import { call } from "../assert";
import { fail } from "../failure";
import { fmt } from "../format";
import { loadFixture } from "../fixtures";
import { expectTensor, values } from "../tensors";
import { readStateDict } from "./mlp-state";
import type { Batch, Criterion, Evaluation, Mlp, MlpModel, StateDict } from "./mlp-types";

export interface MlpFixture {
  inDim: number;
  hiddenDim: number;
  stateDict: StateDict;
  x: number[][];
  y: number[];
  eval: { logits: number[]; loss: number; accuracy: number };
  step: { lr: number; loss: number; grads: StateDict; after: StateDict };
  epoch: { lr: number; batchSize: number; batchLosses: number[]; loss: number; unweightedLoss: number; after: StateDict };
  extreme: { labels: number[]; logits: number[]; loss: number; grad: number[]; sigmoidBceLoss: number };
}

let cached: MlpFixture | undefined;
export const fixture = (): MlpFixture => (cached ??= loadFixture<MlpFixture>("06-mlp"));

/** The criterion the checks hand to trainEpoch/evaluate, so those cases do not depend on the candidate's. */
export const criterion: Criterion = (labels, logits) => tf.losses.sigmoidCrossEntropy(labels, logits) as tf.Scalar;

type Own = <O extends { dispose(): void }>(o: O) => O;

/**
 * Runs fn in a tfjs scope, then disposes every variable created meanwhile that is still registered, and whatever
 * fn handed to `own` (optimizers: SGD keeps its learning-rate scalar out of every scope).
 */
export function session<T>(fn: (own: Own) => T): T {
  const before = new Set(Object.keys(tf.engine().registeredVariables));
  const owned: { dispose(): void }[] = [];
  tf.engine().startScope();
  try {
    return fn((o) => (owned.push(o), o));
  } finally {
    tf.engine().endScope();
    for (const o of owned) o.dispose();
    for (const [name, v] of Object.entries(tf.engine().registeredVariables)) if (!before.has(name)) v.dispose();
  }
}

export function construct(impl: Mlp, inDim: number, hidden?: number, pDrop?: number): MlpModel {
  const args = [inDim, hidden, pDrop].filter((a) => a !== undefined).join(", ");
  const model = call(`new MLP(${args})`, () => new impl.MLP(inDim, hidden, pDrop));
  for (const m of ["forward", "loadStateDict", "stateDict"] as const) {
    if (typeof (model as unknown as Record<string, unknown>)?.[m] !== "function") {
      fail({ what: `new MLP(${args}) should have a ${m}() method`, expected: "forward, loadStateDict and stateDict methods", actual: fmt(model) });
    }
  }
  return model;
}

export function load(model: MlpModel, sd: StateDict, input?: string): void {
  call("model.loadStateDict(sd)", () => model.loadStateDict(sd), { input });
}

export function stateOf(model: MlpModel, inDim: number, hidden: number, label = "model.stateDict()", input?: string): StateDict {
  return readStateDict(call(label, () => model.stateDict(), { input }), inDim, hidden, label, input);
}

/** Logits of forward(x, training) as numbers; the input and output tensors are freed by the session. */
export function logitsOf(model: MlpModel, x: number[][], training: boolean, input?: string): number[] {
  const label = `model.forward(x, ${training})`;
  const xt = tf.tensor2d(x);
  const out = expectTensor(call(label, () => model.forward(xt, training), { input }), [x.length], label, { input });
  return values(out, label);
}

/** The checks' own loader: rows in order, batches freed when the loop moves on (the contract's ownership rule). */
export function batches(x: number[][], y: number[], batchSize: number): Iterable<Batch> {
  const X = tf.tensor2d(x);
  const Y = tf.tensor1d(y);
  return {
    *[Symbol.iterator]() {
      for (let s = 0; s < x.length; s += batchSize) {
        const batch: Batch = [X.slice(s, Math.min(batchSize, x.length - s)), Y.slice(s, Math.min(batchSize, x.length - s))];
        try {
          yield batch;
        } finally {
          tf.dispose(batch);
        }
      }
    },
  };
}

function expectNumber(v: unknown, label: string, input?: string): number {
  if (v instanceof Promise) fail({ what: `${label} should return a number synchronously`, input, expected: "a number", actual: "a Promise", hint: "read the loss with dataSync() inside the loop rather than awaiting data()." });
  if (typeof v !== "number" || !Number.isFinite(v)) fail({ what: `${label} should return a finite number`, input, expected: "a finite number", actual: `${fmt(v)} (${typeof v})` });
  return v;
}

export function train(impl: Mlp, model: MlpModel, loader: Iterable<Batch>, optimizer: tf.Optimizer, input?: string): number {
  const label = "trainEpoch(model, loader, optimizer, criterion)";
  return expectNumber(call(label, () => impl.trainEpoch(model, loader, optimizer, criterion), { input }), label, input);
}

export function evaluateWith(impl: Mlp, model: MlpModel, loader: Iterable<Batch>, input?: string): Evaluation {
  const label = "evaluate(model, loader, criterion)";
  const r = call(label, () => impl.evaluate(model, loader, criterion), { input }) as unknown;
  if (typeof r !== "object" || r === null) fail({ what: `${label} should return {loss, accuracy}`, input, expected: "{ loss: number; accuracy: number }", actual: fmt(r) });
  const { loss, accuracy } = r as Record<string, unknown>;
  return { loss: expectNumber(loss, `${label}.loss`, input), accuracy: expectNumber(accuracy, `${label}.accuracy`, input) };
}
