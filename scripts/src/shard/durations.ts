/**
 * Recorded durations for balancing shards, read from a previous run's report: the runner's JUnit (`--junit`: one
 * testcase per notebook, classname "notebooks", name = the notebook's path) or a grade.json (per notebook file,
 * and per candidate the sum of its notebooks). Keys are normalised paths (see shardKey).
 */
import * as fs from "node:fs";
import { ShardError, shardKey } from "./shard";
import { xmlAttr as attr } from "../junit/junit";

export function durationsFromJunit(xml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<testcase\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const time = Number(attr(m[0], "time"));
    if (attr(m[0], "classname") === "notebooks" && name !== undefined && Number.isFinite(time))
      out.set(shardKey(name), time * 1000);
  }
  return out;
}

interface GradeLike {
  notebooks?: { file?: string; candidate?: string; durationMs?: number }[];
}

export function durationsFromGrade(report: GradeLike): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of report.notebooks ?? []) {
    const ms = typeof g.durationMs === "number" && Number.isFinite(g.durationMs) ? g.durationMs : 0;
    if (g.file) out.set(shardKey(g.file), ms);
    if (g.candidate) out.set(shardKey(g.candidate), (out.get(shardKey(g.candidate)) ?? 0) + ms);
  }
  return out;
}

export function readDurations(file: string): Map<string, number> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new ShardError(`--durations: cannot read ${file}: ${(e as Error).message}`);
  }
  if (text.trimStart().startsWith("<")) return durationsFromJunit(text);
  try {
    return durationsFromGrade(JSON.parse(text) as GradeLike);
  } catch {
    throw new ShardError(`--durations: ${file} is neither JUnit XML (npm run execute -- --junit) nor a grade.json`);
  }
}
