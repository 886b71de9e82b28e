/**
 * Check latency, from the runner's run of the solution notebooks. Two numbers per cell tagged `check`:
 * - the check call itself: the sum of its cases' times, as the report's JSON records them;
 * - the cell as the candidate waits for it: the kernel's busy time, which adds tslab's type-check of the cell
 *   (a few hundred ms when tfjs types are in scope — a floor no check can lower).
 * Goals per case (each check in a report carries its own `ms`): median ≤ 100 ms, maximum ≤ 1 s.
 */
import * as path from "node:path";
import { CHECK_MIME } from "../runner/checks";
import { median, registerSection, verdict } from "./sections";
import { runRunner } from "./runner";

const TARGET_MS = 250;
const CASE_MEDIAN_MS = 100;
const CASE_MAX_MS = 1000;

/** Every case's own time, named `drill › case`, from the check reports a cell rendered. */
function caseTimes(outputs: unknown[]): { name: string; ms: number }[] {
  const out: { name: string; ms: number }[] = [];
  for (const o of outputs as { data?: Record<string, unknown> }[]) {
    const report = o.data?.[CHECK_MIME] as { drill?: string; checks?: { name?: string; ms?: number }[] } | undefined;
    for (const c of report?.checks ?? [])
      if (typeof c.ms === "number") out.push({ name: `${report!.drill ?? "?"} › ${c.name ?? "?"}`, ms: c.ms });
  }
  return out;
}

/** Sum of case times over the check reports a cell rendered. */
function checkCallMs(outputs: unknown[]): number | undefined {
  let total: number | undefined;
  for (const o of outputs as { data?: Record<string, unknown> }[]) {
    const report = o.data?.[CHECK_MIME] as { checks?: { ms?: number }[] } | undefined;
    if (!report?.checks) continue;
    total = (total ?? 0) + report.checks.reduce((s, c) => s + (c.ms ?? 0), 0);
  }
  return total;
}

registerSection("check-latency", "time of each check call, and of its cell, in the notebooks", async (context) => {
  const { results } = await runRunner(context);
  const rows: { name: string; callMs: number; cellMs: number }[] = [];
  const cases: { name: string; ms: number }[] = [];
  for (const r of results) {
    const cells = r.notebook?.cells ?? [];
    for (const c of r.cells) {
      const cell = cells[c.index];
      const tags = (cell?.metadata?.tags as string[] | undefined) ?? [];
      const callMs = checkCallMs(cell?.outputs ?? []);
      if (tags.includes("check")) cases.push(...caseTimes(cell?.outputs ?? []));
      if (tags.includes("check") && c.status === "ok" && callMs !== undefined) {
        rows.push({ name: `${path.basename(r.path, ".ipynb")}/${c.id}`, callMs, cellMs: c.busyMs });
      }
    }
  }
  if (rows.length === 0) {
    context.print("no check reports found (are these drill notebooks?)");
    return;
  }
  context.print(`  ${"check cell".padEnd(46)} ${"call".padStart(8)} ${"cell".padStart(8)}`);
  for (const row of rows)
    context.print(
      `  ${row.name.padEnd(46)} ${row.callMs.toFixed(0).padStart(5)} ms ${row.cellMs.toFixed(0).padStart(5)} ms`,
    );
  const call = median(rows.map((r) => r.callMs));
  const cell = median(rows.map((r) => r.cellMs));
  context.print(
    verdict(`check call, median of ${rows.length}`, `${call.toFixed(0)} ms`, `≤ ${TARGET_MS} ms`, call <= TARGET_MS),
  );
  context.print(verdict("check cell incl. tslab compile, median", `${cell.toFixed(0)} ms`, "(reported)", undefined));
  const slow = rows.filter((r) => r.callMs > TARGET_MS).map((r) => r.name);
  if (slow.length) context.print(`     calls over ${TARGET_MS} ms: ${slow.join(", ")}`);
  if (cases.length === 0) return;
  const caseMedian = median(cases.map((c) => c.ms));
  const worst = cases.reduce((a, b) => (b.ms > a.ms ? b : a));
  context.print(
    verdict(
      `per case, median of ${cases.length}`,
      `${caseMedian.toFixed(0)} ms`,
      `≤ ${CASE_MEDIAN_MS} ms`,
      caseMedian <= CASE_MEDIAN_MS,
    ),
  );
  context.print(
    verdict("per case, maximum", `${worst.ms.toFixed(0)} ms`, `≤ ${CASE_MAX_MS} ms`, worst.ms <= CASE_MAX_MS),
  );
  context.print(`     slowest case: ${worst.name}`);
  const over = cases.filter((c) => c.ms > CASE_MAX_MS).map((c) => `${c.name} (${c.ms.toFixed(0)} ms)`);
  if (over.length) context.print(`     cases over ${CASE_MAX_MS} ms: ${over.join(", ")}`);
});
