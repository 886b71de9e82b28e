/**
 * Hidden-case properties for drill 08, split: the grader builds each input from the interviewer's spec and judges
 * with the float64 oracles; the kernel only runs the call. A failure reports the size of the error (or the verdict),
 * never the relevance, scores, counts, rates or intervals given.
 */
import { ok } from "../../assert";
import { fmt, fmtNumber } from "../../format";
import type { HiddenProperty } from "../../hidden-property";
import { numbers, type HiddenSpec } from "../../experience/hidden";
import { judgingRuns, run, valueOf } from "../ran";
import type { Ran } from "../runs";
import type { Guardrail, Proportions, SampleSizeInput } from "./calls";
import {
  oracleAveragePrecision,
  oracleCanary,
  oracleNdcgAtK,
  oraclePrecisionAtK,
  oracleRecallAtK,
  oracleSampleSize,
  oracleZTest,
} from "./oracle";

type Metric = "precisionAtK" | "recallAtK" | "ndcgAtK" | "averagePrecision";

const ORACLE: Record<Metric, (r: number[], s: number[], k: number) => number> = {
  precisionAtK: oraclePrecisionAtK,
  recallAtK: oracleRecallAtK,
  ndcgAtK: oracleNdcgAtK,
  averagePrecision: (r, s) => oracleAveragePrecision(r, s),
};

function fields<K extends string>(
  input: Record<string, unknown>,
  keys: readonly K[],
  where = "input",
): Record<K, number> {
  for (const k of keys) if (typeof input[k] !== "number") throw new Error(`${where}.${k}: expected a number`);
  return Object.fromEntries(keys.map((k) => [k, input[k]])) as Record<K, number>;
}

const err = (got: unknown, want: number) =>
  typeof got === "number" && !Number.isNaN(got) ? Math.abs(got - want) : Infinity;
const HIDDEN = { input: "(hidden case)" };

function metric(name: Metric, hint: string): HiddenProperty {
  return {
    part: "ranking",
    what: `${name} equals the tie-averaged reference`,
    hint,
    call: "ranking",
    input(spec: HiddenSpec) {
      const r = numbers(spec.input.relevance, "relevance");
      const s = numbers(spec.input.scores, "scores");
      if (name === "averagePrecision") return { runs: [run(name, r, s)] };
      const k = spec.input.k;
      if (typeof k !== "number") throw new Error("input.k: expected a number");
      return { runs: [run(name, r, s, k)] };
    },
    judge([r]: Ran[], { runs }: { runs: { args: [number[], number[], number?] }[] }, spec) {
      const [rel, scores, k] = runs[0].args;
      const want = ORACLE[name](rel, scores, k ?? 0);
      const got = valueOf(r, `${name}(…)`, HIDDEN);
      const tol = spec.tol ?? 1e-9;
      ok(err(got, want) <= tol, {
        what: `${name} should equal the reference`,
        how: `tol ${fmtNumber(tol)}`,
        expected: "|error| within tol",
        actual: typeof got === "number" ? `|error| ${fmtNumber(err(got, want))}` : fmt(got),
      });
    },
  };
}

const properties: Record<string, HiddenProperty> = {
  precisionAtK: metric(
    "precisionAtK",
    "relevant items in the top k, divided by k; a tie across the cut counts its expected share.",
  ),
  recallAtK: metric("recallAtK", "relevant items in the top k, divided by all relevant items."),
  ndcgAtK: metric(
    "ndcgAtK",
    "DCG over the ideal ordering's DCG, with tied groups sharing their positions' average discount.",
  ),
  averagePrecision: metric(
    "averagePrecision",
    "step through distinct score thresholds, best first: Σ (recall change) × precision.",
  ),
  zTest: {
    part: "experiment",
    what: "z-test: z and p-value equal the pooled two-sided reference",
    hint: "pool both arms for the standard error under H0; the p-value counts both tails, 2·(1 − Φ(|z|)).",
    call: "experiment",
    input: (spec) => ({
      runs: [
        run(
          "twoProportionZTest",
          fields(spec.input, ["conversionsA", "visitorsA", "conversionsB", "visitorsB"] as const),
        ),
      ],
    }),
    judge([r]: Ran[], { runs }: { runs: { args: [Proportions] }[] }, spec) {
      const want = oracleZTest(runs[0].args[0]);
      const v = valueOf(r, "twoProportionZTest(…)", HIDDEN);
      ok(typeof v === "object" && v !== null, {
        what: "twoProportionZTest should return {z, pValue}",
        expected: "{ z: number, pValue: number }",
        actual: fmt(v),
      });
      const { z, pValue } = v as Record<string, unknown>;
      // As the public case: z to 1e-9 relative; p to 1e-6, room for a textbook erf approximation (~1.5e-7).
      const zTol = (spec.tol ?? 1e-9) * Math.max(1, Math.abs(want.z));
      ok(err(z, want.z) <= zTol, {
        what: "z should be (p̂B − p̂A) / pooled standard error",
        how: `tol ${fmtNumber(zTol)}`,
        expected: "|z error| within tol",
        actual: `|z error| ${fmtNumber(err(z, want.z))}`,
      });
      ok(err(pValue, want.pValue) <= 1e-6, {
        what: "pValue should be two-sided",
        how: "tol 1e-6",
        expected: "|p error| within tol",
        actual: `|p error| ${fmtNumber(err(pValue, want.pValue))}`,
      });
    },
  },
  sampleSize: {
    part: "experiment",
    what: "sample size per arm equals the stated formula, rounded up",
    hint: "two-sided z_{1−α/2}, an absolute mde, and round up: a fractional visitor still needs a whole one.",
    call: "experiment",
    input: (spec) => ({
      runs: [run("sampleSizePerArm", fields(spec.input, ["baseline", "mde", "alpha", "power"] as const))],
    }),
    judge([r]: Ran[], { runs }: { runs: { args: [SampleSizeInput] }[] }) {
      const want = oracleSampleSize(runs[0].args[0]);
      const n = valueOf(r, "sampleSizePerArm(…)", HIDDEN);
      ok(n === want, {
        what: "sampleSizePerArm should be the formula's n",
        how: "exact integer",
        expected: "off by 0",
        actual: typeof n === "number" ? `off by ${fmtNumber(n - want)}` : fmt(n),
      });
    },
  },
  canary: {
    part: "canary",
    what: "canary verdict follows the guardrails' confidence intervals",
    hint: "in harm units: rollback if some interval lies wholly beyond its limit, promote if all lie within, else hold.",
    call: "canary",
    input(spec) {
      const gs = spec.input.guardrails as Guardrail[];
      if (!Array.isArray(gs) || gs.length === 0) throw new Error("input.guardrails: expected a non-empty list");
      const clean = gs.map((g, i) => {
        fields(
          g as unknown as Record<string, unknown>,
          ["delta", "lower", "upper", "maxRegression"] as const,
          `input.guardrails[${i}]`,
        );
        if (typeof g.higherIsBetter !== "boolean")
          throw new Error(`input.guardrails[${i}].higherIsBetter: expected a boolean`);
        return { ...g, name: g.name ?? `guardrail ${i + 1}` };
      });
      return { runs: [run("canaryDecision", clean)] };
    },
    judge([r]: Ran[], { runs }: { runs: { args: [Guardrail[]] }[] }) {
      const want = oracleCanary(runs[0].args[0]);
      const got = valueOf(r, "canaryDecision(guardrails)", HIDDEN);
      ok(got === want, {
        what: "canaryDecision should read the intervals, not the point estimates",
        expected: want,
        actual: fmt(got),
      });
    },
  },
};

/** Each property judges runs whose shape was checked first: the kernel's reply is untrusted. */
export const hidden: Record<string, HiddenProperty> = Object.fromEntries(
  Object.entries(properties).map(([k, p]) => [k, judgingRuns([p])[0]]),
);
