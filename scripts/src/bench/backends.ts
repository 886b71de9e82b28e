/** Shared by the tfjs sections: switch backend, or say why it is not available here (not a section module). */
import { activateBackend, type BackendName } from "@drills/lib";

export const BENCH_BACKENDS: BackendName[] = ["tensorflow", "wasm", "cpu"];

export async function tryBackend(name: BackendName): Promise<string | undefined> {
  try {
    await activateBackend(name);
    return undefined;
  } catch (e) {
    return `not available (${(e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 80)})`;
  }
}
