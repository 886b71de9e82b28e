/** The candidate's experience around the checks: hints, the time box and progress log, and hidden cases for grading. */

export { hint, hintMessage, HintBook } from "./hints";
export { solution, modelAnswer } from "./reveal";
export type { HintReveal } from "./hints";
export { attach, Recorder } from "./recorder";
export { hiddenCasesOf, hiddenCaseName, readHiddenFile, validateHidden, hiddenProperties } from "./hidden";
export type { HiddenFile, HiddenSpec } from "./hidden";
export type { HiddenProperty } from "../hidden-property";
export { progressFile, readRecords, appendRecord, encodeRecord } from "./progress";
export type { ProgressRecord, CheckRecord, HintRecord, RevealRecord } from "./progress";
export { timeNote, formatDuration, againstBudget, elapsedMs } from "./clock";
