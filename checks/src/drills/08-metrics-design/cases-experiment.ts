/**
 * Drill 08, stretch part: the A/B test. The z-test is pooled and two-sided (pooling is right under H0: pA = pB);
 * the sample size uses the same test's normal approximation with an absolute MDE (oracle.ts).
 */
import { close, equal, ok, rejected } from "../../assert";
import type { Case } from "../../drill";
import { loadFixture } from "../../fixtures";
import { fmt } from "../../format";
import { run, valueOf } from "../ran";
import type { Ran } from "../runs";
import type { ExperimentStats, Proportions, SampleSizeInput } from "./calls";
import { normalCdf, oracleSampleSize, oracleZTest, unpooledZ } from "./oracle";

interface ExperimentFixture {
  ztests: (Proportions & { z: number; pValue: number })[];
  sampleSizes: (SampleSizeInput & { n: number; exact: number })[];
}

const fixture = () => loadFixture<ExperimentFixture>("08-metrics-design");
const showT = (t: Proportions) =>
  `conversionsA = ${t.conversionsA}, visitorsA = ${t.visitorsA}, conversionsB = ${t.conversionsB}, visitorsB = ${t.visitorsB}`;
const showS = (s: SampleSizeInput) =>
  `baseline = ${s.baseline}, mde = ${s.mde}, alpha = ${s.alpha}, power = ${s.power}`;
const counts = (t: Proportions): Proportions => ({
  conversionsA: t.conversionsA,
  visitorsA: t.visitorsA,
  conversionsB: t.conversionsB,
  visitorsB: t.visitorsB,
});
const settings = (s: SampleSizeInput): SampleSizeInput => ({
  baseline: s.baseline,
  mde: s.mde,
  alpha: s.alpha,
  power: s.power,
});

function zResult(r: Ran | undefined, input: string): { z: unknown; pValue: unknown } {
  const v = valueOf(r, "twoProportionZTest(…)", { input });
  ok(typeof v === "object" && v !== null, {
    what: "twoProportionZTest should return {z, pValue}",
    input,
    expected: "{ z: number, pValue: number }",
    actual: fmt(v),
  });
  return v as { z: unknown; pValue: unknown };
}

const near = (a: unknown, b: number, tol: number) => typeof a === "number" && Math.abs(a - b) <= tol;

const SWAP = { conversionsA: 260, visitorsA: 10000, conversionsB: 200, visitorsB: 10000 };
const swapped = (t: Proportions): Proportions => ({
  conversionsA: t.conversionsB,
  visitorsA: t.visitorsB,
  conversionsB: t.conversionsA,
  visitorsB: t.visitorsA,
});

const BAD_T: [Proportions, string, string][] = [
  [
    { conversionsA: 11, visitorsA: 10, conversionsB: 1, visitorsB: 10 },
    "more conversions than visitors",
    "conversionsA",
  ],
  [{ conversionsA: 1, visitorsA: 10, conversionsB: 1, visitorsB: 0 }, "no visitors in B", "visitorsB"],
  [{ conversionsA: 1.5, visitorsA: 10, conversionsB: 1, visitorsB: 10 }, "a fractional count", "conversionsA"],
  [
    { conversionsA: 0, visitorsA: 10, conversionsB: 0, visitorsB: 10 },
    "zero conversions in both arms (no variance)",
    "conversions",
  ],
];
const BAD_S: [SampleSizeInput, string, string][] = [
  [{ baseline: 0.1, mde: 0, alpha: 0.05, power: 0.8 }, "a zero MDE", "mde"],
  [{ baseline: 0.95, mde: 0.1, alpha: 0.05, power: 0.8 }, "baseline + mde above 1", "mde"],
  [{ baseline: 0, mde: 0.01, alpha: 0.05, power: 0.8 }, "a zero baseline", "baseline"],
  [{ baseline: 0.1, mde: 0.01, alpha: 1.5, power: 0.8 }, "alpha outside (0, 1)", "alpha"],
  [{ baseline: 0.1, mde: 0.01, alpha: 0.05, power: 1 }, "power = 1", "power"],
];

export const experimentCases: Case<ExperimentStats>[] = [
  {
    id: "ztest-scipy",
    name: "z-test: z and p-value match scipy (pooled, two-sided)",
    was: ["z-test: z and p-value match scipy (pooled, two-sided)"],
    hint: "under H0 both arms share one rate: pool the conversions for the standard error; the p-value counts both tails.",
    call: "experiment",
    input: () => ({ runs: fixture().ztests.map((t) => run("twoProportionZTest", counts(t))) }),
    judge(rs: Ran[]) {
      fixture().ztests.forEach((t, i) => {
        const input = showT(t);
        const { z, pValue } = zResult(rs[i], input);
        const unpooled = near(z, unpooledZ(t), 1e-9) && !near(z, t.z, 1e-9);
        const flipped = near(z, -t.z, 1e-9);
        const zCause = unpooled
          ? {
              note: "this is the unpooled standard error",
              hint: "the test assumes H0: pA = pB, so estimate that one shared rate from both arms, p = (cA + cB) / (nA + nB), and use √(p(1 − p)(1/nA + 1/nB)). The unpooled form belongs to a confidence interval.",
            }
          : flipped
            ? {
                note: "the sign is flipped: z > 0 should mean B converts better",
                hint: "z = (p̂B − p̂A) / SE: B minus A.",
              }
            : {};
        close(z, t.z, {
          what: "z should be (p̂B − p̂A) / pooled standard error",
          input,
          tol: 1e-9,
          rtol: 1e-9,
          ...zCause,
        });
        const oneSided = near(pValue, t.pValue / 2, 1e-6);
        // 1e-6 absolute: a textbook erf approximation (Abramowitz–Stegun 7.1.26) is good to ~1.5e-7.
        close(pValue, t.pValue, {
          what: "pValue should be two-sided: 2·(1 − Φ(|z|))",
          input,
          tol: 1e-6,
          ...(oneSided
            ? {
                note: "this is a one-sided p-value",
                hint: "a two-sided test counts both tails: double the one-sided tail area.",
              }
            : {}),
        });
      });
    },
  },
  {
    id: "ztest-symmetric",
    name: "z-test: the p-value is in (0, 1] and symmetric in the arms",
    was: ["z-test: the p-value is in (0, 1] and symmetric in the arms"],
    hint: "the p-value depends on |z| only: swapping A and B flips the sign of z, never the p-value.",
    call: "experiment",
    input: () => ({ runs: [run("twoProportionZTest", SWAP), run("twoProportionZTest", swapped(SWAP))] }),
    judge(rs: Ran[]) {
      // Judged against the answer's own z, so a wrong standard error (caught above) is not blamed twice here.
      const a = zResult(rs[0], showT(SWAP));
      const b = zResult(rs[1], showT(swapped(SWAP)));
      const input = `${showT(SWAP)} (B worse than A)`;
      ok(typeof a.z === "number" && typeof a.pValue === "number", {
        what: "z and pValue should be numbers",
        input,
        expected: "numbers",
        actual: fmt(a),
      });
      const own = 2 * (1 - normalCdf(Math.abs(a.z as number)));
      close(a.pValue, own, {
        what: "B worse than A: the p-value should be 2·(1 − Φ(|z|)) of your z, in (0, 1]",
        input,
        tol: 1e-6,
        ...(near(a.pValue, 2 * (1 - normalCdf(a.z as number)), 1e-6)
          ? { note: "this is 2·(1 − Φ(z)) without |z|: above 1 when z < 0" }
          : near(a.pValue, own / 2, 1e-6)
            ? {
                note: "this is a one-sided p-value",
                hint: "a two-sided test counts both tails: double the one-sided tail area.",
              }
            : {}),
      });
      close(a.z, -(b.z as number), {
        what: "swapping the arms should flip the sign of z",
        input: `${showT(SWAP)} vs swapped`,
        tol: 1e-9,
      });
      close(b.pValue, a.pValue as number, {
        what: "swapping the arms should keep the p-value",
        input: `${showT(SWAP)} vs swapped`,
        tol: 1e-12,
      });
    },
  },
  {
    id: "ztest-rejects",
    name: "z-test: invalid counts throw ValueError",
    was: ["z-test: invalid counts throw ValueError"],
    hint: "visitors must be positive integers, conversions integers in [0, visitors]; if nobody (or everybody) converted in both arms the test is undefined.",
    call: "experiment",
    input: () => ({ runs: BAD_T.map(([t]) => run("twoProportionZTest", t)) }),
    judge(rs: Ran[]) {
      BAD_T.forEach(([t, why, arg], i) =>
        rejected(rs[i]?.threw, "twoProportionZTest", {
          what: `${why} should be rejected`,
          input: showT(t),
          mentions: [arg],
        }),
      );
    },
  },
  {
    id: "sample-size",
    name: "sample size per arm matches the stated formula (scipy fixture)",
    was: ["sample size per arm matches the stated formula (scipy fixture)"],
    hint: "re-read the stated formula: which z quantile for a two-sided test, an absolute mde, and which way to round.",
    call: "experiment",
    input: () => ({ runs: fixture().sampleSizes.map((s) => run("sampleSizePerArm", settings(s))) }),
    judge(rs: Ran[]) {
      fixture().sampleSizes.forEach((s, i) => {
        const input = showS(s);
        const n = valueOf(rs[i], "sampleSizePerArm(…)", { input });
        const cause =
          n === oracleSampleSize({ ...s, alpha: 2 * s.alpha })
            ? {
                note: "this uses a one-sided z_{1−α}",
                hint: "a two-sided test at level α puts α/2 in each tail: z_{1−α/2}.",
              }
            : n === oracleSampleSize({ ...s, mde: s.mde * s.baseline })
              ? {
                  note: "this treats mde as relative to the baseline",
                  hint: "mde is absolute here: p₂ = baseline + mde.",
                }
              : n === Math.floor(s.exact)
                ? { note: "rounded down: a fractional visitor still needs a whole one", hint: "round up (Math.ceil)." }
                : {};
        equal(n, s.n, { what: "sampleSizePerArm should be the formula's n, rounded up", input, ...cause });
      });
    },
  },
  {
    id: "sample-size-rejects",
    name: "sample size: invalid settings throw ValueError",
    was: ["sample size: invalid settings throw ValueError"],
    hint: "baseline and baseline + mde must be rates in (0, 1), mde > 0 (absolute), alpha and power in (0, 1).",
    call: "experiment",
    input: () => ({ runs: BAD_S.map(([s]) => run("sampleSizePerArm", s)) }),
    judge(rs: Ran[]) {
      BAD_S.forEach(([s, why, arg], i) =>
        rejected(rs[i]?.threw, "sampleSizePerArm", {
          what: `${why} should be rejected`,
          input: showS(s),
          mentions: [arg],
        }),
      );
    },
  },
];
