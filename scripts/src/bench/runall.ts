/**
 * Run All against the bare-kernel floor: each drill's exercise and solution notebook run alone, as a ratio to a
 * kernel that only evaluates `1+1`; the setup cell alone; and kernel start with and without the V8 code cache.
 * Goals (issue 14): Run All ≤ 1.5× the floor for drills 01–06, 08, 09 and ≤ 2× for 07; setup cell ≤ floor + 0.5 s.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { readNotebook } from "../runner/notebook";
import { bareFloorMs, runAlone, scratch, seconds, writeNotebook } from "./floor";
import { median, registerSection, verdict } from "./sections";

const goalFor = (drill: string) => (drill.startsWith("07") ? 2 : 1.5);

function drillNotebooks(kind: "exercises" | "solutions"): string[] {
  const dir = path.join(PROJECT_ROOT, "notebooks", kind);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(dir, f)) : [];
}

registerSection("run-all", "Run All of each exercise and solution, alone, as a ratio to the bare-kernel floor", async (context) => {
  const floor = await bareFloorMs(context);
  for (const kind of ["exercises", "solutions"] as const) {
    for (const file of drillNotebooks(kind)) {
      const drill = path.basename(file, ".ipynb");
      const r = await runAlone(file);
      const ratio = r.durationMs / floor;
      const label = `${kind.slice(0, -1)} ${drill}${r.passed ? "" : " (failed)"}`;
      context.print(verdict(label, `${ratio.toFixed(2)}× (${seconds(r.durationMs)})`, `≤ ${goalFor(drill)}× floor`, ratio <= goalFor(drill)));
    }
  }
});

registerSection("setup-cell", "each solution's first code cell (its setup) alone, beyond the bare-kernel floor", async (context) => {
  const floor = await bareFloorMs(context);
  const dir = scratch(context);
  for (const file of drillNotebooks("solutions")) {
    const setup = readNotebook(file).cells.find((c) => c.cell_type === "code");
    if (!setup) continue;
    const source = Array.isArray(setup.source) ? setup.source.join("") : String(setup.source);
    const probe = writeNotebook(path.join(dir, `setup-${path.basename(file)}`), [source]);
    const r = await runAlone(probe);
    const extra = r.durationMs - floor;
    context.print(verdict(`setup of ${path.basename(file, ".ipynb")}${r.passed ? "" : " (failed)"}`, `+${seconds(extra)}`, "≤ +0.50 s", extra <= 500));
  }
});

registerSection("kernel-start", "bare kernel with the V8 code cache (kernelspec preload) against DRILLS_CODE_CACHE=off", async (context) => {
  const file = writeNotebook(path.join(scratch(context), "bare-cache.ipynb"), ["1+1"]);
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < 5; i++) {
    // Interleaved, so a change in machine load hits both sides alike.
    on.push((await runAlone(file)).durationMs);
    off.push((await runAlone(file, { ...process.env, DRILLS_CODE_CACHE: "off" })).durationMs);
  }
  context.print(`cache on:  ${on.map((t) => (t / 1000).toFixed(2)).join(", ")} s`);
  context.print(`cache off: ${off.map((t) => (t / 1000).toFixed(2)).join(", ")} s`);
  const ratio = median(on) / median(off);
  context.print(verdict("kernel start, cache on / off (median of 5)", `${ratio.toFixed(2)}×`, "< 1× (reported)", ratio < 1));
});
