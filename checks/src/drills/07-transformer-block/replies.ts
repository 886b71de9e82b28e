/**
 * What each of drill 07's calls returns, from the input sent: the judges read these fields without testing them,
 * so a reply of another shape (in grading, anything the candidate's kernel sends) fails the case here, by itself.
 */
import {
  boolean,
  fields,
  float32,
  guardCase,
  guardProperty,
  listOf,
  number,
  numbers,
  recordOf,
  string,
  threw,
  tuple,
} from "../../reply";
import type { ReplyShapes } from "../../reply";
import type { Job, Run } from "./calls";
import type { Packed } from "./state";

type Jobs = { jobs: (Job & { runs: Run[] })[] };
const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** One value per element of x (forward keeps x's shape), and what the kernel measured about the call. */
const runOut = (r: Run) =>
  fields({ values: float32(size(r.x.shape)), shape: numbers(r.x.shape.length), leaked: number, xDisposed: boolean });
/** Per head, a (seq × seq) matrix for each sequence of x. */
const weightsOut = (r: Run, nHead: number) => {
  const [batch, seq] = r.x.shape;
  return fields({ values: float32(batch * nHead * seq * seq), shape: numbers(4) });
};

const SHAPES: ReplyShapes = {
  forward: ({ jobs }: Jobs) => fields({ outs: tuple(jobs.map((j) => tuple(j.runs.map(runOut)))) }),
  rejects: () => fields({ threw }),
  grads: ({ x }: { x: Packed }) =>
    fields({
      out: float32(size(x.shape)),
      again: float32(size(x.shape)),
      keys: listOf(string),
      variables: listOf(string),
      grads: recordOf(float32()),
      threw,
    }),
  attentionWeights: ({ jobs }: Jobs) =>
    fields({ outs: tuple(jobs.map((j) => tuple(j.runs.map((r) => weightsOut(r, j.setup.nHead))))) }),
  normPlacement: () =>
    fields({ rows: listOf(fields({ layer: number, placement: string, streamStd: number, gradNorm: number })) }),
};

export const guard = guardCase(SHAPES);
export const guardHidden = guardProperty(SHAPES);
