/**
 * Which tfjs backend the drills run on, and why.
 *
 * Correctness before speed: the wasm backend accumulates reductions in float32 (the mean of 1e6 values is off by
 * ~1%, and the variance of 1e4 + N(0,1) comes out in the thousands), while the cpu backend accumulates in float64.
 * So the order is: native `tensorflow` (fast and accurate) when @tensorflow/tfjs-node loads, else `cpu`; `wasm`
 * only when asked for. DRILLS_BACKEND=tensorflow|cpu|wasm forces a choice.
 */
import { ValueError } from "./errors";
import { loadTfjs } from "./tfjs";

export type BackendName = "tensorflow" | "cpu" | "wasm";
export const BACKENDS: readonly BackendName[] = ["tensorflow", "cpu", "wasm"];

export interface BackendChoice {
  name: BackendName;
  reason: string;
}

let chosen: BackendChoice | undefined;

/** Tries to register the native backend; false when tfjs-node or its libtensorflow is missing. */
function loadNative(): boolean {
  const tf = loadTfjs();
  try {
    require("@tensorflow/tfjs-node");
    return tf.findBackend("tensorflow") !== null || tf.engine().registryFactory["tensorflow"] !== undefined;
  } catch {
    return false;
  }
}

function loadWasm(): void {
  require("@tensorflow/tfjs-backend-wasm");
}

function requested(): BackendName | undefined {
  const v = process.env.DRILLS_BACKEND?.trim();
  if (!v) return undefined;
  if (!(BACKENDS as readonly string[]).includes(v)) {
    throw new ValueError(`DRILLS_BACKEND: expected one of ${BACKENDS.join(", ")}, got ${JSON.stringify(v)}`);
  }
  return v as BackendName;
}

/** Switches tfjs to the named backend (loading wasm or the native library as needed); throws when it cannot. */
export async function activateBackend(name: BackendName): Promise<void> {
  const tf = loadTfjs();
  if (name === "tensorflow" && !loadNative()) throw new Error("@tensorflow/tfjs-node (libtensorflow) did not load");
  if (name === "wasm") loadWasm();
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not initialise the ${name} backend`);
  await tf.ready();
  // The cpu backend prints a multi-line "install tfjs-node" banner on its first tensor; the notebook's backend line
  // already says which backend runs and why, so mark the banner as shown.
  if (name === "cpu") (tf.backend() as unknown as { firstUse: boolean }).firstUse = false;
}

/**
 * Picks and initialises the backend once per process; later calls return the same choice.
 * Call (and await) it before any tensor op.
 */
export async function useBackend(): Promise<BackendChoice> {
  const tf = loadTfjs();
  const forced = requested();
  if (chosen && tf.getBackend() === chosen.name && (!forced || forced === chosen.name)) return chosen;
  if (forced === "tensorflow" && !loadNative()) {
    throw new ValueError(
      "DRILLS_BACKEND: expected a loadable @tensorflow/tfjs-node for 'tensorflow', but it failed to load " +
        "(its install downloads libtensorflow; check `npm ls @tensorflow/tfjs-node`)",
    );
  }
  if (forced) {
    await activateBackend(forced);
    chosen = { name: forced, reason: "forced by DRILLS_BACKEND" };
  } else if (loadNative()) {
    await activateBackend("tensorflow");
    chosen = { name: "tensorflow", reason: "native libtensorflow via @tensorflow/tfjs-node" };
  } else {
    await activateBackend("cpu");
    chosen = {
      name: "cpu",
      reason: "@tensorflow/tfjs-node is not installed; cpu reduces in float64 (wasm sums in float32)",
    };
  }
  return chosen;
}

/** The one line each notebook shows. */
export function describeBackend(c: BackendChoice): string {
  return `tfjs backend: ${c.name} (${c.reason})`;
}
