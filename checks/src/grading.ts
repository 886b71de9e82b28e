/**
 * `@drills/checks/grading`: the judge's side, for the grader's own process — a drill's checks and hidden cases, the
 * payload it sends into the candidate's kernel, and the judging of what comes back. Never loaded in a grading kernel.
 */
export { loadDrill, loadCalls, setDrillFolder } from "./loader";
export { JUDGE_SIDE } from "./judge-side";
export type { DrillModule } from "./loader";
export { judgeOutcome, evaluate } from "./drill";
export type { Case, Check, CaseResult, DrillReport } from "./drill";
export type { Outcome, Calls } from "./outcome";
export { callCase } from "./outcome";
export { encode, decode } from "./codec";
export { encodePayload, parseOutcomes } from "./kernel";
export type { Payload } from "./kernel";
export { hiddenCasesOf, readHiddenFile, validateHidden } from "./experience/hidden";
export type { HiddenFile, HiddenSpec } from "./experience/hidden";
export { reportText, reportJson, caseText } from "./render";
