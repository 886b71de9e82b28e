/**
 * Loading danfojs with types a notebook can see (see loadDanfo).
 */
import type { Danfo } from "./danfo-types";

let danfo: Danfo | undefined;

/**
 * danfojs's types resolve only through its "exports" map, which tslab's Node10 resolution does not read, so
 * notebooks take it from here. It loads lazily: only drill 02 needs it. The type comes from the caller
 * (`const dfd: typeof D = loadDanfo()`, or `Danfo` from "@drills/lib/dist/danfo-types"): naming danfojs's types
 * here would make tslab check them in every notebook.
 *
 * danfojs 1.2.0 declares a private tfjs 3; the root package.json's `overrides` makes it use the project's tfjs 4
 * instead. With two copies, loading danfo after tfjs 4 re-registered every kernel and gradient in the registry
 * they share on globalThis (335 warnings, tfjs 4 left running tfjs 3's kernels), and this function had to put
 * them back; lib's danfo spec asserts that loading it now leaves tfjs's kernels untouched.
 */
export function loadDanfo<T = unknown>(): T {
  danfo ??= require("danfojs") as Danfo;
  return danfo as T;
}
