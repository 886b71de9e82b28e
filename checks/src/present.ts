/**
 * Shows a report where the candidate is: inside the tslab kernel as one display bundle (HTML for people, text for
 * terminals, JSON for the runner and grader), elsewhere as text on stdout. With DRILLS_STRICT=1 a report that is
 * not a pass also throws, so the cell fails and headless runs exit non-zero.
 */
import { displayBundle } from "@drills/lib";
import type { DrillReport } from "./drill";
import { DrillCheckError } from "./failure";
import { REPORT_MIME, reportHtml, reportJson, reportText } from "./render";

type Listener = (report: DrillReport) => void;
const listeners: Listener[] = [];

/** Called with every presented report (the progress log subscribes here). Returns an unsubscribe function. */
export function onReport(listener: Listener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

export function isStrict(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.DRILLS_STRICT === "1" || env.DRILLS_STRICT === "true";
}

export function present(report: DrillReport, env: NodeJS.ProcessEnv = process.env): void {
  const text = reportText(report);
  if (!displayBundle({ "text/plain": text, "text/html": reportHtml(report), [REPORT_MIME]: reportJson(report) }))
    console.log(text);
  for (const l of listeners) {
    try {
      l(report);
    } catch (e) {
      console.error(`drills: a report listener failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (isStrict(env) && report.status !== "pass") {
    const err = new DrillCheckError(`${report.drill}: ${report.status} (DRILLS_STRICT=1)\n${text}`);
    err.stack = `${err.name}: ${err.message}`; // the report is the message; a stack trace into the pack helps nobody
    throw err;
  }
}
