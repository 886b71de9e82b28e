/**
 * `@drills/checks/06-mlp`: what drill 06's notebook imports — its checks (the core loops, and the two stretch
 * parts), hints and solution reveal — and nothing of the other drills.
 */
import { attachOnce, runCheck } from "../../run-check";
import { bceCheck, loaderCheck, mlpCheck } from "./checks";
import type { Criterion, MakeLoader, MlpCheckInput } from "./types";

export type {
  Mlp,
  MlpLoops,
  MlpCheckInput,
  MlpModel,
  StateDict,
  Batch,
  Criterion,
  Evaluation,
  LoaderOptions,
  MakeLoader,
} from "./types";
export { hint, solution } from "../../experience/reveal";

attachOnce();

/** The core: `{ trainEpoch, evaluate }` (the whole object of the earlier, larger drill is accepted too). */
export const checkMlp = (loops: MlpCheckInput): Promise<void> => runCheck(mlpCheck, loops);
/** Stretch ★★★: the seeded DataLoader counterpart. */
export const checkMakeLoader = (makeLoader: MakeLoader): Promise<void> => runCheck(loaderCheck, makeLoader);
/** Stretch ★★: BCE-with-logits from its formula. */
export const checkBceWithLogits = (bceWithLogits: Criterion): Promise<void> => runCheck(bceCheck, bceWithLogits);
