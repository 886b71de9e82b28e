/**
 * Drill 08: the canary decision. Each guardrail compares canary with control: `delta` = canary − control in the
 * metric's units, [lower, upper] its confidence interval, `maxRegression` ≥ 0 the largest acceptable harm, and
 * `higherIsBetter` its direction. Harm is −delta when higher is better and +delta otherwise, so the allowed region
 * is delta ≥ −maxRegression (higher is better) or delta ≤ maxRegression (lower is better).
 *   rollback — some interval lies entirely beyond the allowed region (strictly);
 *   promote  — every interval lies within it (boundary included);
 *   hold     — otherwise: the data cannot yet tell, so keep the traffic split and collect more.
 */
import * as fc from "fast-check";
import { call, equal, property, throwsValueError } from "../assert";
import { fmt } from "../format";
import type { LegacyCase as Case } from "../drill";

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

export function oracleCanary(guardrails: Guardrail[]): CanaryVerdict {
  // In "harm" units (larger = worse) the interval is [hLo, hHi].
  const harm = guardrails.map((g) => (g.higherIsBetter ? [-g.upper, -g.lower] : [g.lower, g.upper]));
  if (harm.some(([lo], i) => lo > guardrails[i].maxRegression)) return "rollback";
  if (harm.every(([, hi], i) => hi <= guardrails[i].maxRegression)) return "promote";
  return "hold";
}

const g = (name: string, lower: number, upper: number, maxRegression: number, higherIsBetter: boolean): Guardrail => ({
  name,
  delta: (lower + upper) / 2,
  lower,
  upper,
  maxRegression,
  higherIsBetter,
});

/** Latency in ms (lower is better, 5 ms allowed), error rate in percentage points, conversion in pp (higher is better). */
const SCENARIOS: [string, Guardrail[]][] = [
  ["all intervals inside the allowed regression", [g("p99 latency ms", -2, 3, 5, false), g("error rate pp", -0.01, 0.02, 0.05, false), g("conversion pp", -0.1, 0.2, 0.3, true)]],
  ["latency interval straddles its limit", [g("p99 latency ms", 1, 8, 5, false), g("error rate pp", -0.01, 0.02, 0.05, false)]],
  ["error rate entirely beyond its limit, latency fine", [g("p99 latency ms", -2, 3, 5, false), g("error rate pp", 0.06, 0.09, 0.05, false)]],
  ["conversion (higher is better) clearly down", [g("p99 latency ms", -2, 3, 5, false), g("conversion pp", -0.9, -0.4, 0.3, true)]],
  ["conversion clearly up: an improvement is never a regression", [g("conversion pp", 0.4, 0.9, 0.3, true)]],
  ["latency clearly down (faster): fine", [g("p99 latency ms", -9, -6, 5, false)]],
  ["one rollback outweighs a straddle elsewhere", [g("p99 latency ms", 1, 8, 5, false), g("error rate pp", 0.06, 0.09, 0.05, false)]],
  ["upper end exactly at the limit counts as within", [g("p99 latency ms", 0, 5, 5, false)]],
  ["lower end exactly at the limit is not yet beyond", [g("p99 latency ms", 5, 9, 5, false)]],
  ["point estimate fine but interval too wide", [g("p99 latency ms", -6, 10, 5, false)]],
];

function decide(impl: CanaryDecision, guardrails: Guardrail[]): unknown {
  const copy = guardrails.map((x) => ({ ...x }));
  return call("canaryDecision(guardrails)", () => impl(copy));
}

const showG = (gs: Guardrail[]) =>
  gs.map((x) => `${x.name}: Δ ${fmt(x.delta)} [${fmt(x.lower)}, ${fmt(x.upper)}], max regression ${fmt(x.maxRegression)}, ${x.higherIsBetter ? "higher" : "lower"} is better`).join("; ");

export const canaryCases: Case<{ canaryDecision: CanaryDecision }>[] = [
  {
    name: "canary: promote / hold / rollback on named scenarios",
    hint: "turn each interval into 'harm' using the metric's direction, then ask: is all of it acceptable, all of it unacceptable, or neither?",
    run(impl) {
      for (const [name, gs] of SCENARIOS) {
        equal(decide(impl.canaryDecision, gs), oracleCanary(gs), { what: `canaryDecision: ${name}`, input: showG(gs) });
      }
    },
  },
  {
    name: "canary: property — agrees with the rule on random guardrails",
    hint: "rollback beats everything, promote needs every guardrail within its limit, anything else is hold.",
    run(impl) {
      const one = fc
        .record({ a: fc.integer({ min: -10, max: 10 }), b: fc.integer({ min: -10, max: 10 }), m: fc.integer({ min: 0, max: 5 }), up: fc.boolean() })
        .map(({ a, b, m, up }) => g(up ? "conversion" : "latency", Math.min(a, b), Math.max(a, b), m, up));
      property(fc.array(one, { minLength: 1, maxLength: 4 }), (gs) => {
        equal(decide(impl.canaryDecision, gs), oracleCanary(gs), { what: "canaryDecision should follow the stated rule", input: showG(gs) });
      }, { what: "canary decision on random guardrails", numRuns: 150 });
    },
  },
  {
    name: "canary: invalid guardrails throw ValueError",
    hint: "no guardrails means no evidence; an interval must contain its delta; an allowed regression cannot be negative.",
    run(impl) {
      const bad: [Guardrail[], string, string][] = [
        [[], "an empty list", "guardrails"],
        [[{ ...g("latency", 1, 3, 5, false), lower: 4 }], "lower > delta", "lower"],
        [[g("latency", 1, 3, -1, false)], "a negative maxRegression", "maxRegression"],
        [[{ ...g("latency", 1, 3, 5, false), upper: NaN }], "a NaN bound", "upper"],
      ];
      for (const [gs, why, arg] of bad) throwsValueError("canaryDecision", () => impl.canaryDecision(gs), { what: `${why} should be rejected`, input: gs.length ? showG(gs) : "[]", mentions: [arg] });
    },
  },
];
