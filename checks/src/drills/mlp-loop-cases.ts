/**
 * Drill 06 cases on the loss and the loops, against PyTorch (checks/fixtures/06-mlp.json, dropout off): the
 * criterion at extreme logits, one SGD step (loss, every gradient, new weights), one epoch of mini-batches (the
 * per-sample average), and evaluate (eval-mode loss and accuracy, weights untouched). trainEpoch and evaluate run
 * on the checks' own in-order loader and criterion, so a fault here is in the loop, not in makeLoader.
 */
import * as tf from "@tensorflow/tfjs";
import { allClose, call, close, ok } from "../assert";
import type { LegacyCase as Case } from "../drill";
import { expectTensor, values } from "../tensors";
import { batches, construct, evaluateWith, fixture, load, session, stateOf, train } from "./mlp-harness";
import { accuracy, bceWithLogits } from "./mlp-oracle";
import { changedKeys, expectStateClose, flat } from "./mlp-state";
import { STATE_KEYS, type Mlp } from "./mlp-types";

const FIXTURE_IN = "PyTorch state_dict (in 5, hidden 7) and x, y (10 rows) from checks/fixtures/06-mlp.json";
/** Losses and weights after ≤ 3 float32 SGD steps on O(1) values: rounding ~1e-7, so 1e-5 is generous. */
const TOL = 1e-5;

function criterionOn(impl: Mlp, labels: number[], logits: number[], input: string): { loss: number; grad: number[] } {
  const y = tf.tensor1d(labels);
  const z = tf.tensor1d(logits);
  const label = "bceWithLogits(labels, logits)";
  const loss = values(expectTensor(call(label, () => impl.bceWithLogits(y, z), { input }), [], label, { input }), label)[0];
  const g = call(`tf.grad of ${label}`, () => tf.grad((t: tf.Tensor) => impl.bceWithLogits(y, t))(z), { input });
  return { loss, grad: values(expectTensor(g, [logits.length], `the gradient of ${label}`, { input }), "gradient") };
}

const criterionCase: Case<Mlp> = {
  name: "bceWithLogits is exact at logits ±1000 (labels first)",
  hint: "never take log(sigmoid(z)) directly; rewrite the loss in terms of the logit (or use tf.losses.sigmoidCrossEntropy).",
  run: (impl) =>
    session(() => {
      const labels = [1, 0, 0, 1];
      const logits = [2, -1, 0.5, -3];
      const mild = `labels = ${JSON.stringify(labels)}, logits = ${JSON.stringify(logits)}`;
      const m = criterionOn(impl, labels, logits, mild);
      close(m.loss, bceWithLogits(labels, logits), { what: "the mean BCE-with-logits", input: mild, tol: TOL, note: Math.abs(m.loss - bceWithLogits(logits, labels)) < 1e-4 ? "the arguments are swapped: labels come first" : undefined });
      const e = fixture().extreme;
      const input = `labels = ${JSON.stringify(e.labels)}, logits = ${JSON.stringify(e.logits)}`;
      const x = criterionOn(impl, e.labels, e.logits, input);
      const note = !Number.isFinite(x.loss) ? "log(σ(z)) overflows: σ(±1000) rounds to exactly 0 or 1 in float32, and log 0 = −∞" : x.loss < e.loss / 2 ? "clipping the probability caps the loss and zeroes its gradient" : undefined;
      close(x.loss, e.loss, { what: "the loss at extreme logits should be PyTorch's BCEWithLogitsLoss", input, rtol: 1e-6, tol: TOL, note });
      allClose(x.grad, e.grad, { what: "the gradient at extreme logits should be (σ(z) − y) / n", input, tol: 1e-6, note: x.grad.some((v) => !Number.isFinite(v)) ? "the gradient is not finite" : "a saturated sigmoid has zero slope" });
    }),
};

const sgdStep: Case<Mlp> = {
  name: "one SGD step matches PyTorch: loss, every gradient, new weights",
  hint: "every parameter must be a tf.Variable the optimizer updates; loadStateDict should assign into them.",
  run: (impl) =>
    session((own) => {
      const f = fixture();
      const { lr, loss, grads, after } = f.step;
      const input = `new MLP(5, 7, 0); ${FIXTURE_IN}; one batch of 10; tf.train.sgd(${lr})`;
      const model = construct(impl, f.inDim, f.hiddenDim, 0);
      load(model, f.stateDict, input);
      const got = train(impl, model, batches(f.x, f.y, f.x.length), own(tf.train.sgd(lr)), input);
      const now = stateOf(model, f.inDim, f.hiddenDim, "model.stateDict() after the step");
      const moved = changedKeys(now, f.stateDict);
      const frozen = STATE_KEYS.filter((k) => !moved.includes(k));
      ok(frozen.length === 0, { what: "the gradient should reach every parameter", input, expected: "all four parameters moved by one SGD step", actual: `${frozen.join(", ")} did not change` });
      close(got, loss, { what: "trainEpoch's loss should equal PyTorch's BCEWithLogitsLoss", input, tol: TOL });
      for (const k of STATE_KEYS) {
        // The step is w − lr·g, so (before − after) / lr recovers the gradient the candidate applied.
        const implied = flat(now[k]).map((v, i) => (flat(f.stateDict[k])[i] - v) / lr);
        allClose(implied, flat(grads[k]), { what: `the gradient of ${k} (read as (before − after) / lr) should equal PyTorch's`, input, tol: 4 * TOL });
      }
      expectStateClose(now, after, { what: "the weights after one step should equal PyTorch's", input, tol: TOL });
    }),
};

const epochCase: Case<Mlp> = {
  name: "one epoch of mini-batches matches PyTorch (loss averaged per sample)",
  hint: "weight each batch's mean loss by its size: the last batch can be shorter than batchSize.",
  run: (impl) =>
    session((own) => {
      const f = fixture();
      const { lr, batchSize, batchLosses, loss, unweightedLoss, after } = f.epoch;
      const input = `new MLP(5, 7, 0); ${FIXTURE_IN}; batches of ${batchSize}, ${batchSize}, ${f.x.length % batchSize} in order; tf.train.sgd(${lr})`;
      const model = construct(impl, f.inDim, f.hiddenDim, 0);
      load(model, f.stateDict, input);
      const got = train(impl, model, batches(f.x, f.y, batchSize), own(tf.train.sgd(lr)), input);
      const near = (v: number) => Math.abs(got - v) < 1e-4;
      const note = near(unweightedLoss) ? "that is the plain mean of the batch losses; the last batch has 2 rows, not 4" : near(batchLosses[batchLosses.length - 1]) ? "that is the last batch's loss" : undefined;
      close(got, loss, { what: "trainEpoch should return the per-sample average loss, as the PyTorch loop does", input, tol: TOL, note });
      expectStateClose(stateOf(model, f.inDim, f.hiddenDim), after, { what: "the weights after the epoch (one step per batch) should equal PyTorch's", input, tol: TOL });
    }),
};

const evaluateCase: Case<Mlp> = {
  name: "evaluate returns the eval-mode loss and accuracy",
  hint: "evaluate runs forward(x, false), weights each batch's loss by its size, and counts logit > 0 as class 1.",
  run: (impl) =>
    session(() => {
      const f = fixture();
      const input = `new MLP(5, 7, 0.5); ${FIXTURE_IN}; batches of 4, 4, 2`;
      const model = construct(impl, f.inDim, f.hiddenDim, 0.5);
      load(model, f.stateDict, input);
      const r1 = evaluateWith(impl, model, batches(f.x, f.y, 4), input);
      const r2 = evaluateWith(impl, model, batches(f.x, f.y, 4), input);
      close(r1.loss, f.eval.loss, { what: "evaluate().loss should equal PyTorch's eval-mode loss", input, tol: TOL, note: r1.loss !== r2.loss ? "two calls disagree: dropout is on during evaluation" : undefined });
      const at05 = accuracy(f.y, f.eval.logits.map((z) => z - 0.5));
      close(r1.accuracy, f.eval.accuracy, { what: "evaluate().accuracy should be the fraction of rows where (logit > 0) equals the label", input, tol: 1e-9, note: Math.abs(r1.accuracy - at05) < 1e-9 ? "that is the accuracy of logit > 0.5; a logit is not a probability" : undefined });
    }),
};

const evaluateFrozen: Case<Mlp> = {
  name: "evaluate leaves the weights unchanged",
  hint: "evaluation only measures: no optimizer, no minimize, no assign.",
  run: (impl) =>
    session(() => {
      const f = fixture();
      const input = `new MLP(5, 7, 0.2); ${FIXTURE_IN}`;
      const model = construct(impl, f.inDim, f.hiddenDim, 0.2);
      load(model, f.stateDict, input);
      evaluateWith(impl, model, batches(f.x, f.y, 4), input);
      const now = stateOf(model, f.inDim, f.hiddenDim, "model.stateDict() after evaluate");
      const moved = changedKeys(now, f.stateDict);
      ok(moved.length === 0, { what: "evaluate() should not change the weights", input, expected: "the state dict unchanged", actual: `${moved.join(", ")} changed` });
    }),
};

export const loopCases: Case<Mlp>[] = [criterionCase, sgdStep, epochCase, evaluateCase, evaluateFrozen];
