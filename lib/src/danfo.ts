/**
 * Loading danfojs without breaking tfjs (see loadDanfo).
 */
import type { Danfo } from "./danfo-types";

let danfo: Danfo | undefined;

/**
 * danfojs 1.2.0 bundles its own tfjs 3. Loading it after tfjs 4 re-registers every kernel of tfjs 4's backends
 * in the registry both copies share (tfjs keeps it on globalThis), printing 335 "already registered" warnings
 * and leaving tfjs 4 running tfjs 3's kernels (gradients are replaced silently). So: load danfo once, lazily,
 * with warnings muted, then put tfjs 4's kernels and gradients back. Notebooks use this instead of require.
 *
 * The type comes from the caller (`const dfd: typeof D = loadDanfo()`, or `Danfo` from
 * "@drills/lib/dist/danfo-types"): naming danfojs's types here would make tslab check them in every notebook.
 */
export function loadDanfo<T = unknown>(): T {
  if (danfo) return danfo as T;
  const tf = require("@tensorflow/tfjs") as typeof import("@tensorflow/tfjs");
  const kernels = Object.keys(tf.engine().registryFactory).flatMap((b) => tf.getKernelsForBackend(b));
  const grads = [...new Set(kernels.map((k) => k.kernelName))].map((n) => tf.getGradient(n)).filter((g) => g !== undefined);
  const warn = console.warn;
  console.warn = () => {};
  try {
    // danfojs's types resolve only through its "exports" map, which Node10 resolution does not read.
    danfo = require("danfojs") as Danfo;
    for (const k of kernels) tf.registerKernel(k);
    for (const g of grads) tf.registerGradient(g);
  } finally {
    console.warn = warn;
  }
  return danfo as T;
}
