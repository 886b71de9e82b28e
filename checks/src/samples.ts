/**
 * Property cases, split: inputs are sampled (seeded) on the judge's side and sent with one call; the judge checks
 * every output and reports the smallest failing input. fast-check is loaded only when a property case builds its
 * inputs, so a notebook that never runs one never pays for it.
 */
import type * as FC from "fast-check";
import { CheckFailure, fail, type Failure } from "./failure";
import { fmt } from "./format";

type Context = Omit<Failure, "expected" | "actual" | "input">;

export function fastCheck(): typeof FC {
  return require("fast-check") as typeof FC;
}

/** `numRuns` inputs from an arbitrary, the same ones for the same seed. */
export function samples<T>(build: (fc: typeof FC) => FC.Arbitrary<T>, { seed = 42, numRuns = 100 } = {}): T[] {
  const fc = fastCheck();
  return fc.sample(build(fc), { seed, numRuns });
}

const size = (v: unknown): number => {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return Infinity;
  }
};

/**
 * Checks `verify(input, output)` on every sample; on failure reports the smallest failing input (by its printed
 * size), how many samples failed, and the verifier's own expected/actual.
 */
export function judgeSamples<T, O>(
  inputs: T[],
  outputs: O[],
  verify: (input: T, output: O) => void,
  ctx: Context & { seed?: number },
): void {
  const failures: { input: T; failure: Failure }[] = [];
  for (let i = 0; i < inputs.length; i++) {
    try {
      verify(inputs[i], outputs[i]);
    } catch (e) {
      if (!(e instanceof CheckFailure)) throw e;
      failures.push({ input: inputs[i], failure: e.failure });
    }
  }
  if (failures.length === 0) return;
  const smallest = failures.reduce((a, b) => (size(b.input) < size(a.input) ? b : a));
  const d = smallest.failure;
  fail({
    ...ctx,
    ...d,
    what: `${ctx.what}: ${d.what}`,
    input: `${fmt(smallest.input)}   (smallest of ${failures.length} failing samples out of ${inputs.length}; seed ${ctx.seed ?? 42})`,
  });
}
