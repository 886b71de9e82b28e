/**
 * `@drills/checks/07-transformer-block`: what drill 07's notebook imports — its checks, hints and solution reveal —
 * and nothing of the other drills.
 */
import { attachOnce, runCheck } from "../../run-check";
import { blockCheck, depthCheck, masksCheck, weightsCheck } from "./checks";
import type { CompareNormPlacement, TransformerBlockClass } from "./types";

export type {
  AttentionMask,
  StateDict,
  TransformerBlockClass,
  TransformerBlockLike,
  CompareNormPlacement,
  DepthRow,
} from "./types";
export { hint, solution } from "../../experience/reveal";

attachOnce();

export const checkTransformerBlock = (Block: TransformerBlockClass): Promise<void> => runCheck(blockCheck, Block);
/** ★★ stretch: forward honours `{ causal }` and `{ keyPaddingMask }`. */
export const checkTransformerMasks = (Block: TransformerBlockClass): Promise<void> => runCheck(masksCheck, Block);
/** ★★ stretch: `attentionWeights(x, mask)` gives each head's softmax weights. */
export const checkAttentionWeights = (Block: TransformerBlockClass): Promise<void> => runCheck(weightsCheck, Block);
/** ★★★ stretch: the pre-norm / post-norm experiment on a deep stack. */
export const checkNormPlacement = (compareNormPlacement: CompareNormPlacement): Promise<void> =>
  runCheck(depthCheck, compareNormPlacement);
