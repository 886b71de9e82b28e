/**
 * Run All against the bare-kernel floor: each drill's exercise and solution notebook run alone, as a ratio to a
 * kernel that only evaluates `1+1`; the setup cell alone; and kernel start with and without the V8 code cache.
 * Goals (issue 14): Run All ≤ 1.5× the floor for drills 01–06, 08, 09 and ≤ 2× for 07; setup cell ≤ floor + 0.5 s.
 * Each line shows the CPU ratio (runner + kernel, steady under load; the verdict uses it) and the wall ratio. CPU
 * runs above wall: V8 optimises on background threads (about 1 s of a bare kernel's 2.5 s CPU), so it is the
 * stricter of the two.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { readNotebook } from "../runner/notebook";
import { bareFloor, runAlone, type Alone, scratch, signedSeconds, writeNotebook } from "./floor";
import { median, registerSection, verdict } from "./sections";

const goalFor = (drill: string) => (drill.startsWith("07") ? 2 : 1.5);

function drillNotebooks(kind: "exercises" | "solutions"): string[] {
  const dir = path.join(PROJECT_ROOT, "notebooks", kind);
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".ipynb"))
        .sort()
        .map((f) => path.join(dir, f))
    : [];
}

registerSection(
  "run-all",
  "Run All of each exercise and solution, alone, as a ratio to the bare-kernel floor",
  async (context) => {
    const floor = bareFloor(context);
    for (const kind of ["exercises", "solutions"] as const) {
      for (const file of drillNotebooks(kind)) {
        const drill = path.basename(file, ".ipynb");
        const r = runAlone(context, file);
        const cpu = r.cpuMs / floor.cpuMs;
        const label = `${kind.slice(0, -1)} ${drill}${r.passed ? "" : " (failed)"}`;
        context.print(
          verdict(
            label,
            `${cpu.toFixed(2)}× CPU, ${(r.wallMs / floor.wallMs).toFixed(2)}× wall`,
            `≤ ${goalFor(drill)}× floor`,
            cpu <= goalFor(drill),
          ),
        );
      }
    }
  },
);

registerSection(
  "setup-cell",
  "each solution's first code cell (its setup) alone, beyond a bare kernel run in turn with it",
  async (context) => {
    const dir = scratch(context);
    const bare = writeNotebook(path.join(dir, "setup-bare.ipynb"), ["1+1"]);
    for (const file of drillNotebooks("solutions")) {
      const setup = readNotebook(file).cells.find((c) => c.cell_type === "code");
      if (!setup) continue;
      const source = Array.isArray(setup.source) ? setup.source.join("") : String(setup.source);
      const probe = writeNotebook(path.join(dir, `setup-${path.basename(file)}`), [source]);
      // A bare kernel and the setup in turns, 3 pairs, and the median of the pairs' differences: a one-cell run
      // swings by ±0.2 s as the machine's load drifts, and a floor measured minutes earlier drifts with it.
      const pairs = Array.from({ length: 3 }, () => [runAlone(context, bare), runAlone(context, probe)] as const);
      const runs = pairs.map(([, r]) => r);
      const extra = median(pairs.map(([b, r]) => r.cpuMs - b.cpuMs));
      const extraWall = median(pairs.map(([b, r]) => r.wallMs - b.wallMs));
      context.print(
        verdict(
          `setup of ${path.basename(file, ".ipynb")}${runs.every((r) => r.passed) ? "" : " (failed)"}`,
          `${signedSeconds(extra)} CPU, ${signedSeconds(extraWall)} wall`,
          "≤ +0.50 s",
          extra <= 500,
        ),
      );
    }
  },
);

registerSection(
  "kernel-start",
  "bare kernel with the V8 code cache (kernelspec preload) against DRILLS_CODE_CACHE=off",
  async (context) => {
    const file = writeNotebook(path.join(scratch(context), "bare-cache.ipynb"), ["1+1"]);
    const on: Alone[] = [];
    const off: Alone[] = [];
    for (let i = 0; i < 5; i++) {
      // Interleaved, so a change in machine load hits both sides alike.
      on.push(runAlone(context, file));
      off.push(runAlone(context, file, { ...process.env, DRILLS_CODE_CACHE: "off" }));
    }
    const show = (runs: Alone[]) =>
      runs.map((r) => `${(r.cpuMs / 1000).toFixed(2)}/${(r.wallMs / 1000).toFixed(2)}`).join("  ");
    context.print(`cache on  (CPU/wall s): ${show(on)}`);
    context.print(`cache off (CPU/wall s): ${show(off)}`);
    const cpu = median(on.map((r) => r.cpuMs)) / median(off.map((r) => r.cpuMs));
    const wall = median(on.map((r) => r.wallMs)) / median(off.map((r) => r.wallMs));
    context.print(
      verdict(
        "kernel start, cache on / off (medians of 5)",
        `${cpu.toFixed(2)}× CPU, ${wall.toFixed(2)}× wall`,
        "< 1× (reported)",
        cpu < 1,
      ),
    );
  },
);
