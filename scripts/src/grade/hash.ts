/** Check cells by content. */
import { createHash } from "node:crypto";

/** Line endings and trailing whitespace do not count as edits (editors and Jupyter differ on them). */
export function contentHash(source: string): string {
  const canonical = source
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}
