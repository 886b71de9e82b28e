/**
 * `npm run merge -- --out DIR <shard folder or file>…`: one report from the reports of a sharded run. From each
 * folder it reads grade.json and the runner's JUnit files (*.xml); grade.junit.xml and grade.html are rendered
 * again from the merged grade.json, so they agree with it. Exit 0 merged, 1 the inputs conflict, 2 bad invocation.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { writeReports } from "../grade/report";
import type { GradeReport } from "../grade/grade";
import { isRunnerJunit, MergeError, mergeGrades, mergeRunnerJunit } from "./merge";

export const USAGE = `usage: npm run merge -- --out DIR <shard folder or file>…

Combines the reports of a sharded run (npm run execute/grade -- --shard I/N) into one:
  runner JUnit (*.xml from --junit)   → DIR/junit.xml
  grade.json (from npm run grade)     → DIR/grade.json, grade.junit.xml, grade.html`;

/**
 * Executed notebooks that a shard wrote inside its own folder are copied into DIR at the same relative path, and
 * the report points at the copies: the merged folder is then what one run with --report DIR would have written.
 */
function relocateExecuted(report: GradeReport, shardDir: string, outDir: string): void {
  for (const g of report.notebooks ?? []) {
    if (!g.executed) continue;
    const rel = path.relative(path.resolve(shardDir), path.resolve(g.executed));
    if (rel.startsWith("..") || path.isAbsolute(rel) || !fs.existsSync(g.executed)) continue;
    const target = path.join(outDir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(g.executed, target);
    g.executed = path.isAbsolute(g.executed)
      ? path.resolve(target)
      : path.relative(process.cwd(), path.resolve(target));
  }
}

interface Found {
  junit: { source: string; xml: string }[];
  grades: { source: string; report: GradeReport; dir?: string }[];
}

function collect(inputs: string[]): Found {
  const found: Found = { junit: [], grades: [] };
  const take = (file: string, explicit: boolean, dir?: string) => {
    const base = path.basename(file);
    if (base.endsWith(".json")) {
      if (!explicit && base !== "grade.json") return;
      let report: GradeReport;
      try {
        report = JSON.parse(fs.readFileSync(file, "utf8")) as GradeReport;
      } catch (e) {
        throw new MergeError(`${file}: not valid JSON (${(e as Error).message})`);
      }
      found.grades.push({ source: file, report, dir });
    } else if (base.endsWith(".xml")) {
      const xml = fs.readFileSync(file, "utf8");
      if (isRunnerJunit(xml)) found.junit.push({ source: file, xml });
      else if (explicit && base !== "grade.junit.xml")
        throw new MergeError(`${file}: not the runner's JUnit (npm run execute -- --junit FILE)`);
    } else if (explicit && base !== "grade.html")
      throw new MergeError(`${file}: expected a shard folder, a grade.json or a JUnit .xml`);
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new MergeError(`no such file or folder: ${input}`);
    if (fs.statSync(input).isDirectory())
      for (const f of fs.readdirSync(input).sort()) take(path.join(input, f), false, input);
    else take(input, true);
  }
  return found;
}

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + "\n")): number {
  let outDir: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") return (out(USAGE), 0);
    if (a === "--out" || a.startsWith("--out=")) {
      outDir = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (!outDir) return (out(`merge: --out needs a folder\n${USAGE}`), 2);
    } else if (a.startsWith("-")) return (out(`merge: unknown option ${a}\n${USAGE}`), 2);
    else inputs.push(a);
  }
  if (!outDir) return (out(`merge: --out DIR is required\n${USAGE}`), 2);
  if (inputs.length === 0) return (out(`merge: no shard folders or files given\n${USAGE}`), 2);
  try {
    const found = collect(inputs);
    if (found.junit.length === 0 && found.grades.length === 0)
      throw new MergeError(`nothing to merge in ${inputs.join(", ")}: no grade.json and no runner JUnit`);
    const written: string[] = [];
    fs.mkdirSync(outDir, { recursive: true });
    if (found.junit.length) {
      const file = path.join(outDir, "junit.xml");
      fs.writeFileSync(file, mergeRunnerJunit(found.junit));
      written.push(file);
    }
    if (found.grades.length) {
      const merged = mergeGrades(found.grades);
      for (const g of found.grades) if (g.dir) relocateExecuted(g.report, g.dir, outDir);
      written.push(...writeReports(merged, outDir));
    }
    out(`merged ${found.junit.length + found.grades.length} reports: ${written.join(", ")}`);
    return 0;
  } catch (e) {
    if (!(e instanceof MergeError)) throw e;
    out(`merge: ${e.message}`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
