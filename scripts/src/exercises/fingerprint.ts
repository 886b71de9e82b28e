/**
 * A generated exercise records a hash of its cells' sources. If the file on disk no longer matches its own
 * hash, a person edited it (a candidate's answers live there), so the builder will not overwrite it unasked.
 * Outputs are not hashed: running a notebook is not editing it.
 */
import { createHash } from "node:crypto";
import { type Notebook, sourceOf } from "./ipynb";

export function fingerprint(nb: Notebook): string {
  const cells = nb.cells.map((c) => [c.id ?? "", c.cell_type, sourceOf(c)]);
  return createHash("sha256").update(JSON.stringify(cells)).digest("hex");
}

export function stamp(nb: Notebook): Notebook {
  const drills = { ...((nb.metadata.drills as object) ?? {}), source_sha256: fingerprint(nb) };
  return { ...nb, metadata: { ...nb.metadata, drills } };
}

/** True when the notebook carries a stamp and its cells no longer match it. */
export function isEdited(nb: Notebook): boolean {
  const recorded = (nb.metadata.drills as { source_sha256?: string } | undefined)?.source_sha256;
  return recorded !== undefined && recorded !== fingerprint(nb);
}
