/**
 * Shared by the model sections (not a section module): switch tfjs backend or say why it is unavailable, run a
 * drill's PyTorch peer script, sweep every backend then PyTorch, and print the native-only verdicts.
 */
import { spawnSync } from "node:child_process";
import * as tf from "@tensorflow/tfjs";
import { activateBackend, type BackendName } from "@drills/lib";
import { verdict } from "./sections";

export const BENCH_BACKENDS: BackendName[] = ["tensorflow", "wasm", "cpu"];
const PYTHON = "/usr/bin/python3";

export async function tryBackend(name: BackendName): Promise<string | undefined> {
  try {
    await activateBackend(name);
    return undefined;
  } catch (e) {
    return `not available (${(e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 80)})`;
  }
}

/** Runs a PyTorch peer script with Debian's python; its last stdout line is JSON. `note` says why it could not. */
export function runTorch<T>(script: string, args: (string | number)[], timeoutMs: number): { out?: T; note?: string } {
  const r = spawnSync(PYTHON, [script, ...args.map(String)], { encoding: "utf8", timeout: timeoutMs });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : (r.stderr || "").trim().split("\n").pop();
    return { note: `not available (${why})` };
  }
  return { out: JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as T };
}

/** Every tfjs backend that loads, then PyTorch; the backend in use before is restored. */
export async function sweep<R>(tfjs: (b: BackendName) => Promise<R>, torch: () => R): Promise<R[]> {
  const before = tf.getBackend();
  const rows: R[] = [];
  for (const backend of BENCH_BACKENDS) rows.push(await tfjs(backend));
  rows.push(torch());
  if (before) await tf.setBackend(before);
  return rows;
}

export interface TimedRow {
  runtime: string;
}

/**
 * One verdict per tfjs row against PyTorch. The target binds the native backend only; cpu and wasm are reported
 * for what they reach.
 */
export function torchVerdicts<R extends TimedRow>(
  rows: R[],
  ms: (r: R) => number | undefined,
  label: string,
  limit: number,
  print: (s: string) => void,
): void {
  const torch = rows.find((r) => r.runtime.startsWith("PyTorch"));
  const ref = torch && ms(torch);
  for (const r of rows) {
    const t = ms(r);
    if (r === torch || t === undefined || !ref) continue;
    const native = r.runtime === "tfjs tensorflow";
    const ratio = t / ref;
    print(
      verdict(
        `${r.runtime} ${label} vs PyTorch`,
        `${ratio.toFixed(1)}×`,
        native ? `≤ ${limit}× PyTorch` : `≤ ${limit}× (native only)`,
        native ? ratio <= limit : undefined,
      ),
    );
  }
}
