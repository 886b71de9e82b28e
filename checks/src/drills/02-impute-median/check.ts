/**
 * `@drills/checks/02-impute-median`: what drill 02's notebook imports — its checks, hints and solution reveal — and
 * nothing of the other drills.
 */
import { attachOnce, runCheck } from "../../run-check";
import { danfoCheck, groupCheck, polarsCheck } from "./checks";
import type { GroupImpute, ImputeDanfo, ImputePolars } from "./calls";

export type { GroupImpute, ImputeDanfo, ImputePolars } from "./calls";
export { hint, solution } from "../../experience/reveal";

attachOnce();

export const checkImputeDanfo = (imputeWithMedian: ImputeDanfo): Promise<void> =>
  runCheck(danfoCheck, imputeWithMedian);
export const checkImputePolars = (imputeWithMedianPl: ImputePolars): Promise<void> =>
  runCheck(polarsCheck, imputeWithMedianPl);
export const checkGroupImpute = (imputeWithGroupMedian: GroupImpute): Promise<void> =>
  runCheck(groupCheck, imputeWithGroupMedian);
