/**
 * Preloaded into every kernel by the kernelspec's argv (`node --require preload.js tslab kernel …`): reads the V8
 * code cache built at install time. Kept free of anything heavy: it runs before tslab on every kernel start.
 */
import { useCodeCache } from "./codecache";
import { CODE_CACHE_DIR } from "./kernelspec";

if (process.env.DRILLS_CODE_CACHE !== "off") useCodeCache(CODE_CACHE_DIR);
