/**
 * The rubric self-check for the written design answers (drills 08 and 09). It looks for each rubric point in the
 * candidate's text by keywords, so it is a **self-assessment aid, never a grade**: the part is `graded: false` in
 * the drill's meta and the grader skips it. It can tell you that a point is missing from what you wrote, not whether
 * what you wrote about it is right. Each point is one case: covered → pass, not covered → fail whose hint names the
 * missing point. An empty or placeholder answer is todo, never a pass. Split like every case: the kernel returns the
 * text (rubric/calls.ts), the keyword match runs here.
 */
import { todo } from "@drills/lib";
import { ok } from "../../assert";
import { fmt } from "../../format";
import type { Case } from "../../drill";

export type { WrittenAnswer } from "./calls";

export interface RubricPoint {
  /** The point, as an interviewer would name it: "a ranking metric with a position discount". */
  label: string;
  /** Covered when any one alternative matches (case-insensitive). */
  anyOf: RegExp[];
  /** Why the point matters: shown when it is missing. A nudge, not the answer. */
  why: string;
}

export const SELF_ASSESSMENT = "keyword self-check: a self-assessment aid, not a grade";

/**
 * Limits for "concise bullets": the prompts ask for a short structured answer, not an essay — but one with the
 * numbers and the operational detail a senior answer carries, which does not fit in much less than ~600 words.
 */
export const MAX_WORDS = 600;
export const MIN_BULLETS = 6;

const PLACEHOLDERS = [/^_?your answer here\.?_?$/i, /^todo\.?$/i, /^tbd\.?$/i, /^\.\.\.$/];

/** The answer's text; an empty or placeholder text is todo (nothing to assess yet), a non-string a failure. */
export function readAnswer(value: unknown): string {
  const text = typeof value === "object" && value !== null ? (value as { text?: unknown }).text : undefined;
  ok(typeof text === "string", {
    what: "answer() should return your written answer as a string",
    expected: "a string",
    actual: `${fmt(text)} (${typeof text})`,
  });
  const trimmed = text.trim();
  if (trimmed.length === 0 || PLACEHOLDERS.some((p) => p.test(trimmed))) throw todo("the written answer");
  return text;
}

const words = (s: string) => s.split(/\s+/).filter((w) => /\w/.test(w)).length;
const bullets = (s: string) => s.split("\n").filter((l) => /^\s*([-*•]|\d+[.)])\s+\S/.test(l)).length;

function shapeCase(): Case<unknown> {
  return {
    id: "rubric-shape",
    name: "rubric: concise bullets",
    hint: `the prompt asks for concise bullets: one idea per line, at most ${MAX_WORDS} words in all.`,
    call: "answer",
    input: () => ({}),
    judge(value: unknown) {
      const text = readAnswer(value);
      const n = words(text);
      const b = bullets(text);
      ok(n <= MAX_WORDS && b >= MIN_BULLETS, {
        what: "the answer should be concise bullets",
        input: "your answer",
        expected: `≤ ${MAX_WORDS} words and ≥ ${MIN_BULLETS} bullet lines ("- …")`,
        actual: `${n} words, ${b} bullet lines`,
        note: SELF_ASSESSMENT,
      });
    },
  };
}

const slugOf = (label: string) =>
  label
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .split("-")
    .slice(0, 5)
    .join("-");

function pointCase(p: RubricPoint): Case<unknown> {
  return {
    id: `rubric-${slugOf(p.label)}`,
    name: `rubric: ${p.label}`,
    hint: `not covered: ${p.label}. ${p.why}`,
    call: "answer",
    input: () => ({}),
    judge(value: unknown) {
      const text = readAnswer(value);
      ok(
        p.anyOf.some((re) => new RegExp(re.source, re.flags.includes("i") ? re.flags : re.flags + "i").test(text)),
        {
          what: `the answer should cover ${p.label}`,
          input: "your answer",
          expected: `a mention of ${p.label}`,
          actual: "not found by the keyword self-check",
          note: SELF_ASSESSMENT,
        },
      );
    },
  };
}

/** One case for the answer's shape, then one per rubric point. */
export function rubricCases(points: RubricPoint[]): Case<unknown>[] {
  return [shapeCase(), ...points.map(pointCase)];
}
