/**
 * The one error type every check throws, and the one place that throws it (uvu's shape): every assertion in
 * assert.ts funnels through `fail`, so every failure carries the same fields and renders with one template.
 */
export interface Failure {
  /** What was checked, as a sentence: "output std should be 1". */
  what: string;
  expected: string;
  actual: string;
  /** The input the candidate's function was called with (omitted for hidden cases). */
  input?: string;
  /** How it was compared: "allClose, tol 1e-5". */
  how?: string;
  /** Why the actual value is what it is, when the check can tell ("one-pass variance cancels in float32"). */
  note?: string;
  /** Overrides the case's hint when the failure points at something more specific. */
  hint?: string;
}

export class CheckFailure extends Error {
  override readonly name = "CheckFailure";
  constructor(readonly failure: Failure) {
    super(`${failure.what}: expected ${failure.expected}, got ${failure.actual}`);
  }
}

export function fail(failure: Failure): never {
  throw new CheckFailure(failure);
}

/** Thrown (only in strict mode) after a report is shown, so the notebook cell fails. */
export class DrillCheckError extends Error {
  override readonly name = "DrillCheckError";
}
