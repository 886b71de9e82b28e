/**
 * Hidden-case properties for drill 09's drift statistics, against the float64 oracles: PSI with the reference's
 * quantile bins, and the two-sample KS statistic. A failure reports the statistic, never the samples.
 */
import { call, ok } from "../assert";
import { driftStatsDrill, type DriftStats } from "../drills/featurestore";
import { oracleKs, oraclePsi } from "../drills/featurestore-drift";
import { fmtNumber } from "../format";
import { numbers, registerHidden } from "./hidden";
import { HIDDEN_INPUT } from "../drill";

const within = (got: unknown, want: number, tol: number) => typeof got === "number" && Math.abs(got - want) <= tol * Math.max(1, Math.abs(want));

registerHidden<DriftStats>(driftStatsDrill, {
  psi: {
    what: "psi equals the reference (bins at the reference's quantiles)",
    hint: "edges from the reference sample only, right-closed bins with open outer edges, shares floored at ε.",
    run(impl, spec) {
      const ref = numbers(spec.input.reference, "reference");
      const cur = numbers(spec.input.current, "current");
      const bins = spec.input.bins === undefined ? 10 : Number(spec.input.bins);
      const want = oraclePsi(ref, cur, bins);
      const got = call("psi(reference, current, bins)", () => impl.psi([...ref], [...cur], bins), { input: HIDDEN_INPUT });
      const tol = spec.tol ?? 1e-9;
      ok(within(got, want, tol), { what: "psi should equal the reference", how: `relative tol ${fmtNumber(tol)}`, expected: fmtNumber(want), actual: typeof got === "number" ? fmtNumber(got) : String(got) });
    },
  },
  ks: {
    what: "ksStatistic equals the largest gap between the empirical CDFs",
    hint: "evaluate both empirical CDFs at every point of either sample, ties included.",
    run(impl, spec) {
      const a = numbers(spec.input.a, "a");
      const b = numbers(spec.input.b, "b");
      const want = oracleKs(a, b);
      const got = call("ksStatistic(a, b)", () => impl.ksStatistic([...a], [...b]), { input: HIDDEN_INPUT });
      const tol = spec.tol ?? 1e-12;
      ok(within(got, want, tol), { what: "ksStatistic should equal the reference", how: `tol ${fmtNumber(tol)}`, expected: fmtNumber(want), actual: typeof got === "number" ? fmtNumber(got) : String(got) });
    },
  },
});
