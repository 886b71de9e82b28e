/**
 * Every message the runner shows a person, in one place, so wording stays consistent and reviewable.
 * `UsageError` exits 2 (the invocation is wrong); everything else is a notebook failure reported per notebook.
 */
export { UsageError } from "../cli/options";

/** A problem with one notebook or its kernel, reported against that notebook; the run goes on with the others. */
export class NotebookError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

export type FailureKind =
  | "invalid-notebook"
  | "unknown-kernel"
  | "kernel-start"
  | "cell-error"
  | "timeout"
  | "kernel-died"
  | "uncaught-error"
  | "interrupted"
  | "background-work"
  | "output-truncated"
  | "internal";

export const text = {
  usage: (detail: string) => `${detail}\nRun with --help for usage.`,
  noInputs: () => "no notebook given",
  missingInput: (input: string) => `no such notebook or folder: ${input}`,
  notNotebook: (input: string) => `not an .ipynb file: ${input}`,
  emptyFolder: (input: string) => `no .ipynb files under ${input}`,
  inplaceWithOut: () => "--inplace and --out exclude each other",
  outputIsInput: (input: string) =>
    `the executed copy of ${input} would overwrite it; choose another --out, or pass --inplace to mean it`,
  readOnlyInplace: (input: string) =>
    `${input} is read-only; --inplace will not replace it (make it writable first if you mean it)`,

  unreadable: (file: string, reason: string) => `${file}: cannot read notebook: ${reason}`,
  invalidJson: (file: string, reason: string) => `${file}: not valid JSON: ${reason}`,
  invalidNotebook: (file: string, reason: string) => `${file}: not an nbformat 4 notebook: ${reason}`,

  unknownKernel: (name: string, searched: string[]) =>
    `no kernelspec named "${name}" (looked for kernels/${name}/kernel.json in: ${searched.join(", ") || "no data dirs"}); ` +
    `run "npm run kernelspec" or fix metadata.kernelspec.name`,
  badKernelName: (name: unknown, pattern: string) =>
    `metadata.kernelspec.name ${JSON.stringify(name)} is not a kernel name (must match ${pattern}); nothing was run`,
  badKernelSpec: (file: string, reason: string) => `kernelspec ${file} is unusable: ${reason}`,
  spawnFailed: (command: string, reason: string) => `could not start kernel "${command}": ${reason}`,
  kernelNotReady: (seconds: number, tail: string) =>
    `kernel did not answer kernel_info_request within ${seconds}s${tail ? `; its output:\n${tail}` : ""}`,
  kernelExitedEarly: (how: string, tail: string) =>
    `kernel ${how} before it was ready${tail ? `; its output:\n${tail}` : ""}`,

  kernelExit: (code: number | null, signal: string | null) =>
    signal ? `was killed by ${signal}` : `exited with code ${code ?? "?"}`,
  cellFailed: (evalue: string) => evalue,
  cellTimeout: (seconds: number, killed: boolean) =>
    `cell timed out after ${seconds}s; interrupted with SIGINT${killed ? ", still busy after the grace period, kernel killed" : ""}`,
  kernelDied: (how: string, tail: string) =>
    `kernel ${how} while running this cell${tail ? `; its last output:\n${tail}` : ""}`,
  escapedError: (text: string) =>
    `an error escaped the cell (unhandled promise rejection, uncaught exception, or stderr after the cell finished):\n${text}`,
  abortedTooOften: (tries: number) => `the kernel aborted this cell ${tries} times in a row`,
  interrupted: () => "the runner was interrupted (Ctrl-C / SIGTERM); the kernel was shut down",
  droppedMessages: (count: number) => `dropped ${count} kernel message(s) with a bad signature`,
  errorWithoutText: () =>
    "the kernel reported an error but sent no error text (tslab loses output when a cell writes faster than it can publish)",
  idleMissing: (seconds: number) =>
    `\n[drills runner: the kernel never reported this cell idle (waited ${seconds}s after its reply); output may be incomplete]\n`,
  backgroundWork: (graceMs: number) =>
    `work was still pending after the last cell (a timer, interval, socket or child process kept the kernel's event loop ` +
    `alive): the kernel did not exit within ${graceMs} ms of shutdown_request and was stopped; whatever it was still doing never finished`,
  outputDropped: (cell: number, id: string, dropped: number, cap: number) =>
    `cell ${cell} (id ${id}): ${dropped} bytes of output were dropped past the cap of ${cap} bytes; the stored notebook does not show what the cell printed`,
  outputTruncated: (dropped: number, cap: number) =>
    `\n[drills runner: output truncated — ${dropped} more bytes dropped; the cap is ${cap} bytes per cell]\n`,
} as const;
