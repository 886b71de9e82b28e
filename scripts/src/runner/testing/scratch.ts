/** Throw-away notebooks for the attack specs: a temp folder, and notebooks written from cell sources. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export interface ScratchCell {
  source: string;
  metadata?: Record<string, unknown>;
}

export class Scratch {
  readonly dir: string;

  /** `base`: where the folder goes; under the project when a notebook must resolve its packages. */
  constructor(base = os.tmpdir(), prefix = "runner-attack-") {
    fs.mkdirSync(base, { recursive: true });
    this.dir = fs.mkdtempSync(path.join(base, prefix));
  }

  path(...parts: string[]): string {
    return path.join(this.dir, ...parts);
  }

  notebook(name: string, cells: (string | ScratchCell)[], metadata: Record<string, unknown> = {}): string {
    const file = this.path(name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const json = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript" }, ...metadata },
      cells: cells.map((cell, i) => {
        const { source, metadata: cellMetadata = {} } = typeof cell === "string" ? { source: cell } : cell;
        return { cell_type: "code", id: `c${i}`, metadata: cellMetadata, source, outputs: [], execution_count: null };
      }),
    };
    fs.writeFileSync(file, JSON.stringify(json));
    return file;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
