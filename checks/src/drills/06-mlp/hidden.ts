/**
 * Hidden-case properties for drill 06, on what the candidate writes: trainEpoch and evaluate on seeded data of the
 * interviewer's sizes. The grader draws the state dict (≈ N(0, 1/fan_in)) and the rows (float32-exact) from the
 * spec's seed; the kernel trains or evaluates the given model with the candidate's loop; the judge compares with
 * float64 SGD / the float64 forward pass. A failure reports error sizes, never values.
 */
import { ok } from "../../assert";
import { fmtNumber } from "../../format";
import type { HiddenProperty } from "../../hidden-property";
import type { HiddenSpec } from "../../experience/hidden";
import type { EvaluateInput, TrainInput } from "./calls";
import { evaluateState, trainSgd } from "./oracle-train";
import { flat, seededData, seededState, type Flat } from "./state";
import { STATE_KEYS, type Evaluation } from "./types";

function size(spec: HiddenSpec, name: string, fallback?: number): number {
  const v = spec.input[name] ?? fallback;
  if (!Number.isInteger(v) || (v as number) < 1)
    throw new Error(`input.${name}: expected an integer ≥ 1, got ${JSON.stringify(v)}`);
  return v as number;
}

function problem(spec: HiddenSpec) {
  const inDim = size(spec, "inDim");
  const hidden = size(spec, "hidden");
  const rows = size(spec, "rows");
  const seed = Number(spec.input.seed ?? 1);
  return {
    sd: seededState(inDim, hidden, seed),
    ...seededData(rows, inDim, seed + 1),
    batchSize: size(spec, "batchSize", 8),
  };
}

const maxError = (a: ArrayLike<number>, b: number[]) =>
  b.reduce(
    (m, v, i) => Math.max(m, Number.isNaN(a[i]) ? Infinity : Math.abs(a[i] - v)),
    a.length === b.length ? 0 : Infinity,
  );

export const hidden: Record<string, HiddenProperty> = {
  train: {
    part: "mlp",
    what: "trainEpoch matches float64 mini-batch SGD on seeded data",
    hint: "one minimize step per batch, and Σ loss_b · n_b / N per epoch, with the total restarted every epoch.",
    call: "train",
    input(spec): TrainInput {
      const lr = Number(spec.input.lr ?? 0.1);
      if (!(lr > 0)) throw new Error(`input.lr: expected a positive number, got ${JSON.stringify(spec.input.lr)}`);
      return { ...problem(spec), lr, epochs: size(spec, "epochs", 2), optimizer: "sgd", pDrop: 0, seed: 1 };
    },
    judge({ losses, after }: { losses: number[]; after: Flat }, input: TrainInput, spec) {
      const want = trainSgd(input.sd, input.x, input.y, input);
      const tol = spec.tol ?? 1e-4;
      const lossErr = maxError(losses, want.losses);
      const weightErr = Math.max(...STATE_KEYS.map((k) => maxError(after?.[k] ?? [], flat(want.after[k]))));
      ok(lossErr <= tol && weightErr <= tol, {
        what: "trainEpoch should match float64 SGD",
        how: `max |error| ≤ ${fmtNumber(tol)}`,
        expected: `losses and weights within ${fmtNumber(tol)}`,
        actual: `max |error| ${fmtNumber(lossErr)} in the epoch losses, ${fmtNumber(weightErr)} in the weights`,
      });
    },
  },
  evaluate: {
    part: "mlp",
    what: "evaluate returns the float64 eval-mode loss and accuracy on seeded data",
    hint: "forward(x, false), each batch's loss weighted by its size, accuracy as the fraction of rows with (logit > 0) == label.",
    call: "evaluate",
    input(spec): EvaluateInput {
      const pDrop = Number(spec.input.pDrop ?? 0.5);
      if (!(pDrop >= 0 && pDrop < 1))
        throw new Error(`input.pDrop: expected a probability in [0, 1), got ${JSON.stringify(spec.input.pDrop)}`);
      return { ...problem(spec), pDrop };
    },
    judge({ first, second }: { first: Evaluation; second: Evaluation }, input: EvaluateInput, spec) {
      const want = evaluateState(input.sd, input.x, input.y);
      const tol = spec.tol ?? 1e-5;
      // A logit within float32 rounding of 0 may fall either side: each such row may move the accuracy by 1/n.
      const ties = want.logits.filter((z) => Math.abs(z) < 1e-5).length / input.x.length;
      const lossErr = Math.abs(first.loss - want.loss);
      const accErr = Math.abs(first.accuracy - want.accuracy);
      const repeat = first.loss === second.loss && first.accuracy === second.accuracy;
      ok(repeat && lossErr <= tol + 1e-5 * Math.abs(want.loss) && accErr <= ties + 1e-9, {
        what: "evaluate should return the eval-mode loss and accuracy",
        how: `loss within ${fmtNumber(tol)}, accuracy exact`,
        expected: "loss and accuracy of forward(x, false)",
        actual: `loss off by ${fmtNumber(lossErr)}, accuracy off by ${fmtNumber(accErr)}${repeat ? "" : "; two calls disagree"}`,
        note: repeat ? undefined : "dropout is on during evaluation",
      });
    },
  },
};
