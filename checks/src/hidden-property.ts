/**
 * A hidden-case property, split like every case: the grader builds the input from the interviewer's spec and judges
 * the value in its own process; only `call` runs in the candidate's kernel, with that one input.
 */
import type { HiddenSpec } from "./experience/hidden";

export interface HiddenProperty<In = any> {
  /** The part of the drill whose code it calls. */
  part: string;
  /** The property as a sentence: the case's name ("hidden 2: <what>") and the failure's "what". */
  what: string;
  /** One nudge shown on failure; never the input. */
  hint: string;
  inKernel?: boolean;
  /** The kernel half, by name in the drill's calls. */
  call: string;
  /** Builds the input from the spec; throws a plain Error naming the field when the spec is malformed. */
  input(spec: HiddenSpec): In;
  /** Throws a CheckFailure; reports sizes and counts, never the input's values. */
  judge(value: any, input: In, spec: HiddenSpec): void | Promise<void>;
}
