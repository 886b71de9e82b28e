/**
 * Drill 08, hands-on part 2: the A/B test and the canary. The z-test is pooled and two-sided (pooling is right
 * under H0: pA = pB); the sample size uses the same test's normal approximation with an absolute MDE; the canary
 * rule reads confidence intervals, not point estimates (metrics-canary.ts).
 */
import { call, close, equal, ok, throwsValueError } from "../assert";
import { loadFixture } from "../fixtures";
import { fmt } from "../format";
import type { LegacyCase as Case } from "../drill";
import { oracleSampleSize, oracleZTest, type Proportions, type SampleSizeInput } from "./metrics-oracle";
import { canaryCases, type CanaryDecision } from "./metrics-canary";

export type TwoProportionZTest = (t: Proportions) => { z: number; pValue: number };
export type SampleSizePerArm = (s: SampleSizeInput) => number;

export interface ExperimentStats {
  twoProportionZTest: TwoProportionZTest;
  sampleSizePerArm: SampleSizePerArm;
  canaryDecision: CanaryDecision;
}

interface ExperimentFixture {
  ztests: (Proportions & { z: number; pValue: number })[];
  sampleSizes: (SampleSizeInput & { n: number; exact: number })[];
}

const fixture = () => loadFixture<ExperimentFixture>("08-metrics-design");
const showT = (t: Proportions) => `conversionsA = ${t.conversionsA}, visitorsA = ${t.visitorsA}, conversionsB = ${t.conversionsB}, visitorsB = ${t.visitorsB}`;
const showS = (s: SampleSizeInput) => `baseline = ${s.baseline}, mde = ${s.mde}, alpha = ${s.alpha}, power = ${s.power}`;

function unpooledZ(t: Proportions): number {
  const pa = t.conversionsA / t.visitorsA;
  const pb = t.conversionsB / t.visitorsB;
  return (pb - pa) / Math.sqrt((pa * (1 - pa)) / t.visitorsA + (pb * (1 - pb)) / t.visitorsB);
}

function zTestResult(impl: ExperimentStats, t: Proportions): { z: unknown; pValue: unknown } {
  const r: unknown = call("twoProportionZTest(…)", () => impl.twoProportionZTest({ conversionsA: t.conversionsA, visitorsA: t.visitorsA, conversionsB: t.conversionsB, visitorsB: t.visitorsB }));
  ok(typeof r === "object" && r !== null, { what: "twoProportionZTest should return {z, pValue}", input: showT(t), expected: "{ z: number, pValue: number }", actual: fmt(r) });
  return r as { z: unknown; pValue: unknown };
}

const zTestCases: Case<ExperimentStats>[] = [
  {
    name: "z-test: z and p-value match scipy (pooled, two-sided)",
    hint: "under H0 both arms share one rate: pool the conversions for the standard error; the p-value counts both tails.",
    run(impl) {
      for (const t of fixture().ztests) {
        const input = showT(t);
        const { z, pValue } = zTestResult(impl, t);
        const unpooled = typeof z === "number" && Math.abs(z - unpooledZ(t)) < 1e-9 && Math.abs(z - t.z) > 1e-9;
        const flipped = typeof z === "number" && Math.abs(z + t.z) < 1e-9;
        close(z, t.z, { what: "z should be (p̂B − p̂A) / pooled standard error", input, tol: 1e-9, rtol: 1e-9, note: unpooled ? "this is the unpooled standard error" : flipped ? "the sign is flipped: z > 0 should mean B converts better" : undefined });
        const oneSided = typeof pValue === "number" && Math.abs(pValue - t.pValue / 2) < 1e-6;
        // 1e-6 absolute: a textbook erf approximation (Abramowitz–Stegun 7.1.26) is good to ~1.5e-7.
        close(pValue, t.pValue, { what: "pValue should be two-sided: 2·(1 − Φ(|z|))", input, tol: 1e-6, note: oneSided ? "this is a one-sided p-value" : undefined });
      }
    },
  },
  {
    name: "z-test: the p-value is in (0, 1] and symmetric in the arms",
    hint: "use |z|: swapping A and B flips the sign of z, never the p-value.",
    run(impl) {
      const t = { conversionsA: 260, visitorsA: 10000, conversionsB: 200, visitorsB: 10000 };
      const s = { conversionsA: 200, visitorsA: 10000, conversionsB: 260, visitorsB: 10000 };
      const a = zTestResult(impl, t);
      const b = zTestResult(impl, s);
      const want = oracleZTest(t);
      close(a.pValue, want.pValue, { what: "B worse than A: the p-value should still be small", input: showT(t), tol: 1e-6 });
      close(a.z, -(b.z as number), { what: "swapping the arms should flip the sign of z", input: `${showT(t)} vs swapped`, tol: 1e-9 });
      close(b.pValue, a.pValue as number, { what: "swapping the arms should keep the p-value", input: `${showT(t)} vs swapped`, tol: 1e-12 });
    },
  },
  {
    name: "z-test: invalid counts throw ValueError",
    hint: "visitors must be positive integers, conversions integers in [0, visitors]; if nobody (or everybody) converted in both arms the test is undefined.",
    run(impl) {
      const bad: [Proportions, string, string][] = [
        [{ conversionsA: 11, visitorsA: 10, conversionsB: 1, visitorsB: 10 }, "more conversions than visitors", "conversionsA"],
        [{ conversionsA: 1, visitorsA: 10, conversionsB: 1, visitorsB: 0 }, "no visitors in B", "visitorsB"],
        [{ conversionsA: 1.5, visitorsA: 10, conversionsB: 1, visitorsB: 10 }, "a fractional count", "conversionsA"],
        [{ conversionsA: 0, visitorsA: 10, conversionsB: 0, visitorsB: 10 }, "zero conversions in both arms (no variance)", "conversions"],
      ];
      for (const [t, why, arg] of bad) throwsValueError("twoProportionZTest", () => impl.twoProportionZTest(t), { what: `${why} should be rejected`, input: showT(t), mentions: [arg] });
    },
  },
];

const sizeCases: Case<ExperimentStats>[] = [
  {
    name: "sample size per arm matches the stated formula (scipy fixture)",
    hint: "re-read the stated formula: which z quantile for a two-sided test, an absolute mde, and which way to round.",
    run(impl) {
      for (const s of fixture().sampleSizes) {
        const input = showS(s);
        const n: unknown = call("sampleSizePerArm(…)", () => impl.sampleSizePerArm({ baseline: s.baseline, mde: s.mde, alpha: s.alpha, power: s.power }));
        const oneSided = n === oracleSampleSize({ ...s, alpha: 2 * s.alpha });
        const relative = n === oracleSampleSize({ ...s, mde: s.mde * s.baseline });
        const note = oneSided ? "this uses a one-sided z_{1−α}" : relative ? "this treats mde as relative to the baseline" : n === Math.floor(s.exact) ? "rounded down: a fractional visitor still needs a whole one" : undefined;
        equal(n, s.n, { what: "sampleSizePerArm should be the formula's n, rounded up", input, note });
      }
    },
  },
  {
    name: "sample size: invalid settings throw ValueError",
    hint: "baseline and baseline + mde must be rates in (0, 1), mde > 0 (absolute), alpha and power in (0, 1).",
    run(impl) {
      const bad: [SampleSizeInput, string, string][] = [
        [{ baseline: 0.1, mde: 0, alpha: 0.05, power: 0.8 }, "a zero MDE", "mde"],
        [{ baseline: 0.95, mde: 0.1, alpha: 0.05, power: 0.8 }, "baseline + mde above 1", "mde"],
        [{ baseline: 0, mde: 0.01, alpha: 0.05, power: 0.8 }, "a zero baseline", "baseline"],
        [{ baseline: 0.1, mde: 0.01, alpha: 1.5, power: 0.8 }, "alpha outside (0, 1)", "alpha"],
        [{ baseline: 0.1, mde: 0.01, alpha: 0.05, power: 1 }, "power = 1", "power"],
      ];
      for (const [s, why, arg] of bad) throwsValueError("sampleSizePerArm", () => impl.sampleSizePerArm(s), { what: `${why} should be rejected`, input: showS(s), mentions: [arg] });
    },
  },
];

export const experimentCases: Case<ExperimentStats>[] = [...zTestCases, ...sizeCases, ...canaryCases];
