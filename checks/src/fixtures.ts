/**
 * Parity fixtures: JSON written by checks/fixtures/generate/*.py from Debian's numpy/pandas/scikit-learn/torch
 * (`npm run fixtures`). Each file records the generator and library versions under `meta`.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const FIXTURE_DIR = path.resolve(__dirname, "..", "fixtures");

export function loadFixture<T>(name: string): T {
  const file = path.join(FIXTURE_DIR, `${name}.json`);
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch (e) {
    throw new Error(
      `checks: cannot read fixture ${file} (${e instanceof Error ? e.message : String(e)}); run npm run fixtures`,
    );
  }
}
