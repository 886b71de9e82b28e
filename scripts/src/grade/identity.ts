/**
 * Who and what is graded. A candidate is one input folder (loose files given together form one candidate); each
 * drill is scored once per candidate. The drill comes from the notebook's `metadata.drills.id`, never from its file
 * name; the file name may carry a prefix (`alice-01-zscore.ipynb`) but must not name another drill. A second
 * notebook for a drill the candidate already submitted is flagged and scores 0.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { REGISTRY, findDrill } from "@drills/checks/meta";
import type { Notebook } from "../runner/notebook";
import { candidateDir } from "./cohort";

export interface Candidate {
  /** The folder as given (relative to the working directory), or "(files)" for loose notebooks. */
  name: string;
  folder?: string;
  /** Where the candidate's executed notebooks go inside the report folder: unique per candidate, never outside it. */
  dir: string;
  files: string[];
}

/** Candidates from the command line: each folder is one, loose files together are one. */
export function collectCandidates(inputs: string[]): Candidate[] {
  const out: Candidate[] = [];
  const loose: string[] = [];
  const used = new Set<string>();
  const dirFor = (name: string) => {
    // `../x` and `x` would share a folder: the later one gets a suffix, so no executed notebook overwrites another's.
    let dir = candidateDir(name);
    for (let n = 2; used.has(dir); n++) dir = `${candidateDir(name)}-${n}`;
    used.add(dir);
    return dir;
  };
  for (const input of inputs) {
    const stat = fs.statSync(input);
    if (stat.isDirectory()) {
      const files = fs
        .readdirSync(input)
        .filter((f) => f.endsWith(".ipynb"))
        .sort()
        .map((f) => path.join(input, f));
      const name = path.relative(process.cwd(), path.resolve(input)) || ".";
      out.push({ name, folder: input, dir: dirFor(name), files });
    } else loose.push(input);
  }
  if (loose.length) out.push({ name: "(files)", dir: dirFor("files"), files: loose });
  return out;
}

/** The registered drill a notebook says it is, or why it cannot be graded as one. */
export function drillOf(file: string, nb: Notebook): { drill: string } | { problem: string } {
  const meta = (nb.metadata as { drills?: { id?: unknown } } | undefined)?.drills?.id;
  if (typeof meta !== "string" || !findDrill(meta) || findDrill(meta)!.id !== meta) {
    return {
      problem: `not a drill notebook: metadata.drills.id is ${JSON.stringify(meta)}, expected one of ${REGISTRY.map((d) => d.id).join(", ")}`,
    };
  }
  const stem = path.basename(file, ".ipynb").toLowerCase();
  const named = REGISTRY.filter(
    (d) =>
      d.id !== meta && (stem === d.id || stem.endsWith(`-${d.id}`) || stem.endsWith(`_${d.id}`) || stem.includes(d.id)),
  );
  if (named.length) return { problem: `the file name names drill ${named[0].id}, but the notebook is drill ${meta}` };
  return { drill: meta };
}
