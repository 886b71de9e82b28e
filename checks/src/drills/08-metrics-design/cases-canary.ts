/**
 * Drill 08's core hands-on part: the canary rule. Each guardrail compares canary with control: `delta` = canary −
 * control in the metric's units, [lower, upper] its confidence interval, `maxRegression` ≥ 0 the largest acceptable
 * harm, and `higherIsBetter` its direction (oracle.ts: oracleCanary). Wrong answers are told apart by the rule they
 * follow on the named scenarios, so the failure names one cause.
 */
import { equal, ok, rejected } from "../../assert";
import type { Case } from "../../drill";
import { fmtExact } from "../../format";
import { judgeSamples, samples } from "../../samples";
import { valueOf, run } from "../ran";
import type { Ran } from "../runs";
import type { CanaryDecision, CanaryVerdict, Guardrail } from "./calls";
import { oracleCanary } from "./oracle";

export const g = (
  name: string,
  lower: number,
  upper: number,
  maxRegression: number,
  higherIsBetter: boolean,
): Guardrail => ({
  name,
  delta: (lower + upper) / 2,
  lower,
  upper,
  maxRegression,
  higherIsBetter,
});

/** Latency in ms (lower is better, 5 ms allowed), error rate in percentage points, conversion in pp (higher is better). */
export const SCENARIOS: [string, Guardrail[]][] = [
  [
    "all intervals inside the allowed regression",
    [
      g("p99 latency ms", -2, 3, 5, false),
      g("error rate pp", -0.01, 0.02, 0.05, false),
      g("conversion pp", -0.1, 0.2, 0.3, true),
    ],
  ],
  [
    "latency interval straddles its limit",
    [g("p99 latency ms", 1, 8, 5, false), g("error rate pp", -0.01, 0.02, 0.05, false)],
  ],
  [
    "error rate entirely beyond its limit, latency fine",
    [g("p99 latency ms", -2, 3, 5, false), g("error rate pp", 0.06, 0.09, 0.05, false)],
  ],
  [
    "conversion (higher is better) clearly down",
    [g("p99 latency ms", -2, 3, 5, false), g("conversion pp", -0.9, -0.4, 0.3, true)],
  ],
  ["conversion clearly up: an improvement is never a regression", [g("conversion pp", 0.4, 0.9, 0.3, true)]],
  ["latency clearly down (faster): fine", [g("p99 latency ms", -9, -6, 5, false)]],
  [
    "one rollback outweighs a straddle elsewhere",
    [g("p99 latency ms", 1, 8, 5, false), g("error rate pp", 0.06, 0.09, 0.05, false)],
  ],
  ["upper end exactly at the limit counts as within", [g("p99 latency ms", 0, 5, 5, false)]],
  ["lower end exactly at the limit is not yet beyond", [g("p99 latency ms", 5, 9, 5, false)]],
  ["point estimate fine but interval too wide", [g("p99 latency ms", -6, 10, 5, false)]],
];

export const showG = (gs: Guardrail[]) =>
  gs
    .map(
      (x) =>
        `${x.name}: Δ ${fmtExact(x.delta)} [${fmtExact(x.lower)}, ${fmtExact(x.upper)}], max regression ${fmtExact(x.maxRegression)}, ${x.higherIsBetter ? "higher" : "lower"} is better`,
    )
    .join("; ");

const harm = (x: Guardrail) => (x.higherIsBetter ? [-x.upper, -x.lower] : [x.lower, x.upper]);

/** Rules a candidate may have written instead, each with the one cause and the hint that fixes it. */
const MISREADS: { rule: (gs: Guardrail[]) => CanaryVerdict; note: string; hint: string }[] = [
  {
    rule: (gs) => oracleCanary(gs.map((x) => ({ ...x, lower: x.delta, upper: x.delta }))),
    note: "this decides on the point estimates (delta), not the intervals",
    hint: "a point estimate inside the limit says nothing while its interval still reaches past it: promote only when the whole interval is within, and that leaves a third answer, hold.",
  },
  {
    rule: (gs) => oracleCanary(gs.map((x) => ({ ...x, higherIsBetter: false }))),
    note: "this treats every metric as lower-is-better",
    hint: "for a higher-is-better metric (conversion) the harm is −delta: a drop is the regression, a rise never is.",
  },
  {
    rule: (gs) => (gs.some((x) => harm(x)[1] > x.maxRegression) ? "rollback" : "promote"),
    note: "this rolls back as soon as an interval merely reaches past the limit",
    hint: "an interval that straddles the limit is not yet evidence of harm: that is hold (collect more traffic); rollback needs the whole interval beyond the limit.",
  },
  {
    rule: (gs) => oracleCanary(gs.map((x) => ({ ...x, maxRegression: 0 }))),
    note: "this compares with 0 instead of each guardrail's maxRegression",
    hint: "each guardrail allows a regression up to its maxRegression: compare the harm interval with that, not with 0.",
  },
  {
    rule: (gs) => {
      const h = gs.map(harm);
      if (h.some(([lo], i) => lo >= gs[i].maxRegression)) return "rollback";
      return h.every(([, hi], i) => hi < gs[i].maxRegression) ? "promote" : "hold";
    },
    note: "an interval that touches its limit is treated as beyond it",
    hint: "the boundary is allowed: harm ≤ maxRegression is within, only harm > maxRegression is beyond.",
  },
];

const verdicts = (rs: Ran[]) => rs.map((r) => (r && !r.threw ? r.value : undefined));

const BAD: [Guardrail[], string, string][] = [
  [[], "an empty list", "guardrails"],
  [[{ ...g("latency", 1, 3, 5, false), lower: 4 }], "lower > delta", "lower"],
  [[g("latency", 1, 3, -1, false)], "a negative maxRegression", "maxRegression"],
  [[{ ...g("latency", 1, 3, 5, false), upper: NaN }], "a NaN bound", "upper"],
];

export const canaryCases: Case<CanaryDecision>[] = [
  {
    id: "canary-scenarios",
    name: "canary: promote / hold / rollback on named scenarios",
    was: ["canary: promote / hold / rollback on named scenarios"],
    hint: "turn each interval into 'harm' using the metric's direction, then ask: is all of it acceptable, all of it unacceptable, or neither?",
    call: "canary",
    input: () => ({ runs: SCENARIOS.map(([, gs]) => run("canaryDecision", gs)) }),
    judge(rs: Ran[]) {
      const got = verdicts(rs);
      const misread = MISREADS.find((m) => SCENARIOS.every(([, gs], i) => got[i] === m.rule(gs)));
      SCENARIOS.forEach(([name, gs], i) => {
        const v = valueOf(rs[i], "canaryDecision(guardrails)", { input: showG(gs) });
        equal(v, oracleCanary(gs), {
          what: `canaryDecision: ${name}`,
          input: showG(gs),
          ...(misread ? { note: misread.note, hint: misread.hint } : {}),
        });
      });
    },
  },
  {
    id: "canary-property",
    name: "canary: property — agrees with the rule on random guardrails",
    was: ["canary: property — agrees with the rule on random guardrails"],
    hint: "rollback beats everything, promote needs every guardrail within its limit, anything else is hold.",
    call: "canary",
    input: () => {
      const sets = samples(
        (fc) => {
          const one = fc
            .record({
              a: fc.integer({ min: -10, max: 10 }),
              b: fc.integer({ min: -10, max: 10 }),
              m: fc.integer({ min: 0, max: 5 }),
              up: fc.boolean(),
            })
            .map(({ a, b, m, up }) => g(up ? "conversion" : "latency", Math.min(a, b), Math.max(a, b), m, up));
          return fc.array(one, { minLength: 1, maxLength: 4 });
        },
        { numRuns: 150 },
      );
      return { runs: sets.map((gs) => run("canaryDecision", gs)) };
    },
    judge(rs: Ran[], { runs }: { runs: { args: [Guardrail[]] }[] }) {
      const inputs = runs.map((r) => r.args[0]);
      judgeSamples(
        inputs,
        rs,
        (gs, r) =>
          equal(valueOf(r, "canaryDecision(guardrails)"), oracleCanary(gs), {
            what: "canaryDecision should follow the stated rule",
            input: showG(gs),
          }),
        { what: "canary decision on random guardrails" },
      );
    },
  },
  {
    id: "canary-rejects",
    name: "canary: invalid guardrails throw ValueError",
    was: ["canary: invalid guardrails throw ValueError"],
    hint: "no guardrails means no evidence; an interval must contain its delta; an allowed regression cannot be negative.",
    call: "canary",
    input: () => ({ runs: BAD.map(([gs]) => run("canaryDecision", gs)) }),
    judge(rs: Ran[]) {
      BAD.forEach(([gs, why, arg], i) => {
        ok(!!rs[i], { what: `${why} should be rejected`, expected: "a result", actual: "none" });
        rejected(rs[i].threw, "canaryDecision", {
          what: `${why} should be rejected`,
          input: gs.length ? showG(gs) : "[]",
          mentions: [arg],
        });
      });
    },
  },
];
