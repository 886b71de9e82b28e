/**
 * How drill 06's kernel calls drive the candidate's code: every call goes through `call`, every returned value is
 * read defensively, and each call runs in a session that frees what it made — tensors in a tfjs scope, plus the
 * variables (model weights, optimizer slots) that scopes never free — so a check leaves the notebook's memory as
 * it found it. Kernel side: no oracle, no answer.
 */
import * as tf from "@tensorflow/tfjs-core";
import { call } from "../../assert";
import { fail } from "../../failure";
import { fmt } from "../../format";
import { MLP, criterion } from "./given";
import { STATE_KEYS, type Batch, type Evaluation, type MlpLoops, type StateDict } from "./types";

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

/** The given model with a state dict loaded: the checks' own, so only the loop is the candidate's. */
export function modelFrom(sd: StateDict, pDrop: number): MLP {
  const model = new MLP(sd["net.0.weight"][0].length, sd["net.0.bias"].length, pDrop);
  model.loadStateDict(sd);
  return model;
}

/** The model's weights as float32 values, key by key (row-major). */
export function weightsOf(model: MLP): Record<string, Float32Array> {
  const params = model.parameters();
  return Object.fromEntries(STATE_KEYS.map((k, i) => [k, Float32Array.from(params[i].dataSync())]));
}

/** Rows in order in batches of batchSize (the short last one kept), like a DataLoader without shuffle. */
export function loaderOf(x: number[][], y: number[], batchSize: number): Iterable<Batch> {
  const X = tf.tensor2d(x);
  const Y = tf.tensor1d(y);
  return {
    *[Symbol.iterator]() {
      for (let s = 0; s < x.length; s += batchSize) {
        const size = Math.min(batchSize, x.length - s);
        const batch: Batch = [tf.slice(X, s, size), tf.slice(Y, s, size)];
        try {
          yield batch;
        } finally {
          tf.dispose(batch);
        }
      }
    },
  };
}

function expectNumber(v: unknown, label: string): number {
  if (v instanceof Promise)
    fail({
      what: `${label} should return a number synchronously`,
      expected: "a number",
      actual: "a Promise",
      hint: "trainEpoch and evaluate are synchronous: read each loss with dataSync() inside the loop rather than awaiting data().",
    });
  if (typeof v !== "number")
    fail({
      what: `${label} should return a number`,
      expected: "a number",
      actual: `${fmt(v)} (${typeof v})`,
      hint:
        v instanceof tf.Tensor
          ? "read the value out (cost.dataSync()[0]) and dispose the tensor; return a plain number."
          : undefined,
    });
  return v;
}

export function train(impl: MlpLoops, model: MLP, loader: Iterable<Batch>, optimizer: tf.Optimizer): number {
  const label = "trainEpoch(model, loader, optimizer, criterion)";
  return expectNumber(
    call(label, () => impl.trainEpoch(model, loader, optimizer, criterion)),
    label,
  );
}

export function evaluateWith(impl: MlpLoops, model: MLP, loader: Iterable<Batch>): Evaluation {
  const label = "evaluate(model, loader, criterion)";
  const r = call(label, () => impl.evaluate(model, loader, criterion)) as unknown;
  if (r instanceof Promise)
    fail({
      what: `${label} should return {loss, accuracy} synchronously`,
      expected: "{ loss: number; accuracy: number }",
      actual: "a Promise",
    });
  if (typeof r !== "object" || r === null)
    fail({
      what: `${label} should return {loss, accuracy}`,
      expected: "{ loss: number; accuracy: number }",
      actual: fmt(r),
    });
  const { loss, accuracy } = r as Record<string, unknown>;
  return { loss: expectNumber(loss, `${label}.loss`), accuracy: expectNumber(accuracy, `${label}.accuracy`) };
}
