/**
 * The runner as a library, for the grader and the benchmark. `executeNotebook` runs one notebook;
 * `executeNotebooks` runs many in parallel; `main` is the CLI itself.
 */
export { executeNotebook, DEFAULT_TIMEOUT_SECONDS, DEFAULT_KERNEL } from "./execute";
export type { ExecuteOptions, NotebookResult, Failure } from "./execute";
export { openSession } from "./session";
export type { Session, SessionOptions } from "./session";
export type { RequestResult, RequestOptions, RequestStatus } from "./request";
export { checkTimeout, MAX_TIMEOUT_SECONDS } from "./timeouts";
export type { TimeoutPolicy } from "./timeouts";
export type { Isolation } from "./isolation";
export { sandboxAvailable } from "../sandbox/sandbox";
export type { SandboxSpec, Bind, SandboxProbe } from "../sandbox/sandbox";
export { executeNotebooks, defaultJobs } from "./pool";
export type { PoolOptions } from "./pool";
export { collectNotebooks, planJobs } from "./inputs";
export type { Job } from "./inputs";
export type { CellResult, CellStatus } from "./cells";
export { collectChecks, CHECK_MIME } from "./checks";
export type { DrillReport, Check, CheckStatus } from "./checks";
export { formatFailure, formatFailures, formatSummary, formatTally } from "./report";
export { toJunit, writeJunit } from "./junit";
export { main, EXIT } from "./main";
