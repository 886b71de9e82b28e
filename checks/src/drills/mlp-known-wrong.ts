/**
 * Drill 06's catalogue of known-wrong answers: each entry is a realistic mistake, the case that must reject it, and
 * the message that case must give. mlp.spec.ts asserts every entry; keep it in step with the cases' wording.
 */
import * as tf from "@tensorflow/tfjs";
import * as ref from "./mlp-reference";
import type { Mlp } from "./mlp-types";
import {
  averageOfBatches, ConstantBias, evaluateWhere, head, hidden, keras, leakyTrain, loaderFrom, mathRandomShuffle, minimizeAll,
  orderedSeeded, sigmoidBce, TensorState, trainingEvaluate, UncheckedLoad, UnseededInit, UntransposedState, variant, withForward, ZeroInit,
} from "./mlp-wrong";

const dropoutCase = "dropout only in training mode, with a new mask each call";
const scaleCase = "dropout drops a fraction p of hidden units and rescales survivors by 1/(1 − p)";
const parityCase = "eval-mode logits match PyTorch";

export const knownWrong: Record<string, [Mlp, string, RegExp]> = {
  "dropout active in eval": [variant({ MLP: withForward((m, x) => head(m, tf.dropout(hidden(m, x), m.pDrop, undefined, ref.nextSeed()))) }), dropoutCase, /forward\(x, false\) should not apply dropout/],
  "a fixed dropout seed (the same mask every call)": [variant({ MLP: withForward((m, x, t) => head(m, t ? tf.dropout(hidden(m, x), m.pDrop, undefined, 42) : hidden(m, x))) }), dropoutCase, /new dropout mask[\s\S]*the same mask twice/],
  "dropout without the 1/(1 − p) rescaling": [
    variant({ MLP: withForward((m, x, t) => head(m, t ? tf.mul(hidden(m, x), tf.cast(tf.greaterEqual(tf.randomUniform([x.shape[0], m.hiddenDim], 0, 1, "float32", ref.nextSeed()), m.pDrop), "float32")) : hidden(m, x))) }),
    scaleCase,
    /pass through unscaled/,
  ],
  "p used as the keep probability": [variant({ MLP: withForward((m, x, t) => head(m, t ? tf.dropout(hidden(m, x), 1 - m.pDrop, undefined, ref.nextSeed()) : hidden(m, x))) }), scaleCase, /keep probability/],
  "ReLU missing": [variant({ MLP: withForward((m, x) => { const [w1, b1] = m.parameters(); return head(m, tf.add(tf.matMul(x, w1, false, true), b1)); }) }), parityCase, /without the ReLU/],
  "weights reshaped to [in, out] instead of transposed": [variant({ MLP: keras(true) }), parityCase, /reshaped to \[in, out\] instead of transposed/],
  "stateDict returns [in, out] kernels": [variant({ MLP: UntransposedState }), "loadStateDict then stateDict round-trips PyTorch's layout", /net\.0\.weight has shape \[5, 7\][\s\S]*that is \[in, out\]/],
  "logits of shape [n, 1]": [variant({ MLP: withForward((m, x) => head(m, hidden(m, x)).reshape([-1, 1]) as unknown as tf.Tensor1D) }), "forward returns one logit per row; stateDict has PyTorch's keys and shapes", /should return shape \[3\][\s\S]*Actual: +\[3, 1\]/],
  "zero initialisation": [variant({ MLP: ZeroInit }), "initial weights are seeded by setSeed and break symmetry", /1 distinct row/],
  "unseeded initialisers": [variant({ MLP: UnseededInit }), "initial weights are seeded by setSeed and break symmetry", /the same setSeed should give the same initial weights/],
  "loadStateDict without shape validation": [variant({ MLP: UncheckedLoad }), "invalid input throws ValueError naming the argument", /transposed weight should be rejected[\s\S]*it threw Error/],
  "sigmoid + BCE (log of a saturated sigmoid)": [variant({ bceWithLogits: sigmoidBce(0) }), "bceWithLogits is exact at logits ±1000 (labels first)", /Actual: +NaN[\s\S]*overflows/],
  "sigmoid + BCE with clipped probabilities": [variant({ bceWithLogits: sigmoidBce(1e-7) }), "bceWithLogits is exact at logits ±1000 (labels first)", /clipping the probability/],
  "criterion arguments swapped": [variant({ bceWithLogits: (labels, logits) => tf.losses.sigmoidCrossEntropy(logits, labels) as tf.Scalar }), "bceWithLogits is exact at logits ±1000 (labels first)", /arguments are swapped/],
  "loadStateDict leaves a plain tensor the optimizer cannot see": [variant({ MLP: ConstantBias, trainEpoch: minimizeAll }), "one SGD step matches PyTorch: loss, every gradient, new weights", /net\.0\.bias did not change/],
  "average loss not weighted by batch size": [variant({ trainEpoch: averageOfBatches }), "one epoch of mini-batches matches PyTorch (loss averaged per sample)", /plain mean of the batch losses/],
  "no optimizer step": [variant({ trainEpoch: (model, loader, _o, criterion) => ref.evaluate(model, loader, criterion).loss }), "training lowers the loss", /lower the eval loss/],
  "leaks the cost tensor every batch": [variant({ trainEpoch: leakyTrain }), "no tensor leaks: tf.memory().numTensors is the same after every epoch", /\+6 per epoch/],
  "evaluate() steps an optimizer": [variant({ evaluate: trainingEvaluate }), "evaluate leaves the weights unchanged", /should not change the weights[\s\S]*net\.0\.weight, net\.0\.bias, net\.3\.weight, net\.3\.bias changed/],
  "evaluate() with dropout on": [variant({ evaluate: evaluateWhere(true, 0) }), "evaluate returns the eval-mode loss and accuracy", /dropout is on during evaluation/],
  "accuracy thresholds logits at 0.5": [variant({ evaluate: evaluateWhere(false, 0.5) }), "evaluate returns the eval-mode loss and accuracy", /logit > 0\.5/],
  "unseeded shuffling": [variant({ makeLoader: loaderFrom((n) => mathRandomShuffle(n)) }), "makeLoader: the same seed gives the same order; each epoch reshuffles", /two loaders with seed 5/],
  "unseeded shuffling (seen in the loss sequence)": [variant({ makeLoader: loaderFrom((n) => mathRandomShuffle(n)) }), "training: the same seed gives the same loss sequence", /initial weights agree, so the shuffle or the dropout masks/],
  "the same shuffle every epoch": [variant({ makeLoader: loaderFrom((n, _e, seed) => orderedSeeded(n, 0, seed)) }), "makeLoader: the same seed gives the same order; each epoch reshuffles", /new shuffle/],
  "drops the short last batch": [variant({ makeLoader: loaderFrom(orderedSeeded, true) }), "makeLoader: every row once per epoch, in order without shuffle, batches freed", /should come as 4, 4, 2/],
  "never frees its batches": [variant({ makeLoader: loaderFrom((n, e, s) => orderedSeeded(n, e, s), false, true) }), "makeLoader: every row once per epoch, in order without shuffle, batches freed", /6 tensor\(s\) left after one epoch/],
  // Hostile return values: each must be reported as a failure of the case that reads it, never crash a check.
  "trainEpoch returns the loss tensor": [variant({ trainEpoch: () => tf.scalar(0.5) as unknown as number }), "one SGD step matches PyTorch: loss, every gradient, new weights", /should return a finite number[\s\S]*Tensor float32/],
  "async trainEpoch": [variant({ trainEpoch: (async (...a: Parameters<Mlp["trainEpoch"]>) => ref.trainEpoch(...a)) as unknown as Mlp["trainEpoch"] }), "one epoch of mini-batches matches PyTorch (loss averaged per sample)", /should return a number synchronously/],
  "evaluate returns a bare number": [variant({ evaluate: (...a: Parameters<Mlp["evaluate"]>) => ref.evaluate(...a).loss as never }), "evaluate returns the eval-mode loss and accuracy", /should return \{loss, accuracy\}/],
  "stateDict returns tensors": [variant({ MLP: TensorState }), "loadStateDict then stateDict round-trips PyTorch's layout", /state_dict layout[\s\S]*nested number array/],
  "makeLoader returns a plain object": [variant({ makeLoader: (X, y) => ({ X, y }) as never }), "makeLoader: every row once per epoch, in order without shuffle, batches freed", /should return an iterable/],
  "forward returns NaN": [variant({ MLP: withForward((m, x) => tf.fill([x.shape[0]], NaN) as tf.Tensor1D) }), parityCase, /Actual: +\[0\] = NaN/],
};

