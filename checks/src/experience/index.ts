/** The candidate's experience around the checks: hints, the time box and progress log, and hidden cases for grading. */

export { hint, hintMessage, HintBook } from "./hints";
export { solution, modelAnswer } from "./reveal";
export type { HintReveal } from "./hints";
export { attach, Recorder } from "./recorder";
export {
  hiddenCases,
  hiddenCasesOf,
  hiddenCaseName,
  readHiddenFile,
  validateHidden,
  registerHidden,
  hiddenProperties,
} from "./hidden";
export type { HiddenFile, HiddenSpec, HiddenProperty } from "./hidden";
export { progressFile, readRecords, appendRecord, encodeRecord } from "./progress";
export type { ProgressRecord, CheckRecord, HintRecord, RevealRecord } from "./progress";
export { timeNote, formatDuration, againstBudget, elapsedMs } from "./clock";
