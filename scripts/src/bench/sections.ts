/**
 * The benchmark is a list of named sections run in registration order. Other tools add theirs (check latency,
 * MLP training, …) with `registerSection` from a module that `cli.ts` imports; a section prints its own lines and
 * targets, and may leave values in `shared` for later sections.
 */
export interface BenchContext {
  /** Notebooks to benchmark over (solutions if there are any, else the runner's passing fixtures). */
  notebooks: string[];
  /** Parallelism for runner sections: the number of cores unless --jobs says otherwise. */
  jobs: number;
  /** A scratch directory removed after the run. */
  workDir: string;
  print(line: string): void;
  shared: Map<string, unknown>;
}

export type SectionFn = (context: BenchContext) => Promise<void>;

export interface Section {
  name: string;
  description: string;
  run: SectionFn;
}

const sections: Section[] = [];

export function registerSection(name: string, description: string, run: SectionFn): void {
  if (sections.some((s) => s.name === name)) throw new Error(`bench section "${name}" is registered twice`);
  sections.push({ name, description, run });
}

export function listSections(): readonly Section[] {
  return sections;
}

/** `measured vs target` in one consistent shape, so every section's verdicts line up. */
export function verdict(label: string, measured: string, target: string, met: boolean | undefined): string {
  const mark = met === undefined ? "    " : met ? "ok  " : "MISS";
  return `${mark} ${label.padEnd(42)} ${measured.padEnd(14)} target ${target}`;
}

/** The middle value (upper middle for even counts): robust to one slow run. */
export const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
