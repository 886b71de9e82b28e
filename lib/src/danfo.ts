/**
 * Loading danfojs without breaking tfjs (see loadDanfo).
 */
import type * as D from "danfojs/dist/danfojs-browser/src/index";

export type Danfo = typeof D;
let danfo: Danfo | undefined;

/**
 * danfojs 1.2.0 bundles its own tfjs 3. Loading it after tfjs 4 re-registers every kernel of tfjs 4's backends
 * in the registry both copies share (tfjs keeps it on globalThis), printing 335 "already registered" warnings
 * and leaving tfjs 4 running tfjs 3's kernels (gradients are replaced silently). So: load danfo once, lazily,
 * with warnings muted, then put tfjs 4's kernels and gradients back. Notebooks use this instead of require.
 */
export function loadDanfo(): Danfo {
  if (danfo) return danfo;
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
  return danfo;
}
