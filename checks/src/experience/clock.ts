/**
 * The time box. The timer starts when this module loads in the kernel, which is when the drill's setup cell imports
 * @drills/checks: one kernel session is one drill attempt (restarting the kernel restarts the clock). Everything
 * here is arithmetic on milliseconds, so tests pass their own clock.
 */
export const sessionStart = Date.now();

export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

export function elapsedMs(now: number = Date.now(), start: number = sessionStart): number {
  return Math.max(0, now - start);
}

/** "7 min 05 s", "45 s", "1 h 02 min": whole seconds, rounded down (a pass at 9:59.9 is within 10 minutes). */
export function formatDuration(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m > 0) return `${m} min ${String(sec).padStart(2, "0")} s`;
  return `${sec} s`;
}

export interface BudgetVerdict {
  within: boolean;
  /** Budget minus elapsed: positive while time is left, negative once over. */
  marginMs: number;
  /** Elapsed as a fraction of the budget. */
  fraction: number;
}

export function againstBudget(elapsed: number, minutes: number): BudgetVerdict {
  const budget = minutes * 60_000;
  return { within: elapsed <= budget, marginMs: budget - elapsed, fraction: budget > 0 ? elapsed / budget : Infinity };
}

/** The line under a check report: time to first pass against the budget, or time used so far. */
export function timeNote(o: {
  elapsed: number;
  minutes: number;
  passed: boolean;
  firstPassMs?: number;
  hints: number;
}): string {
  const hints = o.hints === 0 ? "no hints" : o.hints === 1 ? "1 hint" : `${o.hints} hints`;
  const box = `${o.minutes}-minute time box`;
  if (o.firstPassMs !== undefined) {
    const v = againstBudget(o.firstPassMs, o.minutes);
    const verdict = v.within ? `within your ${box}` : `${formatDuration(-v.marginMs)} over your ${box}`;
    return `⏱ first pass after ${formatDuration(o.firstPassMs)} — ${verdict} (${hints}).`;
  }
  const v = againstBudget(o.elapsed, o.minutes);
  const left = v.within ? `${formatDuration(v.marginMs)} left` : `${formatDuration(-v.marginMs)} over`;
  return `⏱ ${formatDuration(o.elapsed)} into your ${box}: ${left} (${hints}).`;
}
