/**
 * The two error types every drill shares.
 *
 * `ValueError` mirrors Python's: bad input to a drill function. Its message names the argument and what was
 * expected, so a candidate can tell "my code is wrong" from "I called it wrong".
 *
 * `NotImplementedError` is what exercise stubs throw. Checks recognise it (by `name`, so it survives being thrown
 * across module copies) and report the drill as "todo" instead of failing with a stack trace.
 */
export class ValueError extends Error {
  override readonly name = "ValueError";
  constructor(message: string) {
    super(message);
  }
}

export class NotImplementedError extends Error {
  override readonly name = "NotImplementedError";
  constructor(what = "this function") {
    super(`${what} is not implemented yet: replace the stub with your answer`);
  }
}

/** The stub body of every exercise: `throw todo()`. */
export function todo(what?: string): NotImplementedError {
  return new NotImplementedError(what);
}

export function isNotImplemented(e: unknown): boolean {
  return e instanceof Error && e.name === "NotImplementedError";
}

/** Throws a ValueError of the form "<arg>: expected <expected>, got <actual>". */
export function invalid(arg: string, expected: string, actual?: unknown): never {
  const got = actual === undefined ? "" : `, got ${describeValue(actual)}`;
  throw new ValueError(`${arg}: expected ${expected}${got}`);
}

/** A short, single-line description of any value, for error messages. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 37) + "..." : v);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (Array.isArray(v)) return `array of length ${v.length}`;
  if (ArrayBuffer.isView(v)) return `${v.constructor.name} of length ${(v as unknown as ArrayLike<unknown>).length}`;
  const ctor = (v as object).constructor?.name;
  return ctor && ctor !== "Object" ? ctor : "object";
}
