/**
 * The rubric self-check for the written design answers (drills 08 and 09). It looks for each rubric point in the
 * candidate's text by keywords, so it is a **self-assessment aid, never a grade**: it can tell you that a point
 * is missing from what you wrote, not whether what you wrote about it is right. Each point is one case: covered →
 * pass, not covered → fail whose hint names the missing point. An empty or placeholder answer is todo, never a pass.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { todo } from "@drills/lib";
import { call, ok } from "../assert";
import { fmt } from "../format";
import type { LegacyCase as Case } from "../drill";

/** The written answer, as a function so that the exercise's stub (`throw todo()`) type-checks and reports todo. */
export type WrittenAnswer = () => string;

export interface RubricPoint {
  /** The point, as an interviewer would name it: "a ranking metric with a position discount". */
  label: string;
  /** Covered when any one alternative matches (case-insensitive). */
  anyOf: RegExp[];
  /** Why the point matters: shown when it is missing. A nudge, not the answer. */
  why: string;
}

export const SELF_ASSESSMENT = "keyword self-check: a self-assessment aid, not a grade";

/** Limits for "concise bullets": the prompts ask for a short structured answer, not an essay. */
export const MAX_WORDS = 450;
export const MIN_BULLETS = 6;

const PLACEHOLDERS = [/^_?your answer here\.?_?$/i, /^todo\.?$/i, /^tbd\.?$/i, /^\.\.\.$/];

/** Calls the answer; an empty or placeholder text is todo (nothing to assess yet), a non-string a failure. */
export function readAnswer(answer: WrittenAnswer): string {
  const text: unknown = call("answer()", () => answer());
  ok(typeof text === "string", { what: "answer() should return your written answer as a string", expected: "a string", actual: `${fmt(text)} (${typeof text})` });
  const trimmed = text.trim();
  if (trimmed.length === 0 || PLACEHOLDERS.some((p) => p.test(trimmed))) throw todo("the written answer");
  return text;
}

const words = (s: string) => s.split(/\s+/).filter((w) => /\w/.test(w)).length;
const bullets = (s: string) => s.split("\n").filter((l) => /^\s*([-*•]|\d+[.)])\s+\S/.test(l)).length;

function shapeCase(): Case<WrittenAnswer> {
  return {
    name: "rubric: concise bullets",
    hint: `the prompt asks for concise bullets: one idea per line, at most ${MAX_WORDS} words in all.`,
    run(answer) {
      const text = readAnswer(answer);
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

function pointCase(p: RubricPoint): Case<WrittenAnswer> {
  return {
    name: `rubric: ${p.label}`,
    hint: `not covered: ${p.label}. ${p.why}`,
    run(answer) {
      const text = readAnswer(answer);
      ok(p.anyOf.some((re) => new RegExp(re.source, re.flags.includes("i") ? re.flags : re.flags + "i").test(text)), {
        what: `the answer should cover ${p.label}`,
        input: "your answer",
        expected: `a mention of ${p.label}`,
        actual: "not found by the keyword self-check",
        note: SELF_ASSESSMENT,
      });
    },
  };
}

/** One case for the answer's shape, then one per rubric point. */
export function rubricCases(points: RubricPoint[]): Case<WrittenAnswer>[] {
  return [shapeCase(), ...points.map(pointCase)];
}

/**
 * For the specs: the model answer of a solution notebook, read from its answer cell (between the first and last backtick
 * after `// BEGIN SOLUTION`), so the rubric is tested against the answer candidates will actually see.
 */
export function answerFromNotebook(id: string, cellId: string): WrittenAnswer {
  const file = path.resolve(__dirname, "..", "..", "..", "notebooks", "solutions", `${id}.ipynb`);
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: { id: string; source: string | string[] }[] };
  const cell = nb.cells.find((c) => c.id === cellId);
  if (!cell) throw new Error(`${file}: no cell with id ${cellId}`);
  const full = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
  const src = full.slice(full.indexOf("// BEGIN SOLUTION"));
  const text = src.slice(src.indexOf("`") + 1, src.lastIndexOf("`"));
  return () => text;
}
