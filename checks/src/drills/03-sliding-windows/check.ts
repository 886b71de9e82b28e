/**
 * `@drills/checks/03-sliding-windows`: what drill 03's notebook imports — its two checks (the tfjs window matrix, the
 * core; zero-copy views, the ★★ stretch), hints and solution reveal — and nothing of the other drills.
 */
import { attachOnce, runCheck } from "../../run-check";
import { matrixCheck, viewsCheck } from "./checks";
import type { SlidingWindows, WindowMatrix } from "./calls";

export type { SlidingWindows, WindowMatrix } from "./calls";
export { hint, solution } from "../../experience/reveal";

attachOnce();

export const checkWindowMatrix = (windowMatrix: WindowMatrix): Promise<void> => runCheck(matrixCheck, windowMatrix);
export const checkSlidingWindows = (slidingWindows: SlidingWindows): Promise<void> =>
  runCheck(viewsCheck, slidingWindows);
