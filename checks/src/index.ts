/**
 * The whole user API of @drills/checks: one `checkX(impl)` per part of every drill, which runs the part's cases and
 * shows the report in the notebook, plus hint() and solution(). A notebook that imports its own drill's entry
 * (`@drills/checks/01-zscore`) loads only that drill's dependencies; this entry loads them all.
 */
import { evaluate, type Drill } from "./drill";
import { present } from "./present";
import { attach } from "./experience";
import { transformerDrill, type TransformerBlockClass } from "./drills/transformer";
import { aucDrill, type Auc } from "./drills/auc";
import { windowsDrill, type SlidingWindows } from "./drills/windows";
import { mlpDrill, type Mlp } from "./drills/mlp";

export { evaluate, overall } from "./drill";
export type { Drill, Case, CaseResult, DrillReport, Status } from "./drill";
export { present, onReport, isStrict } from "./present";
export { reportText, reportHtml, reportJson, REPORT_MIME } from "./render";
export type { ReportJson } from "./render";
export { CheckFailure, DrillCheckError } from "./failure";
export type { Failure } from "./failure";
export { hint, solution, hiddenCaseName, readHiddenFile, validateHidden, progressFile, readRecords, formatDuration } from "./experience";
export type { HiddenFile, HiddenSpec, ProgressRecord, CheckRecord, HintRecord } from "./experience";
export { CATALOGUE, LEVELS, findDrill } from "./registry";
export type { DrillEntry, Level } from "./registry";

// The time box starts and the progress log listens from the moment a notebook's setup cell imports the checks.
attach();

/** Runs a drill's checks on the candidate's answer and shows the result (throws only under DRILLS_STRICT=1). */
async function checkDrill<I>(drill: Drill<I>, impl: I): Promise<void> {
  present(await evaluate(drill, impl));
}

export { zscoreCheck as zscoreDrill } from "./drills/01-zscore/checks";
export { checkZscore } from "./drills/01-zscore/check";

export { windowsDrill };
export const checkSlidingWindows = (slidingWindows: SlidingWindows) => checkDrill(windowsDrill, slidingWindows);

export { danfoCheck as imputeDanfoDrill, polarsCheck as imputePolarsDrill, groupCheck as groupImputeDrill } from "./drills/02-impute-median/checks";
export { checkImputeDanfo, checkImputePolars, checkGroupImpute } from "./drills/02-impute-median/check";

export { aucDrill };
export const checkBinaryAuc = (auc: Auc) => checkDrill(aucDrill, auc);

export { logregCheck as logregDrill, earlyStopCheck } from "./drills/05-logreg/checks";
export type { Logreg, FitOptions as LogregFitOptions } from "./drills/05-logreg/checks";
export { checkLogreg, checkEarlyStopping } from "./drills/05-logreg/check";

export { transformerDrill };
export type { TransformerBlockClass, TransformerBlockLike, AttentionMask, StateDict } from "./drills/transformer";
export const checkTransformerBlock = (Block: TransformerBlockClass) => checkDrill(transformerDrill, Block);

export { mlpDrill };
export type { Mlp, MlpModel, MlpConstructor, Batch as MlpBatch, Criterion as MlpCriterion, Evaluation as MlpEvaluation, LoaderOptions as MlpLoaderOptions, StateDict as MlpStateDict } from "./drills/mlp";
export const checkMlp = (mlp: Mlp) => checkDrill(mlpDrill, mlp);
export * from "./drills/metrics"; // drill 08: checkMetricsAnswer, checkRankingMetrics, checkExperimentStats
export * from "./drills/featurestore"; // drill 09: checkFeatureStoreAnswer, checkPointInTimeJoin, checkDriftStats, checkValidateSchema
