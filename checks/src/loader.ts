/**
 * A drill's modules by convention, from its folder: `drills/<id>/checks` (the judge side: cases, oracles, hidden
 * properties) and `drills/<id>/calls` (the kernel side). Only registered ids are loaded, so an id is never a path.
 */
import * as path from "node:path";
import type { Check } from "./drill";
import type { Calls } from "./outcome";
import type { HiddenProperty } from "./hidden-property";
import { REGISTRY } from "./registry";

export interface DrillModule {
  /** One check per part, by part id. */
  checks: Record<string, Check>;
  /** Hidden-case properties by name; each names its part. */
  hidden?: Record<string, HiddenProperty>;
}

const folder = (id: string): string => {
  if (!REGISTRY.some((d) => d.id === id))
    throw new Error(`no drill ${JSON.stringify(id)} in the registry (${REGISTRY.map((d) => d.id).join(", ")})`);
  return path.join(__dirname, "drills", id);
};

/** Where a drill's compiled modules are looked up; tests point a throwaway drill elsewhere. */
const overrides = new Map<string, string>();
export function setDrillFolder(id: string, dir: string): () => void {
  overrides.set(id, dir);
  return () => overrides.delete(id);
}

export function loadDrill(id: string): DrillModule {
  return require(path.join(overrides.get(id) ?? folder(id), "checks")) as DrillModule;
}

export function loadCalls(id: string): Calls {
  return (require(path.join(overrides.get(id) ?? folder(id), "calls")) as { calls: Calls }).calls;
}
