/**
 * Drill 08's kernel half: each call runs the candidate's functions on inputs sent by the judge and describes what
 * happened as plain data — the value returned, or what was thrown, and whether an argument was modified. No oracle
 * here: the judge side (checks.ts, hidden.ts) compares the data with the float64 oracles in its own process.
 */
import { answerCalls } from "../rubric/calls";
import { runAll, type Runs } from "../runs";

export type AtK = (relevance: number[], scores: number[], k: number) => number;

export interface RankingMetrics {
  precisionAtK: AtK;
  recallAtK: AtK;
  ndcgAtK: AtK;
  averagePrecision: (relevance: number[], scores: number[]) => number;
}

export interface Proportions {
  conversionsA: number;
  visitorsA: number;
  conversionsB: number;
  visitorsB: number;
}

export interface SampleSizeInput {
  baseline: number;
  mde: number;
  alpha: number;
  power: number;
}

export type TwoProportionZTest = (t: Proportions) => { z: number; pValue: number };
export type SampleSizePerArm = (s: SampleSizeInput) => number;

export interface Guardrail {
  name: string;
  delta: number;
  lower: number;
  upper: number;
  maxRegression: number;
  higherIsBetter: boolean;
}

export type CanaryVerdict = "promote" | "hold" | "rollback";
export type CanaryDecision = (guardrails: Guardrail[]) => CanaryVerdict;

/** The A/B-test part; canaryDecision is its own (core) part now, and may still be passed here. */
export interface ExperimentStats {
  twoProportionZTest: TwoProportionZTest;
  sampleSizePerArm: SampleSizePerArm;
  canaryDecision?: CanaryDecision;
}

const RANKING = ["precisionAtK", "recallAtK", "ndcgAtK", "averagePrecision"] as const;
const EXPERIMENT = ["twoProportionZTest", "sampleSizePerArm"] as const;

export const calls = {
  ...answerCalls,
  /** Ranking metrics: one entry per (metric, relevance, scores, k). */
  ranking: (impl: RankingMetrics, { runs }: { runs: Runs }) =>
    runAll(impl as unknown as Record<string, unknown>, RANKING, runs),
  /** z-test and sample size: one entry per (function, argument). */
  experiment: (impl: ExperimentStats, { runs }: { runs: Runs }) =>
    runAll(impl as unknown as Record<string, unknown>, EXPERIMENT, runs),
  /** The canary rule on each list of guardrails. */
  canary: (impl: CanaryDecision, { runs }: { runs: Runs }) =>
    runAll({ canaryDecision: impl }, ["canaryDecision"], runs),
};
