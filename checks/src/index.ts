/**
 * The whole user API of @drills/checks: one `checkX(impl)` per part of every drill, which runs the part's cases and
 * shows the report in the notebook, plus hint() and solution(). A notebook that imports its own drill's entry
 * (`@drills/checks/01-zscore`) loads only that drill's dependencies; this entry loads them all.
 */
import { attach } from "./experience";

export { evaluate, overall } from "./drill";
export type { Drill, Case, CaseResult, DrillReport, Status } from "./drill";
export { present, onReport, isStrict } from "./present";
export { reportText, reportHtml, reportJson, REPORT_MIME } from "./render";
export type { ReportJson } from "./render";
export { CheckFailure, DrillCheckError } from "./failure";
export type { Failure } from "./failure";
export {
  hint,
  solution,
  hiddenCaseName,
  readHiddenFile,
  validateHidden,
  progressFile,
  readRecords,
  formatDuration,
} from "./experience";
export type { HiddenFile, HiddenSpec, ProgressRecord, CheckRecord, HintRecord } from "./experience";
export { CATALOGUE, LEVELS, findDrill } from "./registry";
export type { DrillEntry, Level } from "./registry";

// The time box starts and the progress log listens from the moment a notebook's setup cell imports the checks.
attach();

export { zscoreCheck as zscoreDrill } from "./drills/01-zscore/checks";
export { checkZscore } from "./drills/01-zscore/check";

export { matrixCheck as windowMatrixDrill, viewsCheck as windowsDrill } from "./drills/03-sliding-windows/checks";
export { checkWindowMatrix, checkSlidingWindows } from "./drills/03-sliding-windows/check";

export {
  danfoCheck as imputeDanfoDrill,
  polarsCheck as imputePolarsDrill,
  groupCheck as groupImputeDrill,
} from "./drills/02-impute-median/checks";
export { checkImputeDanfo, checkImputePolars, checkGroupImpute } from "./drills/02-impute-median/check";

export { aucCheck as aucDrill } from "./drills/04-binary-auc/checks";
export { checkBinaryAuc } from "./drills/04-binary-auc/check";

export { logregCheck as logregDrill, earlyStopCheck } from "./drills/05-logreg/checks";
export type { Logreg, FitOptions as LogregFitOptions } from "./drills/05-logreg/checks";
export { checkLogreg, checkEarlyStopping } from "./drills/05-logreg/check";

export { transformerDrill } from "./drills/07-transformer-block/checks";
export type {
  TransformerBlockClass,
  TransformerBlockLike,
  AttentionMask,
  StateDict,
} from "./drills/07-transformer-block/types";
export {
  checkTransformerBlock,
  checkTransformerMasks,
  checkAttentionWeights,
  checkNormPlacement,
} from "./drills/07-transformer-block/check";

export { mlpDrill } from "./drills/06-mlp/checks";
export type {
  Mlp,
  MlpLoops,
  MlpModel,
  MlpConstructor,
  Batch as MlpBatch,
  Criterion as MlpCriterion,
  Evaluation as MlpEvaluation,
  LoaderOptions as MlpLoaderOptions,
  StateDict as MlpStateDict,
} from "./drills/06-mlp/checks";
export { checkMlp, checkMakeLoader, checkBceWithLogits } from "./drills/06-mlp/check";
export {
  checkMetricsAnswer,
  checkCanaryDecision,
  checkRankingMetrics,
  checkExperimentStats,
} from "./drills/08-metrics-design/check"; // drill 08
// The graded checks under the names the grade totals scan for; the written answer's self-check is never scored.
export {
  canaryCheck as canaryDecisionDrill,
  rankingCheck as rankingMetricsDrill,
  experimentCheck as experimentStatsDrill,
} from "./drills/08-metrics-design/checks";
export type {
  RankingMetrics,
  AtK,
  ExperimentStats,
  TwoProportionZTest,
  SampleSizePerArm,
  Guardrail,
  CanaryVerdict,
  CanaryDecision,
  WrittenAnswer,
} from "./drills/08-metrics-design/check";
export {
  checkFeatureStoreAnswer,
  checkPointInTimeJoin,
  checkDriftStats,
  checkValidateSchema,
} from "./drills/09-feature-store/check"; // drill 09
export {
  joinCheck as pointInTimeJoinDrill,
  driftCheck as driftStatsDrill,
  schemaCheck as validateSchemaDrill,
} from "./drills/09-feature-store/checks";
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
} from "./drills/09-feature-store/check";
