/**
 * The shape of a kernel's reply, checked before a judge reads it. In grading the reply comes from the candidate's
 * kernel and may be anything; a judge should not have to test every field it touches, so a drill declares, per call
 * and from the input it sent, what the call returns, and a reply of another shape fails the case by itself saying
 * what was expected and what came back — instead of crashing the judge or slipping through a lenient comparison.
 */
import type { Case } from "./drill";
import { fail } from "./failure";
import type { HiddenProperty } from "./hidden-property";
import type { HiddenSpec } from "./experience/hidden";

/** `text` describes what fits; `problem` says where (`at`, a path in the reply) and why a value does not. */
export interface Shape {
  text: string;
  problem(v: unknown, at?: string): string | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** What came back, in a few words (never its values: a hidden case's reply may echo its input). */
function got(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name} of ${(v as unknown as ArrayLike<unknown>).length}`;
  if (isObject(v)) return `an object with keys {${Object.keys(v).slice(0, 6).join(", ")}}`;
  return `a ${typeof v}`;
}

/** "outs[0] is null, not an array of 2" (or without the path, for the reply itself). */
const wrong = (at: string, v: unknown, want: string) => `${at ? `${at} is ` : ""}${got(v)}, not ${want}`;
const key = (at: string, k: string) => (at ? `${at}.${k}` : k);

const leaf = (text: string, fits: (v: unknown) => boolean): Shape => ({
  text,
  problem: (v, at = "") =>
    fits(v) ? undefined : wrong(at, v, /^(number|boolean|string)$/.test(text) ? `a ${text}` : text),
});

export const number = leaf("number", (v) => typeof v === "number");
export const boolean = leaf("boolean", (v) => typeof v === "boolean");
export const string = leaf("string", (v) => typeof v === "string");
/** What a call threw (outcome.ts `thrown`): null when it returned. */
export const threw = leaf(
  "null | { name: string; message: string }",
  (v) => v === null || (isObject(v) && typeof v.name === "string" && typeof v.message === "string"),
);

/** Any value at all: for parts of a reply only counted or compared whole (a frame's cells, say), never read into. */
export const anything = leaf("unknown", () => true);

/**
 * A reply that takes one of two forms, told apart by `isA` (did the call throw? is it typed?): the problem reported
 * is the chosen form's, which says more than a list of every way the value misses every form.
 */
export const either = (a: Shape, b: Shape, isA: (v: unknown) => boolean): Shape => ({
  text: `${a.text} | ${b.text}`,
  problem: (v, at) => (isA(v) ? a : b).problem(v, at),
});

/** A value of this shape, or null (a result a call leaves out, say because an earlier step failed). */
export const orNull = (s: Shape): Shape => ({
  text: `null | ${s.text}`,
  problem: (v, at) => (v === null ? undefined : s.problem(v, at)),
});

/** Typed values of one kind, `n` of them when given. */
const typed =
  (C: Float32ArrayConstructor | Float64ArrayConstructor) =>
  (n?: number): Shape =>
    leaf(n === undefined ? C.name : `${C.name}(${n})`, (v) => v instanceof C && (n === undefined || v.length === n));
export const float32 = typed(Float32Array);
export const float64 = typed(Float64Array);

/**
 * A shape whose parts must also agree with each other (a shape's product and its values' count, say), which no
 * input fixes in advance; `rule` says how a value that fits `s` breaks `text`.
 */
export const where = (s: Shape, text: string, rule: (v: any) => string | undefined): Shape => ({
  text: `${s.text} where ${text}`,
  problem(v, at = "") {
    const p = s.problem(v, at);
    if (p) return p;
    const r = rule(v);
    return r && at ? `${at}: ${r}` : r;
  },
});

/** An array of items of one shape, `n` of them when given. */
export function listOf(item: Shape, n?: number): Shape {
  return {
    text: `${item.text}[${n ?? ""}]`,
    problem(v, at = "") {
      if (!Array.isArray(v) || (n !== undefined && v.length !== n))
        return wrong(at, v, `an array${n === undefined ? "" : ` of ${n}`}`);
      for (let i = 0; i < v.length; i++) {
        const p = item.problem(v[i], `${at}[${i}]`);
        if (p) return p;
      }
      return undefined;
    },
  };
}

/** Numbers in a plain array (NaN and ±Infinity are numbers: judging them is the judge's job). */
export const numbers = (n?: number): Shape => listOf(number, n);

/** An array whose i-th item has the i-th shape (a reply holding one result per input sent). */
export function tuple(items: Shape[]): Shape {
  const same = items.every((s) => s.text === items[0].text);
  const text =
    same && items.length > 1 ? `${items[0].text}[${items.length}]` : `[${items.map((s) => s.text).join(", ")}]`;
  return {
    text,
    problem(v, at = "") {
      if (!Array.isArray(v) || v.length !== items.length) return wrong(at, v, `an array of ${items.length}`);
      for (let i = 0; i < items.length; i++) {
        const p = items[i].problem(v[i], `${at}[${i}]`);
        if (p) return p;
      }
      return undefined;
    },
  };
}

/** An object with at least these fields, each of its shape. */
export function fields(f: Record<string, Shape>): Shape {
  return {
    text: `{ ${Object.entries(f)
      .map(([k, s]) => `${k}: ${s.text}`)
      .join("; ")} }`,
    problem(v, at = "") {
      if (!isObject(v)) return wrong(at, v, "an object");
      for (const [k, s] of Object.entries(f)) {
        const p = s.problem(v[k], key(at, k));
        if (p) return p;
      }
      return undefined;
    },
  };
}

/** An object whose values (any keys, possibly none) all have one shape. */
export function recordOf(item: Shape): Shape {
  return {
    text: `{ [key]: ${item.text} }`,
    problem(v, at = "") {
      if (!isObject(v)) return wrong(at, v, "an object");
      for (const [k, x] of Object.entries(v)) {
        const p = item.problem(x, key(at, k));
        if (p) return p;
      }
      return undefined;
    },
  };
}

/** The shape a call's reply must have, given the input the check sent it. */
export type ReplyShapes = Record<string, (input: any) => Shape>;

export function expectReply(call: string, shapes: ReplyShapes, value: unknown, input: unknown): void {
  const shape = shapes[call]?.(input);
  const problem = shape ? shape.problem(value) : `no shape is declared for "${call}"`;
  if (problem)
    fail({
      what: `the kernel's reply to "${call}" should have the form the call returns`,
      expected: shape?.text ?? "a declared shape",
      actual: problem,
    });
}

/** The case, its judge run only on a reply of the declared shape. */
export const guardCase =
  (shapes: ReplyShapes) =>
  <I>(c: Case<I>): Case<I> => ({
    ...c,
    judge: (v, input) => (expectReply(c.call, shapes, v, input), c.judge(v, input)),
  });

export const guardProperty =
  (shapes: ReplyShapes) =>
  (p: HiddenProperty): HiddenProperty => ({
    ...p,
    judge: (v, input, spec: HiddenSpec) => (expectReply(p.call, shapes, v, input), p.judge(v, input, spec)),
  });
