/**
 * Hidden-case properties for drill 01 (z-score), split: the grader builds each input from the interviewer's spec
 * and judges with the float64 oracle on the float32 values the tensor holds; the kernel only runs the call. A
 * failure is reported by its size (max error, mean, std), never by the values, which would give the input away.
 */
import { ok, rejected } from "../../assert";
import { fmtNumber } from "../../format";
import type { HiddenProperty } from "../../hidden-property";
import { numbers } from "../../experience/hidden";
import { maxError, moments, outputOf, referenceZscore, ulp32 } from "./oracle";

const REF_TOL = 1e-4;
const held = (spec: { input: Record<string, unknown> }) => Array.from(Float32Array.from(numbers(spec.input.x, "x")));

interface Out {
  values: Float32Array;
  backend: string;
}

export const hidden: Record<string, HiddenProperty> = {
  reference: {
    part: "zscore",
    what: "matches the float64 reference",
    hint: "compare with (x − mean) / std, population std, on inputs of your own of this kind.",
    call: "output",
    input: (spec) => ({ x: held(spec) }),
    judge(value: Out, { x }: { x: number[] }, spec) {
      const err = maxError(outputOf(value, x.length), referenceZscore(x));
      const tol = spec.tol ?? REF_TOL;
      ok(err <= tol, {
        what: "output should match (x − mean) / std",
        how: `max |error| ≤ ${fmtNumber(tol)}`,
        expected: `max |error| ≤ ${fmtNumber(tol)}`,
        actual: `max |error| ${fmtNumber(err)}`,
      });
    },
  },
  standardised: {
    part: "zscore",
    what: "output has mean 0 and std 1",
    hint: "a large offset or scale must not change the result: two passes, mean first.",
    call: "output",
    input: (spec) => ({ x: held(spec) }),
    judge(value: Out, { x }: { x: number[] }, spec) {
      const { mean, std } = moments(outputOf(value, x.length));
      const backend = value.backend;
      const input = moments(x);
      // The mean itself is stored in float32, off by up to half an ulp of |mean|; x − mean then shifts every output
      // by that error / std. wasm also sums in float32 (error ~ n·ulp), so its moments drift by ~1e-3 on large n.
      const ulp = input.mean === 0 ? 0 : ulp32(input.mean);
      const tol = spec.tol ?? (backend === "wasm" ? 1e-2 : 1e-3) + (input.std > 0 ? ulp / input.std : 0);
      ok(Math.abs(mean) <= tol && Math.abs(std - 1) <= tol, {
        what: "output should have mean 0 and std 1",
        how: `tol ${fmtNumber(tol)}`,
        expected: "mean 0, std 1",
        actual: `mean ${fmtNumber(mean)}, std ${fmtNumber(std)}`,
      });
    },
  },
  zeros: {
    part: "zscore",
    what: "constant input gives all zeros",
    hint: "when every element is equal return zeros; float32 rarely makes std exactly 0.",
    call: "output",
    input: (spec) => ({ x: held(spec) }),
    judge(value: Out, { x }: { x: number[] }) {
      const out = Array.from(outputOf(value, x.length));
      const bad = out.filter((v) => v !== 0).length;
      ok(bad === 0, {
        what: "a constant input should give zeros",
        expected: "every element 0",
        actual: `${bad} of ${out.length} elements not 0 (e.g. ${fmtNumber(out.find((v) => v !== 0) ?? 0)})`,
      });
    },
  },
  rejects: {
    part: "zscore",
    what: "invalid input throws ValueError naming x",
    hint: "validate rank and size before computing.",
    call: "rejects",
    input(spec) {
      const x = spec.input.x;
      if (!Array.isArray(x))
        throw new Error(`input.x: expected a (nested) list of numbers, got ${JSON.stringify(x)?.slice(0, 60)}`);
      const shape: number[] = [];
      for (let a: unknown = x; Array.isArray(a); a = a[0]) shape.push(a.length);
      return { values: (x as unknown[]).flat(Infinity) as number[], shape };
    },
    judge: (value: { threw: { name: string; message: string } | null } | undefined) =>
      rejected(value?.threw, "zscore(x)", { what: "invalid input should be rejected", mentions: ["x"] }),
  },
};
