/**
 * For "test yourself" and plot cells that call the candidate's functions: in an exercise notebook they would throw
 * the stub's NotImplementedError and stop "Run All". `tryIt` turns that one error into a todo line; every other
 * error still propagates, so a broken solution notebook still fails.
 */
import { isNotImplemented } from "./errors";

export function tryIt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!isNotImplemented(e)) throw e;
    console.log(`todo: ${(e as Error).message}`);
    return undefined;
  }
}

export async function tryItAsync<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (!isNotImplemented(e)) throw e;
    console.log(`todo: ${(e as Error).message}`);
    return undefined;
  }
}
