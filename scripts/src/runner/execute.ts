/**
 * `executeNotebook`: one notebook, one fresh kernel, one structured result. It never throws for a notebook's own
 * problems (bad JSON, unknown kernel, failing cells, dead kernel) — those are results — and it always shuts its
 * kernel down and, when asked to, leaves a valid output notebook behind.
 */
import * as path from "node:path";
import { kernelEnv } from "../kernelspec/kernelspec";
import { CellResult, runCells } from "./cells";
import { TimeoutPolicy, cellTimeouts } from "./timeouts";
import { DrillReport, collectChecks } from "./checks";
import { FailureKind, NotebookError, text } from "./errors";
import { Kernel, KernelOptions } from "./kernel";
import type { SandboxSpec } from "../sandbox/sandbox";
import type { Isolation } from "./isolation";
import { Notebook, normalize, placeholderNotebook, readNotebook, sourceOf, writeNotebook } from "./notebook";
import { DEFAULT_OUTPUT_CAP } from "./outputs";
import { isReadOnly } from "./inputs";

export const DEFAULT_TIMEOUT_SECONDS = 120;
export const DEFAULT_KERNEL = "tslab";
/** How long a kernel may take to exit after shutdown_request before its pending work is reported: tslab exits in 140–230 ms even at load 20 on 2 cores (measured), so 3 s leaves a wide margin, and only a notebook that fails anyway pays it. */
export const SHUTDOWN_GRACE_MS = 3000;

export interface ExecuteOptions {
  /** Where to write the executed notebook; omit to not write. May equal the input path (in-place). */
  outPath?: string;
  /** Per-cell default in seconds (notebook and cell metadata override it, unless timeoutPolicy says not); 0 or -1 = none. */
  timeoutSeconds?: number;
  /** "interviewer": timeoutSeconds applies to every cell and notebook/cell metadata is ignored (the grader's choice). */
  timeoutPolicy?: TimeoutPolicy;
  /** Keep running cells after a failing one; the notebook still counts as failed. */
  allowErrors?: boolean;
  /** Sets DRILLS_STRICT=1 in the kernel's environment. */
  strict?: boolean;
  /** Stored output per cell, in characters, before truncation. */
  outputCap?: number;
  /** Base environment for the kernel; JUPYTER_PATH gets the project's data dir first. */
  env?: NodeJS.ProcessEnv;
  /**
   * Run the kernel in bubblewrap (scripts/src/sandbox): only the allowlist is visible, no network, an unprivileged
   * uid where the runner is root. Fails the notebook (kind "kernel-start") when no sandbox can be made.
   */
  sandbox?: SandboxSpec;
  /** Aborting ends the running cell, shuts the kernel down and reports "interrupted". */
  signal?: AbortSignal;
  onCell?(event: { path: string; index: number; total: number; result?: CellResult }): void;
}

export interface Failure {
  kind: FailureKind;
  message: string;
  /** The failing cell, when a cell is to blame. */
  cell?: CellResult & { source: string };
}

export interface NotebookResult {
  path: string;
  outPath?: string;
  passed: boolean;
  failures: Failure[];
  cells: CellResult[];
  checks: DrillReport[];
  /** Wall time from reading the notebook to the kernel being shut down. */
  durationMs: number;
  /** Kernel start until ready. */
  startupMs: number;
  /** Sum of the kernel's own busy time over cells (busy → reply). */
  busyMs: number;
  kernelPid?: number;
  /** How the kernel's process tree was held: "pid-namespace" (nothing escapes) or the "process-group" fallback. */
  isolation?: Isolation;
  droppedMessages: number;
  /** The executed notebook as written (or as it would be written). */
  notebook?: Notebook;
}

/** A result before anything ran: nothing passed yet. */
export function emptyResult(file: string, extra: Partial<NotebookResult> = {}): NotebookResult {
  return {
    path: file,
    passed: false,
    failures: [],
    cells: [],
    checks: [],
    durationMs: 0,
    startupMs: 0,
    busyMs: 0,
    droppedMessages: 0,
    ...extra,
  };
}

export async function executeNotebook(file: string, options: ExecuteOptions = {}): Promise<NotebookResult> {
  const started = Date.now();
  const result = emptyResult(file);
  let notebook: Notebook | undefined;
  let kernel: Kernel | undefined;
  if (options.outPath && path.resolve(options.outPath) === path.resolve(file) && isReadOnly(file)) {
    // Refused before anything runs: the result could never be written back.
    result.failures.push({ kind: "invalid-notebook", message: text.readOnlyInplace(file) });
    result.durationMs = Date.now() - started;
    return result;
  }
  try {
    const prepared = prepare(file, options);
    notebook = prepared.notebook;
    result.notebook = notebook;
    const kernelStart = Date.now();
    kernel = await Kernel.start(prepared.kernel);
    result.kernelPid = kernel.pid;
    result.isolation = kernel.isolation;
    result.startupMs = Date.now() - kernelStart;
    await runOn(kernel, file, notebook, prepared.timeouts, options, result);
  } catch (error) {
    const kind: FailureKind = error instanceof NotebookError ? error.kind : "internal";
    result.failures.push({ kind, message: error instanceof Error ? error.message : String(error) });
  } finally {
    if (kernel) {
      result.droppedMessages = kernel.dropped;
      await shutDown(kernel, result);
    }
  }
  result.passed = result.failures.length === 0;
  if (options.outPath) result.outPath = writeResult(file, options.outPath, notebook, result);
  result.durationMs = Date.now() - started;
  return result;
}

export interface Prepared {
  notebook: Notebook;
  timeouts: number[];
  kernel: KernelOptions;
}

/** Everything decided before a kernel starts: the notebook read and valid, its timeouts, its kernel and environment. */
export function prepare(file: string, options: ExecuteOptions): Prepared {
  const notebook = normalize(readNotebook(file));
  if (options.signal?.aborted) throw new NotebookError("interrupted", text.interrupted());
  const timeouts = cellTimeouts(
    notebook,
    file,
    options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    options.timeoutPolicy,
  );
  const given = notebook.metadata.kernelspec?.name;
  const name = given === undefined ? DEFAULT_KERNEL : given;
  const env = kernelEnv(options.env ?? process.env);
  if (options.strict) env.DRILLS_STRICT = "1";
  // Nobody is at the keyboard: the progress log records results but credits no time-box time.
  env.DRILLS_MODE ??= "headless";
  // The runner's own terminal settings (test runners set FORCE_COLOR) must not decide what lands in the notebook.
  delete env.FORCE_COLOR;
  return { notebook, timeouts, kernel: { name, cwd: path.dirname(path.resolve(file)), env, sandbox: options.sandbox } };
}

/** Runs the notebook's cells on a started kernel and records cells, failures, timings and checks in `result`. */
export async function runOn(
  kernel: Kernel,
  file: string,
  notebook: Notebook,
  timeouts: number[],
  options: ExecuteOptions,
  result: NotebookResult,
): Promise<void> {
  // As Jupyter's clients do: the kernel, not the file, says what language (and version) the notebook ran in.
  if (kernel.languageInfo) notebook.metadata.language_info = kernel.languageInfo;
  result.cells = await runCells(kernel, notebook, {
    timeouts,
    allowErrors: options.allowErrors ?? false,
    outputCap: options.outputCap ?? DEFAULT_OUTPUT_CAP,
    signal: options.signal,
    onCell: (event) => options.onCell?.({ path: file, ...event }),
  });
  for (const cell of result.cells) {
    if (cell.status === "ok" || cell.expectedError) continue;
    const kind: FailureKind = cell.status === "error" ? "cell-error" : cell.status;
    result.failures.push({
      kind,
      message: cell.message ?? cell.evalue ?? cell.status,
      cell: { ...cell, source: sourceOf(notebook.cells[cell.index]) },
    });
  }
  // Interrupted before or between cells: nothing failed, but the notebook did not run to the end either.
  if (options.signal?.aborted && !result.failures.some((f) => f.kind === "interrupted")) {
    result.failures.push({ kind: "interrupted", message: text.interrupted() });
  }
  const cap = options.outputCap ?? DEFAULT_OUTPUT_CAP;
  for (const cell of result.cells) {
    if (!cell.droppedBytes) continue;
    result.failures.push({
      kind: "output-truncated",
      message: text.outputDropped(cell.index + 1, cell.id, cell.droppedBytes, cap),
      cell: { ...cell, source: sourceOf(notebook.cells[cell.index]) },
    });
  }
  result.busyMs = result.cells.reduce((sum, cell) => sum + cell.busyMs, 0);
  result.checks = collectChecks(notebook);
}

/** Shuts the kernel down; pending work that kept it from exiting fails a notebook whose cells all ran. */
export async function shutDown(kernel: Kernel, result: NotebookResult, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  const ranToEnd =
    result.cells.length > 0 &&
    !result.failures.some((f) => ["timeout", "kernel-died", "interrupted", "internal"].includes(f.kind));
  const ending = await kernel.shutdown(graceMs);
  if (ending === "stopped" && ranToEnd)
    result.failures.push({ kind: "background-work", message: text.backgroundWork(graceMs) });
}

function writeResult(
  file: string,
  outPath: string,
  notebook: Notebook | undefined,
  result: NotebookResult,
): string | undefined {
  if (notebook) {
    writeNotebook(outPath, notebook);
    return outPath;
  }
  // Never replace an unreadable input with a placeholder: it may be a notebook someone can still repair.
  if (path.resolve(outPath) === path.resolve(file)) return undefined;
  writeNotebook(outPath, placeholderNotebook(result.failures.map((f) => f.message).join("\n")));
  return outPath;
}
