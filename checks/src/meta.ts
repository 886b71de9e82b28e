/**
 * `@drills/checks/meta`: the registry and the report schema, free of side effects and of any library — what the
 * runner, the scoreboard and the grader's bookkeeping need, without loading tfjs, polars or fast-check.
 */
export { REGISTRY, CATALOGUE, LEVELS, findDrill, findPart, checkFunctions, registerDrill } from "./registry";
export type { DrillMeta, PartMeta, Level, DrillEntry } from "./registry";
export { REPORT_MIME, REPORT_VERSION, STATUSES, rollUp, parseReport, slug } from "./report";
export type { Status, ReportJson, CheckJson } from "./report";
