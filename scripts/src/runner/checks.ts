/**
 * Check reports shown by the checks library (MIME `application/vnd.drills.check+json`), read with the one report
 * schema (@drills/checks/meta). A notebook may show several; re-running a check replaces its earlier result (keyed
 * by drill, part and case id — prose names are free to change).
 */
import { REPORT_MIME, parseReport, rollUp, type Status } from "@drills/checks/meta";
import { Notebook } from "./notebook";

export const CHECK_MIME = REPORT_MIME;

export type CheckStatus = Status;

export interface Check {
  id: string;
  part: string;
  name: string;
  status: CheckStatus;
  message?: string;
  /** Time the case took, ms. */
  ms: number;
}

export interface DrillReport {
  drill: string;
  title: string;
  status: CheckStatus;
  checks: Check[];
}

export function collectChecks(notebook: Notebook): DrillReport[] {
  const drills = new Map<string, { title: string; checks: Map<string, Check> }>();
  for (const cell of notebook.cells) {
    for (const output of cell.outputs ?? []) {
      const report = parseReport(output.data?.[CHECK_MIME]);
      if (!report) continue;
      const drill = drills.get(report.drill) ?? { title: report.title, checks: new Map() };
      for (const c of report.checks)
        drill.checks.set(`${report.part}/${c.id}`, {
          id: c.id,
          part: report.part,
          name: c.name,
          status: c.status,
          ms: c.ms,
          ...(c.message ? { message: c.message } : {}),
        });
      drills.set(report.drill, drill);
    }
  }
  // Derived from the checks rather than taken from a bundle, because a re-run may have replaced only some checks.
  return [...drills].map(([drill, { title, checks }]) => {
    const list = [...checks.values()];
    return { drill, title, status: rollUp(list.map((c) => c.status)), checks: list };
  });
}
