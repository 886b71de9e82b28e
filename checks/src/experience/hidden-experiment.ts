/**
 * Hidden-case properties for drill 08's experiment check, against the float64 oracles: the pooled two-sided z-test,
 * the sample size per arm (exact integer), and the canary verdict read from confidence intervals. A failure reports
 * the size of the error (or the verdict), never the counts, rates or intervals given.
 */
import { call, ok } from "../assert";
import { experimentStatsDrill, type ExperimentStats } from "../drills/metrics";
import { oracleCanary, type Guardrail } from "../drills/metrics-canary";
import { oracleSampleSize, oracleZTest, type Proportions, type SampleSizeInput } from "../drills/metrics-oracle";
import { fmt, fmtNumber } from "../format";
import { registerHidden } from "./hidden";
import { HIDDEN_INPUT } from "../drill";

const HIDDEN = HIDDEN_INPUT;

function fields<K extends string>(input: Record<string, unknown>, keys: readonly K[]): Record<K, number> {
  for (const k of keys) if (typeof input[k] !== "number") throw new Error(`input.${k}: expected a number`);
  return Object.fromEntries(keys.map((k) => [k, input[k]])) as Record<K, number>;
}

const err = (got: unknown, want: number) => (typeof got === "number" && !Number.isNaN(got) ? Math.abs(got - want) : Infinity);

registerHidden<ExperimentStats>(experimentStatsDrill, {
  zTest: {
    what: "z-test: z and p-value equal the pooled two-sided reference",
    hint: "pool both arms for the standard error under H0; the p-value counts both tails, 2·(1 − Φ(|z|)).",
    run(impl, spec) {
      const t: Proportions = fields(spec.input, ["conversionsA", "visitorsA", "conversionsB", "visitorsB"] as const);
      const want = oracleZTest(t);
      const r = call("twoProportionZTest(…)", () => impl.twoProportionZTest({ ...t }), { input: HIDDEN }) as unknown;
      ok(typeof r === "object" && r !== null, { what: "twoProportionZTest should return {z, pValue}", expected: "{ z: number, pValue: number }", actual: fmt(r) });
      const { z, pValue } = r as Record<string, unknown>;
      // As the public case: z to 1e-9 relative; p to 1e-6, room for a textbook erf approximation (~1.5e-7).
      const zTol = (spec.tol ?? 1e-9) * Math.max(1, Math.abs(want.z));
      ok(err(z, want.z) <= zTol, { what: "z should be (p̂B − p̂A) / pooled standard error", how: `tol ${fmtNumber(zTol)}`, expected: "|z error| within tol", actual: `|z error| ${fmtNumber(err(z, want.z))}` });
      ok(err(pValue, want.pValue) <= 1e-6, { what: "pValue should be two-sided", how: "tol 1e-6", expected: "|p error| within tol", actual: `|p error| ${fmtNumber(err(pValue, want.pValue))}` });
    },
  },
  sampleSize: {
    what: "sample size per arm equals the stated formula, rounded up",
    hint: "two-sided z_{1−α/2}, an absolute mde, and round up: a fractional visitor still needs a whole one.",
    run(impl, spec) {
      const s: SampleSizeInput = fields(spec.input, ["baseline", "mde", "alpha", "power"] as const);
      const want = oracleSampleSize(s);
      const n = call("sampleSizePerArm(…)", () => impl.sampleSizePerArm({ ...s }), { input: HIDDEN }) as unknown;
      ok(n === want, { what: "sampleSizePerArm should be the formula's n", how: "exact integer", expected: "off by 0", actual: typeof n === "number" ? `off by ${fmtNumber(n - want)}` : fmt(n) });
    },
  },
  canary: {
    what: "canary verdict follows the guardrails' confidence intervals",
    hint: "in harm units: rollback if some interval lies wholly beyond its limit, promote if all lie within, else hold.",
    run(impl, spec) {
      const gs = spec.input.guardrails as Guardrail[];
      if (!Array.isArray(gs) || gs.length === 0) throw new Error("input.guardrails: expected a non-empty list");
      for (const g of gs) {
        fields(g as unknown as Record<string, unknown>, ["delta", "lower", "upper", "maxRegression"] as const);
        if (typeof g.higherIsBetter !== "boolean") throw new Error("input.guardrails: each needs higherIsBetter, a boolean");
      }
      const want = oracleCanary(gs);
      const got = call("canaryDecision(guardrails)", () => impl.canaryDecision(gs.map((g, i) => ({ ...g, name: g.name ?? `guardrail ${i + 1}` }))), { input: HIDDEN }) as unknown;
      ok(got === want, { what: "canaryDecision should read the intervals, not the point estimates", expected: want, actual: fmt(got) });
    },
  },
});
