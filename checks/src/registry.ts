/**
 * The registry: the one list of drills, in order. Everything else derives from it — the catalogue the scoreboard
 * shows, the check functions notebooks import, hints, hidden-case properties, the tamper guard's names and the
 * grade totals. Adding a drill is: its folder under drills/ (meta, calls, checks, hidden), one line here, its
 * solution notebook, and its fixture generator.
 *
 * Sections follow the numbering: Easy 01–02, Medium 03–05 (an algorithm written from its definition), Expert 06–09
 * (models that must match PyTorch, and the design drills).
 */
import type { DrillMeta, PartMeta } from "./meta-types";
import { meta as zscore } from "./drills/01-zscore/meta";
import { meta as imputeMedian } from "./drills/02-impute-median/meta";
import { meta as slidingWindows } from "./drills/03-sliding-windows/meta";
import { meta as binaryAuc } from "./drills/04-binary-auc/meta";
import { meta as logreg } from "./drills/05-logreg/meta";
import { meta as mlp } from "./drills/06-mlp/meta";
import { meta as transformerBlock } from "./drills/07-transformer-block/meta";
import { meta as metricsDesign } from "./drills/08-metrics-design/meta";
import { meta as featureStore } from "./drills/09-feature-store/meta";

export type { DrillMeta, PartMeta, Level } from "./meta-types";
export { LEVELS } from "./meta-types";

const DRILLS: DrillMeta[] = [
  zscore,
  imputeMedian,
  slidingWindows,
  binaryAuc,
  logreg,
  mlp,
  transformerBlock,
  metricsDesign,
  featureStore,
];

/** Every drill, in order. */
export const REGISTRY: readonly DrillMeta[] = DRILLS;

/** @deprecated the registry under its old name. */
export const CATALOGUE = REGISTRY;
/** @deprecated */
export type DrillEntry = DrillMeta;

const ID = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Adds a drill at the end (tests build a throwaway one to prove every tool picks it up). Returns a function that
 * removes it again.
 */
export function registerDrill(meta: DrillMeta): () => void {
  if (!ID.test(meta.id))
    throw new Error(`registerDrill: id should look like "10-name", got ${JSON.stringify(meta.id)}`);
  if (DRILLS.some((d) => d.id === meta.id)) throw new Error(`registerDrill: ${meta.id} is already registered`);
  DRILLS.push(meta);
  return () => {
    const i = DRILLS.indexOf(meta);
    if (i >= 0) DRILLS.splice(i, 1);
  };
}

/**
 * Finds a drill by its id, its name without the number ("zscore") or its number ("01", 1); undefined otherwise.
 */
export function findDrill(key: string | number): DrillMeta | undefined {
  const k = String(key).trim().toLowerCase();
  const n = /^\d+$/.test(k) ? Number(k) : NaN;
  return REGISTRY.find((d) => d.id === k || d.id.slice(3) === k || Number(d.id.slice(0, 2)) === n);
}

/** A part of a drill by id; undefined when either is unknown. */
export function findPart(drill: string | number, part: string): PartMeta | undefined {
  return findDrill(drill)?.parts.find((p) => p.id === part);
}

/** Every check function name, with its drill and part: the tamper guard's list and the grader's map. */
export function checkFunctions(): { name: string; drill: DrillMeta; part: PartMeta }[] {
  return REGISTRY.flatMap((drill) => drill.parts.map((part) => ({ name: part.check, drill, part })));
}
