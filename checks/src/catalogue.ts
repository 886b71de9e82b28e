/**
 * The nine drills, in order: the single source of truth for ids, titles, sections and time boxes. Notebooks carry
 * the same facts in `metadata.drills` (a test keeps them in agreement); hints, the time box, the scoreboard and the
 * grader read them from here.
 *
 * Sections follow the numbering: Easy 01–03 (array and dataframe warm-ups), Medium 04–05 (an algorithm written from
 * its definition), Expert 06–09 (models that must match PyTorch, and the design drills).
 */
export type Level = "Easy" | "Medium" | "Expert";

export const LEVELS: readonly Level[] = ["Easy", "Medium", "Expert"];

export interface DrillEntry {
  /** Notebook id and file stem: "01-zscore". */
  id: string;
  title: string;
  level: Level;
  /** The time box, 10–20 minutes. */
  minutes: number;
}

export const CATALOGUE: readonly DrillEntry[] = [
  { id: "01-zscore", title: "Z-score", level: "Easy", minutes: 10 },
  { id: "02-impute-median", title: "Median imputer", level: "Easy", minutes: 15 },
  { id: "03-sliding-windows", title: "Sliding windows", level: "Easy", minutes: 10 },
  { id: "04-binary-auc", title: "Custom AUC", level: "Medium", minutes: 15 },
  { id: "05-logreg", title: "Logistic regression from scratch", level: "Medium", minutes: 20 },
  { id: "06-mlp", title: "Minimal MLP", level: "Expert", minutes: 20 },
  { id: "07-transformer-block", title: "Transformer block (pre-norm)", level: "Expert", minutes: 20 },
  { id: "08-metrics-design", title: "Offline vs online metrics", level: "Expert", minutes: 20 },
  { id: "09-feature-store", title: "Feature store consistency", level: "Expert", minutes: 20 },
];

/**
 * Finds a drill by its id, its name without the number ("zscore") or its number ("01", 1); undefined otherwise.
 */
export function findDrill(key: string | number): DrillEntry | undefined {
  const k = String(key).trim().toLowerCase();
  const n = /^\d+$/.test(k) ? Number(k) : NaN;
  return CATALOGUE.find((d) => d.id === k || d.id.slice(3) === k || Number(d.id.slice(0, 2)) === n);
}
