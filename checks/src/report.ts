/**
 * The one report schema: what a check shows in a notebook as JSON (MIME `application/vnd.drills.check+json`), read
 * back by the runner, the scoreboard and JUnit. Case ids are the keys; prose names are free to change. Reports
 * written before ids existed (v1) still parse: their ids fall back to a slug of the case's name.
 *
 * Nothing here imports a library: the runner and the scoreboard load it without tfjs.
 */
export type Status = "pass" | "fail" | "todo" | "error";

export const STATUSES: readonly Status[] = ["pass", "fail", "todo", "error"];

export const REPORT_MIME = "application/vnd.drills.check+json";

export const REPORT_VERSION = 2;

export interface CheckJson {
  id: string;
  name: string;
  status: Status;
  /** The rendered failure (one template: render.ts). */
  message?: string;
  ms: number;
  points?: number;
  hidden?: boolean;
  inKernel?: boolean;
}

export interface ReportJson {
  v: number;
  drill: string;
  part: string;
  title: string;
  status: Status;
  checks: CheckJson[];
}

/**
 * One roll-up rule everywhere: error beats fail beats todo beats pass. A crashed check must never hide behind a
 * todo, and a wrong answer is news even while another function is still a stub. No cases at all is todo.
 */
export function rollUp(statuses: readonly Status[]): Status {
  if (statuses.length === 0) return "todo";
  for (const s of ["error", "fail", "todo"] as const) if (statuses.includes(s)) return s;
  return "pass";
}

/** A slug from a prose name: the id of a case reported before ids existed. */
export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
  return s || "case";
}

const asStatus = (v: unknown): Status => (STATUSES.includes(v as Status) ? (v as Status) : "error");

/** Parses a report bundle (nbformat stores JSON MIME data as an object; a kernel may send text). */
export function parseReport(value: unknown): ReportJson | undefined {
  let data: any = value;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (!data || typeof data !== "object" || typeof data.drill !== "string" || !Array.isArray(data.checks))
    return undefined;
  const checks: CheckJson[] = [];
  for (const c of data.checks) {
    if (!c || typeof c.name !== "string") continue;
    checks.push({
      id: typeof c.id === "string" && c.id ? c.id : slug(c.name),
      name: c.name,
      status: asStatus(c.status),
      ms: typeof c.ms === "number" && Number.isFinite(c.ms) ? c.ms : 0,
      ...(typeof c.message === "string" ? { message: c.message } : {}),
      ...(typeof c.points === "number" ? { points: c.points } : {}),
      ...(c.hidden === true ? { hidden: true } : {}),
      ...(c.inKernel === true ? { inKernel: true } : {}),
    });
  }
  const title = typeof data.title === "string" ? data.title : data.drill;
  // v1 had no part: its title told the checks of one notebook apart.
  const part = typeof data.part === "string" && data.part ? data.part : slug(title);
  return {
    v: typeof data.v === "number" ? data.v : 1,
    drill: data.drill,
    part,
    title,
    status: rollUp(checks.map((c) => c.status)),
    checks,
  };
}
