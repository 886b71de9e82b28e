/**
 * Drill 06's core cases: the candidate's trainEpoch and evaluate, run in the kernel on the given model, an in-order
 * loader and BCE-with-logits (so a fault is in the loop), judged here against PyTorch (checks/fixtures/06-mlp.json,
 * dropout off) and the float64 oracle. Only the tensor count is measured inside the kernel (1 of 7 points).
 */
import { close, ok } from "../../assert";
import type { Case } from "../../drill";
import { fmt, fmtNumber } from "../../format";
import type { EvaluateInput, TrainInput } from "./calls";
import { FIXTURE_IN, fixture } from "./fixture";
import { evaluateState, trainSgd } from "./oracle-train";
import { changedKeys, expectWeightsClose, flat, seededData, seededState, type Flat } from "./state";
import { STATE_KEYS, type Evaluation, type MlpLoops, type StateDict } from "./types";

/** Losses and weights after ≤ 6 float32 SGD steps on O(1) values: rounding ~1e-7, so 1e-5 is generous. */
const TOL = 1e-5;

interface Trained {
  losses: number[];
  after: Flat;
}

const MINIMIZE =
  "one step per batch: optimizer.minimize(() => criterion(yb, model.forward(xb, true)), true, model.parameters()), then read and dispose the returned cost.";

/** The weights a call returned, as a state dict of the given sizes (for the oracle). */
function stateOf(after: Flat, like: StateDict): StateDict {
  const inDim = like["net.0.weight"][0].length;
  const w0 = Array.from(after["net.0.weight"] ?? []);
  return {
    "net.0.weight": like["net.0.weight"].map((_, o) => w0.slice(o * inDim, (o + 1) * inDim)),
    "net.0.bias": Array.from(after["net.0.bias"] ?? []),
    "net.3.weight": [Array.from(after["net.3.weight"] ?? [])],
    "net.3.bias": Array.from(after["net.3.bias"] ?? []),
  };
}

/** The weights must have moved at all: a loop without a step fails here with that cause, not with a loss mismatch. */
function expectMoved(after: Flat, before: StateDict, input: string): void {
  const frozen = STATE_KEYS.filter((k) => !changedKeys(after, before).includes(k));
  const none = frozen.length === STATE_KEYS.length;
  ok(frozen.length === 0, {
    what: "trainEpoch should update every parameter",
    input,
    expected: "all four parameters moved by the optimizer",
    actual: `${frozen.join(", ")} did not change`,
    note: none ? "no optimizer step was taken" : "the gradient does not reach every parameter",
    hint: none
      ? MINIMIZE
      : "pass model.parameters() as minimize's varList, and compute the loss from model.forward inside the minimized function.",
  });
}

const BOOKKEEPING =
  "keep the running total and row count inside trainEpoch (they restart at 0 on every call), add loss_b · n_b per batch, and return total / count.";

const fixtureTrain = (batchSize: number, lr: number): TrainInput => {
  const f = fixture();
  return { sd: f.stateDict, x: f.x, y: f.y, batchSize, lr, epochs: 1, optimizer: "sgd", pDrop: 0, seed: 1 };
};

const sgdStep: Case<MlpLoops> = {
  id: "sgd-step",
  name: "one SGD step matches PyTorch: loss and new weights",
  was: ["one SGD step matches PyTorch: loss, every gradient, new weights"],
  hint: "trainEpoch returns the batch's BCE loss; the step itself is optimizer.minimize on model.parameters().",
  call: "train",
  input: () => fixtureTrain(fixture().x.length, fixture().step.lr),
  judge({ losses, after }: Trained) {
    const f = fixture();
    const input = `${FIXTURE_IN}; dropout off; one batch of 10; tf.train.sgd(${f.step.lr})`;
    expectMoved(after, f.stateDict, input);
    expectWeightsClose(after, f.step.after, {
      what: "the weights after one step should equal PyTorch's",
      input,
      tol: TOL,
    });
    close(losses[0], f.step.loss, {
      what: "trainEpoch's loss should equal PyTorch's BCEWithLogitsLoss before the step",
      input,
      tol: TOL,
      note: "the weights match PyTorch's, so the step is right: the returned loss is off",
      hint: BOOKKEEPING,
    });
  },
};

const epoch: Case<MlpLoops> = {
  id: "epoch",
  name: "one epoch of mini-batches matches PyTorch (loss averaged per sample)",
  hint: "weight each batch's mean loss by its size: Σ loss_b · n_b / N (the last batch can be shorter than batchSize).",
  call: "train",
  input: () => fixtureTrain(fixture().epoch.batchSize, fixture().epoch.lr),
  judge({ losses, after }: Trained) {
    const f = fixture();
    const { batchSize, batchLosses, loss, unweightedLoss, lr } = f.epoch;
    const input = `${FIXTURE_IN}; dropout off; batches of ${batchSize}, ${batchSize}, ${f.x.length % batchSize} in order; tf.train.sgd(${lr})`;
    expectMoved(after, f.stateDict, input);
    // Steps first: when the weights match PyTorch's, any loss mismatch is in the bookkeeping, and the note says so.
    expectWeightsClose(after, f.epoch.after, {
      what: "the weights after the epoch (one step per batch) should equal PyTorch's",
      input,
      tol: TOL,
    });
    const got = losses[0];
    const near = (v: number) => Math.abs(got - v) < 1e-4;
    const [note, hint] = near(unweightedLoss)
      ? ["that is the plain mean of the batch losses; the last batch has 2 rows, not 4", undefined]
      : near(batchLosses[batchLosses.length - 1])
        ? ["that is the last batch's loss alone", BOOKKEEPING]
        : near(loss * f.x.length)
          ? ["that is the sum over rows: divide by the number of rows", BOOKKEEPING]
          : near(batchLosses.reduce((a, b) => a + b, 0))
            ? ["that is the sum of the batch losses", undefined]
            : ["the weights match PyTorch's, so the steps are right: the returned loss is off", BOOKKEEPING];
    close(got, loss, {
      what: "trainEpoch should return the per-sample average loss, as the PyTorch loop does",
      input,
      tol: TOL,
      note,
      hint,
    });
  },
};

const ORACLE_IN =
  "the given MLP(3, 6), dropout off, weights ≈ N(0, 1/fan_in) (seed 61); 13 rows (seed 62); batches of 5, 5, 3 in order; tf.train.sgd(0.5); 3 epochs";

const oracleSgd: Case<MlpLoops> = {
  id: "sgd-oracle",
  name: "three epochs match float64 SGD on seeded data (a short last batch)",
  hint: "each epoch: for every batch one minimize step, adding loss_b · n_b; return the total over N.",
  call: "train",
  input: (): TrainInput => ({
    sd: seededState(3, 6, 61),
    ...seededData(13, 3, 62),
    batchSize: 5,
    lr: 0.5,
    epochs: 3,
    optimizer: "sgd",
    pDrop: 0,
    seed: 1,
  }),
  judge({ losses, after }: Trained, input: TrainInput) {
    const want = trainSgd(input.sd, input.x, input.y, input);
    expectMoved(after, input.sd, ORACLE_IN);
    const cumulative =
      losses.length === 3 && losses.every((l, i) => i === 0 || Math.abs(l - (want.losses[i] + losses[i - 1])) < 1e-3);
    ok(losses.length === 3, {
      what: "three calls of trainEpoch should give three losses",
      input: ORACLE_IN,
      expected: "3 numbers",
      actual: fmt(losses),
    });
    losses.forEach((l, i) =>
      close(l, want.losses[i], {
        what: `epoch ${i + 1}'s loss should equal the float64 per-sample average`,
        input: ORACLE_IN,
        tol: 1e-4,
        note: cumulative ? "the losses accumulate across epochs: start each epoch's total at 0" : undefined,
      }),
    );
    expectWeightsClose(after, want.after, {
      what: "the weights after 3 epochs should equal float64 SGD's",
      input: ORACLE_IN,
      tol: 1e-4,
      rtol: 1e-4,
    });
  },
};

interface Evaluated {
  first: Evaluation;
  second: Evaluation;
  after: Flat;
}

const evaluateCase: Case<MlpLoops> = {
  id: "evaluate",
  name: "evaluate returns the eval-mode loss and accuracy",
  hint: "evaluate runs model.forward(xb, false), weights each batch's loss by its size, and counts logit > 0 as class 1.",
  call: "evaluate",
  input: (): EvaluateInput => ({ sd: fixture().stateDict, x: fixture().x, y: fixture().y, batchSize: 4, pDrop: 0.5 }),
  judge({ first, second }: Evaluated) {
    const f = fixture();
    const input = `${FIXTURE_IN}; pDrop 0.5; batches of 4, 4, 2`;
    const dropoutOn = first.loss !== second.loss;
    const logits = f.eval.logits;
    const batchMeans = [0, 4, 8].map((s) => evaluateState(f.stateDict, f.x.slice(s, s + 4), f.y.slice(s, s + 4)).loss);
    const unweighted = batchMeans.reduce((a, b) => a + b, 0) / 3;
    const lossNote = dropoutOn
      ? "two calls disagree: dropout is on during evaluation (pass training = false)"
      : Math.abs(first.loss - unweighted) < 1e-4
        ? "that is the plain mean of the batch losses; the last batch has 2 rows, not 4"
        : undefined;
    close(first.loss, f.eval.loss, {
      what: "evaluate().loss should equal PyTorch's eval-mode loss",
      input,
      tol: TOL,
      note: lossNote,
      hint: dropoutOn ? "call model.forward(xb, false) in evaluate: dropout belongs to training only." : undefined,
    });
    const at = (t: number) => logits.filter((z, i) => Number(z > t) === f.y[i]).length / logits.length;
    const accNote =
      Math.abs(first.accuracy - at(0.5)) < 1e-9
        ? "that is the accuracy of logit > 0.5; a logit is not a probability (σ(z) > 0.5 ⇔ z > 0)"
        : Math.abs(first.accuracy - f.eval.accuracy * f.x.length) < 1e-9
          ? "that is the count of correct rows; divide by the number of rows"
          : undefined;
    close(first.accuracy, f.eval.accuracy, {
      what: "evaluate().accuracy should be the fraction of rows where (logit > 0) equals the label",
      input,
      tol: 1e-9,
      note: accNote,
    });
  },
};

const evaluateFrozen: Case<MlpLoops> = {
  id: "evaluate-frozen",
  name: "evaluate leaves the weights unchanged",
  hint: "evaluation only measures: no optimizer, no minimize, no assign.",
  call: "evaluate",
  input: (): EvaluateInput => ({ sd: fixture().stateDict, x: fixture().x, y: fixture().y, batchSize: 4, pDrop: 0.2 }),
  judge({ after }: Evaluated) {
    const moved = changedKeys(after, fixture().stateDict);
    ok(moved.length === 0, {
      what: "evaluate() should not change the weights",
      input: `${FIXTURE_IN}; pDrop 0.2`,
      expected: "the state dict unchanged",
      actual: `${moved.join(", ")} changed`,
      note: "evaluate trained the model: validation data leaks into the weights",
    });
  },
};

const LEARN_IN =
  "the given MLP(4, 16, 0.3), weights ≈ N(0, 1/fan_in) (seed 7); 96 rows (seed 8); batches of 16; tf.train.adam(0.01); setSeed(2); 6 epochs";

const learns: Case<MlpLoops> = {
  id: "learns",
  name: "training lowers the loss",
  hint: "each batch needs a forward pass in training mode, the loss, and an optimizer step (minimize) on the weights.",
  call: "train",
  input: (): TrainInput => ({
    sd: seededState(4, 16, 7),
    ...seededData(96, 4, 8),
    batchSize: 16,
    lr: 0.01,
    epochs: 6,
    optimizer: "adam",
    pDrop: 0.3,
    seed: 2,
  }),
  judge({ losses, after }: Trained, input: TrainInput) {
    const first = evaluateState(input.sd, input.x, input.y).loss;
    const last = evaluateState(stateOf(after, input.sd), input.x, input.y).loss;
    const still = changedKeys(after, input.sd).length === 0;
    ok(last < first - 0.1, {
      what: "six epochs of Adam should lower the eval loss (float64, from the returned weights) by more than 0.1",
      input: LEARN_IN,
      expected: `below ${fmtNumber(first - 0.1)} (it started at ${fmtNumber(first)})`,
      actual: `${fmtNumber(last)}; epoch losses ${fmt(losses)}`,
      note: still ? "the weights never changed: no optimizer step" : undefined,
      hint: still ? MINIMIZE : undefined,
    });
  },
};

const noLeaks: Case<MlpLoops> = {
  id: "no-leaks",
  name: "no tensor leaks: tf.memory().numTensors is the same after every epoch",
  hint: "dispose what each batch makes: wrap evaluate's forward pass in tf.tidy and dispose the cost returned by minimize(f, true).",
  inKernel: true,
  call: "tensors",
  input: (): TrainInput => ({
    sd: seededState(4, 16, 7),
    ...seededData(96, 4, 8),
    batchSize: 16,
    lr: 0.01,
    epochs: 3,
    optimizer: "adam",
    pDrop: 0.3,
    seed: 3,
  }),
  judge({ after }: { after: number[] }) {
    // Adam creates its moment variables during the first epoch, so counting starts after it.
    ok(after[1] === after[0] && after[2] === after[0], {
      what: "tf.memory().numTensors should be the same after every epoch",
      input: `${LEARN_IN.replace("setSeed(2); 6 epochs", "3 epochs")}; 6 batches per epoch; trainEpoch then evaluate`,
      expected: `${after[0]} after each epoch`,
      actual: `${after.join(", ")} after epochs 1, 2, 3 (+${after[1] - after[0]} per epoch)`,
    });
  },
};

export const loopCases: Case<MlpLoops>[] = [sgdStep, epoch, oracleSgd, evaluateCase, evaluateFrozen, learns, noLeaks];
