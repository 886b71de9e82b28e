/**
 * What each of drill 06's calls returns, from the input sent: the judges read these fields without testing them,
 * so a reply of another shape (in grading, anything the candidate's kernel sends) fails the case here, by itself.
 */
import { fields, float32, guardCase, guardProperty, listOf, number, numbers, threw, tuple } from "../../reply";
import type { ReplyShapes } from "../../reply";
import type { EvaluateInput, TrainInput } from "./calls";
import type { LoaderRun } from "./calls-stretch";
import { flat } from "./state";
import { STATE_KEYS, type StateDict } from "./types";

/** The weights after a call: float32 values per state-dict key, as many as the dict sent. */
const weights = (sd: StateDict) => fields(Object.fromEntries(STATE_KEYS.map((k) => [k, float32(flat(sd[k]).length)])));
const evaluation = fields({ loss: number, accuracy: number });
const epoch = fields({ ys: listOf(numbers()), xs: listOf(numbers()), left: number });

const SHAPES: ReplyShapes = {
  train: ({ sd, epochs }: TrainInput) => fields({ losses: numbers(epochs), after: weights(sd) }),
  evaluate: ({ sd }: EvaluateInput) => fields({ first: evaluation, second: evaluation, after: weights(sd) }),
  tensors: ({ epochs }: TrainInput) => fields({ after: numbers(epochs) }),
  loader: ({ runs }: { runs: LoaderRun[] }) => tuple(runs.map((r) => listOf(epoch, r.epochs))),
  loaderRejects: () => fields({ threw }),
  bce: ({ pairs }: { pairs: { logits: number[] }[] }) =>
    tuple(pairs.map((p) => fields({ loss: number, grad: float32(p.logits.length) }))),
};

export const guard = guardCase(SHAPES);
export const guardHidden = guardProperty(SHAPES);
