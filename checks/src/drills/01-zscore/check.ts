/**
 * `@drills/checks/01-zscore`: what drill 01's notebook imports — its check, hints and solution reveal — and nothing
 * of the other drills.
 */
import { attachOnce, runCheck } from "../../run-check";
import { zscoreCheck } from "./checks";
import type { Zscore } from "./calls";

export type { Zscore } from "./calls";
export { hint, solution } from "../../experience/reveal";

attachOnce();

export const checkZscore = (zscore: Zscore): Promise<void> => runCheck(zscoreCheck, zscore);
