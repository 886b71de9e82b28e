/**
 * `@drills/checks/04-binary-auc`: what drill 04's notebook imports — its check, hints and solution reveal — and
 * nothing of the other drills.
 */
import { attachOnce, runCheck } from "../../run-check";
import { aucCheck } from "./checks";
import type { Auc } from "./calls";

export type { Auc, RocCurve, BinaryAuc, Roc } from "./calls";
export { hint, solution } from "../../experience/reveal";

attachOnce();

export const checkBinaryAuc = (auc: Auc): Promise<void> => runCheck(aucCheck, auc);
