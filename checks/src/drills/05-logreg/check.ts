/**
 * `@drills/checks/05-logreg`: what drill 05's notebook imports — its checks, hints and solution reveal — and nothing
 * of the other drills.
 */
import { attachOnce, runCheck } from "../../run-check";
import { earlyStopCheck, logregCheck } from "./checks";
import type { Logreg } from "./calls";

export type { FitOptions, Logreg } from "./calls";
export { hint, solution } from "../../experience/reveal";

attachOnce();

export const checkLogreg = (logreg: Logreg): Promise<void> => runCheck(logregCheck, logreg);
/** ★★ stretch: your fitLogreg with early stopping (`tol`). */
export const checkEarlyStopping = (logreg: Pick<Logreg, "fitLogreg">): Promise<void> =>
  runCheck(earlyStopCheck, logreg);
