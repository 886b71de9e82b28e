/**
 * Hidden cases for grading. The interviewer keeps a JSON file outside the candidate's copy; the grader reads and
 * validates it in its own process and builds each case from a drill's hidden properties (drills/<id>/hidden.ts):
 * the kernel only ever sees each input with its own call — no file path, no environment variable. A hidden case is
 * named by its property only ("hidden 2: matches the float64 reference") and its failures never show the input
 * (drill.ts replaces it), so a report can be shared without leaking the cases.
 *
 * Format (see grading/README.md):
 *   { "version": 1, "drills": { "01-zscore": [ { "property": "reference", "input": { "x": [1, 2, 3] }, "points": 2 } ] } }
 * Inputs are JSON values or small generators ({ "normal": { "n": 1000, "mean": 0, "std": 1, "seed": 7 } }).
 */
import * as fs from "node:fs";
import { normal, rng } from "@drills/lib";
import type { Case as SplitCase } from "../drill";
import type { HiddenProperty as SplitProperty } from "../hidden-property";
import { loadDrill } from "../loader";
import { REGISTRY } from "../registry";

export interface HiddenSpec {
  property: string;
  input: Record<string, unknown>;
  /** Points for this case in the grade (default 1). */
  points?: number;
  /** Absolute tolerance, where the property compares numbers. */
  tol?: number;
}

export interface HiddenFile {
  version: 1;
  drills: Record<string, HiddenSpec[]>;
}

/** A drill's split hidden properties (judged outside the kernel), by name; none when its folder has none. */
export function splitProperties(drillId: string): Record<string, SplitProperty> {
  try {
    return loadDrill(drillId).hidden ?? {};
  } catch {
    return {};
  }
}

/**
 * The hidden cases of one part of a drill, built from the file in the grader's process: the kernel only ever sees
 * each input with its own call. Cases keep their index in the drill's list, so ids ("hidden-3") are stable.
 */
export function hiddenCasesOf(drillId: string, part: string, file: HiddenFile | undefined): SplitCase[] {
  const specs = file?.drills[drillId] ?? [];
  const props = splitProperties(drillId);
  return specs.flatMap((spec, i) => {
    const p = props[spec.property];
    if (!p || p.part !== part) return [];
    let built: { ok: true; input: unknown } | { ok: false; error: unknown } | undefined;
    const build = () =>
      (built ??= (() => {
        try {
          return { ok: true as const, input: p.input(spec) };
        } catch (error) {
          return { ok: false as const, error };
        }
      })());
    return [
      {
        id: `hidden-${i + 1}`,
        name: `hidden ${i + 1}: ${p.what}`,
        hint: p.hint,
        hidden: true,
        points: spec.points ?? 1,
        ...(p.inKernel ? { inKernel: true } : {}),
        call: p.call,
        input: () => {
          const b = build();
          if (!b.ok) throw b.error;
          return b.input;
        },
        judge: (value: unknown, input: unknown) => p.judge(value, input, spec),
      },
    ];
  });
}

/** Every property a notebook id supports, by name. */
export function hiddenProperties(drillId: string): Map<string, SplitProperty> {
  return new Map(Object.entries(splitProperties(drillId)));
}

/** The case name for the i-th (0-based) hidden case of a notebook id; the grader uses it to find the case's points. */
export function hiddenCaseName(drillId: string, spec: HiddenSpec, index: number): string {
  const p = hiddenProperties(drillId).get(spec.property);
  return `hidden ${index + 1}: ${p ? p.what : spec.property}`;
}

/** Reads and validates the file; every problem is listed, with the drill and case it is in. */
export function readHiddenFile(file: string, only?: string): HiddenFile {
  let data: any;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`hidden cases ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const problems = validateHidden(data, only);
  if (problems.length) throw new Error(`hidden cases ${file}:\n  ${problems.join("\n  ")}`);
  return data as HiddenFile;
}

/** Every problem in the file, or only in one drill's entries. */
export function validateHidden(data: any, only?: string): string[] {
  if (!data || data.version !== 1 || typeof data.drills !== "object" || data.drills === null)
    return ['expected { "version": 1, "drills": { ... } }'];
  const problems: string[] = [];
  for (const [drill, specs] of Object.entries<any>(data.drills)) {
    if (only !== undefined && drill !== only) continue;
    const props = Object.fromEntries(hiddenProperties(drill));
    if (Object.keys(props).length === 0) {
      const supported = REGISTRY.filter((d) => Object.keys(splitProperties(d.id)).length).map((d) => d.id);
      problems.push(`${drill}: no hidden-case support for this drill (supported: ${supported.join(", ") || "none"})`);
      continue;
    }
    if (!Array.isArray(specs)) {
      problems.push(`${drill}: expected a list of cases`);
      continue;
    }
    specs.forEach((s: any, i: number) => {
      const where = `${drill}[${i}]`;
      if (!s || typeof s.property !== "string" || !props[s.property])
        problems.push(
          `${where}: property should be one of ${Object.keys(props).join(", ")}, got ${JSON.stringify(s?.property)}`,
        );
      if (!s || typeof s.input !== "object" || s.input === null) problems.push(`${where}: input should be an object`);
      if (s?.points !== undefined && !(typeof s.points === "number" && s.points >= 0))
        problems.push(`${where}: points should be a number ≥ 0`);
    });
  }
  return problems;
}

/**
 * Inputs: a list of numbers, or a seeded generator — { normal: { n, mean, std, seed, round? } } (round = decimals
 * kept, which makes ties), { bernoulli: { n, p, seed } } (0/1 labels), { constant: { n, value } }.
 */
export function numbers(v: unknown, name: string): number[] {
  if (Array.isArray(v) && v.every((e) => typeof e === "number")) return v;
  const o = v as Record<string, Record<string, number>> | undefined;
  if (o?.normal) {
    const { n, mean = 0, std = 1, seed = 1, round } = o.normal;
    const xs = Array.from(normal(n, seed, mean, std));
    return round === undefined ? xs : xs.map((x) => Math.round(x * 10 ** round) / 10 ** round);
  }
  if (o?.bernoulli) {
    const { n, p = 0.5, seed = 1 } = o.bernoulli;
    const u = rng(seed);
    return Array.from({ length: n }, () => (u() < p ? 1 : 0));
  }
  if (o?.constant) return new Array(o.constant.n).fill(o.constant.value);
  throw new Error(
    `input.${name}: expected a list of numbers or a generator ({ normal }, { bernoulli } or { constant }), got ${JSON.stringify(v)?.slice(0, 80)}`,
  );
}
