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

// Every drill's own entry: its checkX functions, the types its notebook names, hint and solution.
export * from "./drills/01-zscore/check";
export * from "./drills/02-impute-median/check";
export * from "./drills/03-sliding-windows/check";
export * from "./drills/04-binary-auc/check";
export * from "./drills/05-logreg/check";
export * from "./drills/06-mlp/check";
export * from "./drills/07-transformer-block/check";
export * from "./drills/08-metrics-design/check";
export * from "./drills/09-feature-store/check";
// Names two drills share, settled as released notebooks import them: StateDict is 07's, 06's goes by MlpStateDict
// (with the rest of 06's older Mlp* names).
export type { StateDict } from "./drills/07-transformer-block/check";
export type {
  MlpConstructor,
  Batch as MlpBatch,
  Criterion as MlpCriterion,
  Evaluation as MlpEvaluation,
  LoaderOptions as MlpLoaderOptions,
  StateDict as MlpStateDict,
} from "./drills/06-mlp/types";
export type { FitOptions as LogregFitOptions } from "./drills/05-logreg/calls";
