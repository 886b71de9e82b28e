/** The facts of a drill that every tool needs, with no library behind them: `@drills/checks/meta` is side-effect free. */
export type Level = "Easy" | "Medium" | "Expert";

export const LEVELS: readonly Level[] = ["Easy", "Medium", "Expert"];

export interface PartMeta {
  /** Stable key within the drill: "zscore", "polars". */
  id: string;
  title: string;
  /** The check function a notebook's check cell calls: "checkZscore". */
  check: string;
  /**
   * What the check cell passes it, as an expression in the candidate's notebook ("zscore",
   * "{ rocCurve: rocCurve, binaryAuc: binaryAuc }"): the grader evaluates the same expression in the candidate's
   * kernel to reach their code.
   */
  entry: string;
  /** Optional parts beyond the time box, with their difficulty; the core has none. */
  stretch?: "★★" | "★★★";
  /** False for self-assessment parts (a written answer's keyword rubric): shown, never scored. */
  graded?: boolean;
  /** Progressive hints, re-readable: a nudge each, never the answer. */
  hints: readonly string[];
  /** Shown when every case passes: why this answer is right. */
  why?: string;
}

export interface DrillMeta {
  /** Notebook id and file stem: "01-zscore". */
  id: string;
  title: string;
  level: Level;
  /** The time box of the core, in minutes. */
  minutes: number;
  parts: readonly PartMeta[];
}
