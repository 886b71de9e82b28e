/**
 * Drill 09 — feature store consistency. Four checks share the drill id (the runner merges them by case name): the
 * written answer's rubric self-check, the point-in-time join, the drift statistics, and schema validation.
 */
import type { Drill } from "../drill";
import { evaluate } from "../drill";
import { present } from "../present";
import { hiddenCases } from "../experience/hidden";
import { rubricCases, SELF_ASSESSMENT, type WrittenAnswer } from "./rubric";
import { featureStoreRubric } from "./featurestore-rubric";
import { joinCases, type PointInTimeJoin } from "./featurestore-join";
import { driftCases, type DriftStats } from "./featurestore-drift";
import { schemaCases, type ValidateSchema } from "./featurestore-schema";

export type { PointInTimeJoin, AsOfOptions } from "./featurestore-join";
export type { DriftStats, Psi, KsStatistic } from "./featurestore-drift";
export type { ValidateSchema, SchemaContract, ColumnContract, Violation, ViolationKind } from "./featurestore-schema";

const ID = "09-feature-store";

export const featureStoreAnswerDrill: Drill<WrittenAnswer> = { id: ID, title: `Feature store: written answer (${SELF_ASSESSMENT})`, cases: rubricCases(featureStoreRubric) };
export const pointInTimeJoinDrill: Drill<{ pointInTimeJoin: PointInTimeJoin }> = { id: ID, title: "Feature store: point-in-time join", cases: joinCases };
export const driftStatsDrill: Drill<DriftStats> = { id: ID, title: "Feature store: drift statistics", cases: driftCases };
export const validateSchemaDrill: Drill<{ validateSchema: ValidateSchema }> = { id: ID, title: "Feature store: schema validation", cases: schemaCases };

export const checkFeatureStoreAnswer = async (answer: WrittenAnswer) => present(await evaluate(featureStoreAnswerDrill, answer, hiddenCases(featureStoreAnswerDrill)));
export const checkPointInTimeJoin = async (pointInTimeJoin: PointInTimeJoin) => present(await evaluate(pointInTimeJoinDrill, { pointInTimeJoin }, hiddenCases(pointInTimeJoinDrill)));
export const checkDriftStats = async (impl: DriftStats) => present(await evaluate(driftStatsDrill, impl, hiddenCases(driftStatsDrill)));
export const checkValidateSchema = async (validateSchema: ValidateSchema) => present(await evaluate(validateSchemaDrill, { validateSchema }, hiddenCases(validateSchemaDrill)));
