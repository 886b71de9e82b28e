/**
 * `@drills/checks/09-feature-store`: what drill 09's notebook imports — its checks, hints and solution reveal — and
 * nothing of the other drills.
 */
import { attachOnce, runCheck } from "../../run-check";
import { driftCheck, featureStoreAnswerCheck, joinCheck, schemaCheck } from "./checks";
import type { DriftStats, PointInTimeJoin, ValidateSchema } from "./calls";
import type { WrittenAnswer } from "../rubric/calls";

export type {
  PointInTimeJoin,
  AsOfOptions,
  DriftStats,
  Psi,
  KsStatistic,
  ValidateSchema,
  SchemaContract,
  ColumnContract,
  Violation,
  ViolationKind,
} from "./calls";
export type { WrittenAnswer } from "../rubric/calls";
export { hint, solution } from "../../experience/reveal";

attachOnce();

/** The written proposal's keyword self-check: a self-assessment aid, never scored. */
export const checkFeatureStoreAnswer = (answer: WrittenAnswer): Promise<void> =>
  runCheck(featureStoreAnswerCheck, answer);
export const checkPointInTimeJoin = (pointInTimeJoin: PointInTimeJoin): Promise<void> =>
  runCheck(joinCheck, pointInTimeJoin);
export const checkDriftStats = (impl: DriftStats): Promise<void> => runCheck(driftCheck, impl);
export const checkValidateSchema = (validateSchema: ValidateSchema): Promise<void> =>
  runCheck(schemaCheck, validateSchema);
