/**
 * Hidden-case properties for drill 08's ranking metrics, against the float64 oracles (tie-averaged, as
 * scikit-learn). A failure reports the metric's value, never the relevance or scores.
 */
import { call, ok } from "../assert";
import { rankingMetricsDrill, type RankingMetrics } from "../drills/metrics";
import { oracleAveragePrecision, oracleNdcgAtK, oraclePrecisionAtK, oracleRecallAtK } from "../drills/metrics-oracle";
import { fmtNumber } from "../format";
import { numbers, registerHidden, type HiddenProperty, type HiddenSpec } from "./hidden";
import { HIDDEN_INPUT } from "../drill";

type Metric = "precisionAtK" | "recallAtK" | "ndcgAtK" | "averagePrecision";

const ORACLE: Record<Metric, (r: number[], s: number[], k: number) => number> = {
  precisionAtK: oraclePrecisionAtK,
  recallAtK: oracleRecallAtK,
  ndcgAtK: oracleNdcgAtK,
  averagePrecision: (r, s) => oracleAveragePrecision(r, s),
};

function property(name: Metric, hint: string): HiddenProperty<RankingMetrics> {
  const atK = name !== "averagePrecision";
  return {
    what: `${name} equals the tie-averaged reference`,
    hint,
    run(impl, spec: HiddenSpec) {
      const r = numbers(spec.input.relevance, "relevance");
      const s = numbers(spec.input.scores, "scores");
      const k = Number(spec.input.k);
      const want = ORACLE[name](r, s, k);
      // Copies: a mutating answer must not change what the oracle saw.
      const got = call(`${name}(…)`, () => (atK ? (impl[name] as (a: number[], b: number[], k: number) => number)([...r], [...s], k) : impl.averagePrecision([...r], [...s])), { input: HIDDEN_INPUT });
      const tol = spec.tol ?? 1e-9;
      ok(typeof got === "number" && Math.abs(got - want) <= tol, { what: `${name} should equal the reference`, how: `tol ${fmtNumber(tol)}`, expected: fmtNumber(want), actual: typeof got === "number" ? fmtNumber(got) : String(got) });
    },
  };
}

registerHidden<RankingMetrics>(rankingMetricsDrill, {
  precisionAtK: property("precisionAtK", "relevant items in the top k, divided by k; a tie across the cut counts its expected share."),
  recallAtK: property("recallAtK", "relevant items in the top k, divided by all relevant items."),
  ndcgAtK: property("ndcgAtK", "DCG over the ideal ordering's DCG, with tied groups sharing their positions' average discount."),
  averagePrecision: property("averagePrecision", "step through distinct score thresholds, best first: Σ (recall change) × precision."),
});
