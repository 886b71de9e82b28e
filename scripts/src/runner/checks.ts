/**
 * Check reports emitted by the checks library as display_data with MIME `application/vnd.drills.check+json`.
 * A notebook may show several; re-running a check replaces its earlier result (keyed by drill and check name).
 */
import { Notebook } from "./notebook";

export const CHECK_MIME = "application/vnd.drills.check+json";

export type CheckStatus = "pass" | "fail" | "todo" | "error";

export interface Check {
  name: string;
  status: CheckStatus;
  message?: string;
  /** How long the check took in the kernel (the report's `ms`), when the report says. */
  ms?: number;
}

export interface DrillReport {
  drill: string;
  title: string;
  status: "pass" | "fail" | "todo";
  checks: Check[];
}

export function collectChecks(notebook: Notebook): DrillReport[] {
  const drills = new Map<string, { title: string; checks: Map<string, Check> }>();
  for (const cell of notebook.cells) {
    for (const output of cell.outputs ?? []) {
      const bundle = parseBundle(output.data?.[CHECK_MIME]);
      if (!bundle) continue;
      const drill = drills.get(bundle.drill) ?? { title: bundle.title, checks: new Map() };
      drill.title = bundle.title || drill.title;
      for (const check of bundle.checks) drill.checks.set(check.name, check);
      drills.set(bundle.drill, drill);
    }
  }
  return [...drills].map(([drill, { title, checks }]) => {
    const list = [...checks.values()];
    return { drill, title, status: drillStatus(list), checks: list };
  });
}

/** Derived from the checks rather than taken from a bundle, because a re-run may have replaced only some checks. */
function drillStatus(checks: Check[]): DrillReport["status"] {
  if (checks.some((c) => c.status === "fail" || c.status === "error")) return "fail";
  if (checks.some((c) => c.status === "todo") || checks.length === 0) return "todo";
  return "pass";
}

function parseBundle(value: unknown): { drill: string; title: string; checks: Check[] } | undefined {
  let data: any = value;
  // nbformat stores JSON MIME types as objects, but a kernel may send the text.
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (!data || typeof data.drill !== "string" || !Array.isArray(data.checks)) return undefined;
  const checks = data.checks
    .filter((c: any) => c && typeof c.name === "string")
    .map((c: any) => ({ name: c.name, status: ["pass", "fail", "todo", "error"].includes(c.status) ? c.status : "error", ...(typeof c.message === "string" ? { message: c.message } : {}), ...(Number.isFinite(c.ms) && c.ms >= 0 ? { ms: c.ms } : {}) }));
  return { drill: data.drill, title: typeof data.title === "string" ? data.title : data.drill, checks };
}
