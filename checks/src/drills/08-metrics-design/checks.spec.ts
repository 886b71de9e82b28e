/** Drill 08's checks pass the references and the notebook's model answer, and reject each known-wrong answer with one named cause. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { todo } from "@drills/lib";
import { evaluate, type Check } from "../../drill";
import { expectPass, expectRejects, expectTodo } from "../../testing";
import { canaryCheck, experimentCheck, metricsAnswerCheck, rankingCheck } from "./checks";
import type { ExperimentStats, RankingMetrics } from "./calls";
import {
  normalCdf,
  normalQuantile,
  referenceCanary as C,
  referenceRanking as R,
  referenceStats as S,
} from "./test/answers";
import { answerFromNotebook } from "../rubric/test/notebook-answer";
import { meta } from "./meta";

test("references pass every case", async () => {
  await expectPass(rankingCheck, R);
  await expectPass(experimentCheck, S);
  await expectPass(canaryCheck, C);
});

test("the solution notebook's model answer covers every rubric point", async () => {
  await expectPass(metricsAnswerCheck, answerFromNotebook("08-metrics-design", "metrics-answer"));
});

test("a bare keyword list passes the self-check, which is why the part is never graded", async () => {
  const keywords =
    "- NDCG calibration coverage time-based proxy\n- primary metric latency error rate SRM power\n- ramp rollback sequential novelty effect\n- +5 ms bake automated rollback operational\n- segment interference\n- c";
  await expectPass(metricsAnswerCheck, () => keywords);
  assert.is(meta.parts.find((p) => p.id === "answer")?.graded, false);
});

test("stubs are todo, not failures", async () => {
  const stub = () => {
    throw todo();
  };
  await expectTodo(rankingCheck, { precisionAtK: stub, recallAtK: stub, ndcgAtK: stub, averagePrecision: stub });
  await expectTodo(experimentCheck, { twoProportionZTest: stub, sampleSizePerArm: stub });
  await expectTodo(canaryCheck, stub);
  await expectTodo(metricsAnswerCheck, stub);
});

test("one part is core and graded, the rest stretch or self-check", () => {
  assert.equal(
    meta.parts.filter((p) => p.graded !== false && !p.stretch).map((p) => p.id),
    ["canary"],
  );
});

test("in-kernel cases are a minority of the graded points", () => {
  const graded = ([canaryCheck, rankingCheck, experimentCheck] as Check[]).flatMap((c) => c.cases);
  const inKernel = graded.filter((c) => c.inKernel).reduce((a, c) => a + (c.points ?? 1), 0);
  const total = graded.reduce((a, c) => a + (c.points ?? 1), 0);
  assert.ok(inKernel * 2 < total, `${inKernel} of ${total}`);
  assert.is(canaryCheck.cases.filter((c) => c.inKernel).length, 0, "the core is judged entirely outside the kernel");
});

const order = (scores: number[]) => scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
/** Stable sort, ties broken by index: the usual answer that ignores ties. */
const dcgNoTies = (rel: number[], scores: number[], k: number, gain = (r: number) => r) =>
  order(scores)
    .slice(0, k)
    .reduce((a, i, p) => a + gain(rel[i]) / Math.log2(p + 2), 0);

const ranking: Record<string, [Partial<RankingMetrics>, string, RegExp]> = {
  "precision@k divides by the number of relevant items": [
    { precisionAtK: (r, s, k) => R.recallAtK(r, s, k) },
    "precision-recall",
    /this divides by the number of relevant items[\s\S]*Hint: precision@k divides by k/,
  ],
  "recall@k divides by k": [
    { recallAtK: (r, s, k) => R.precisionAtK(r, s, k) },
    "precision-recall",
    /recallAtK\(…, 1\) should be relevant-in-top-k \/ all relevant[\s\S]*this divides by k: that is precision/,
  ],
  "ties broken by index at the cut-off": [
    {
      precisionAtK: (r, s, k) => (
        R.precisionAtK(r, s, 1),
        order(s)
          .slice(0, k)
          .filter((i) => r[i] > 0).length / k
      ),
    },
    "ties-at-cutoff",
    /precision@2 with a 3-way tie/,
  ],
  "NDCG without the ideal-DCG normalisation": [
    { ndcgAtK: (r, s, k) => (R.ndcgAtK(r, s, k), dcgNoTies(r, s, k)) },
    "ndcg-sklearn",
    /ndcgAtK should equal sklearn's ndcg_score/,
  ],
  "NDCG with exponential gain 2^rel − 1 (ties by index)": [
    {
      ndcgAtK: (r, s, k) => (
        R.ndcgAtK(r, s, k),
        dcgNoTies(r, s, k, (x) => 2 ** x - 1) / dcgNoTies(r, r, k, (x) => 2 ** x - 1)
      ),
    },
    "ndcg-sklearn",
    /exponential gains 2\^rel − 1[\s\S]*Hint: use the relevance itself as the gain/,
  ],
  "NDCG with exponential gain 2^rel − 1 (ties shared)": [
    {
      ndcgAtK: (r, s, k) => {
        R.ndcgAtK(r, s, k);
        const e = r.map((x) => 2 ** x - 1);
        const t = (sc: number[]) => {
          let tot = 0;
          let st = 0;
          const o = order(sc);
          while (st < Math.min(k, o.length)) {
            let en = st;
            while (en < o.length && sc[o[en]] === sc[o[st]]) en++;
            const m = o.slice(st, en).reduce((a, i) => a + e[i], 0) / (en - st);
            for (let p = st; p < Math.min(en, k); p++) tot += m / Math.log2(p + 2);
            st = en;
          }
          return tot;
        };
        const ideal = t(r);
        return ideal === 0 ? 0 : t(s) / ideal;
      },
    },
    "ndcg-sklearn",
    /these are exponential gains 2\^rel − 1\)?[\s\S]*Hint: scikit-learn's ndcg_score uses the relevance itself/,
  ],
  "NDCG is NaN when nothing is relevant": [
    {
      ndcgAtK: (r, s, k) => {
        const ideal = dcgNoTies(r, r, k);
        return ideal === 0 ? NaN : R.ndcgAtK(r, s, k);
      },
    },
    "ndcg-extremes",
    /Actual: +NaN[\s\S]*0 \/ 0/,
  ],
  "AP ignores ties (mean precision at each relevant rank)": [
    {
      averagePrecision: (r, s) => {
        R.averagePrecision(r, s);
        let hits = 0;
        return order(s).reduce((a, i, p) => (r[i] > 0 ? a + ++hits / (p + 1) : a), 0) / r.filter((x) => x > 0).length;
      },
    },
    "ap-sklearn",
    /binary with ties in scores[\s\S]*steps item by item/,
  ],
  "sorts the caller's scores in place": [
    {
      ndcgAtK: (r, s, k) => {
        const v = R.ndcgAtK(r, s, k);
        s.sort((a, b) => b - a);
        return v;
      },
    },
    "inputs-unchanged",
    /ndcgAtK should not modify its inputs/,
  ],
  "no validation of k": [
    { precisionAtK: (r, s, k) => R.precisionAtK(r, s, Math.min(Math.max(1, Math.round(k)), r.length)) },
    "rejects",
    /k > n should be rejected/,
  ],
};

for (const [name, [patch, caseId, message]] of Object.entries(ranking)) {
  test(`rejects (ranking): ${name}`, async () => {
    await expectRejects(rankingCheck, { ...R, ...patch }, caseId, message);
  });
}

const unpooled: ExperimentStats["twoProportionZTest"] = (t) => {
  S.twoProportionZTest(t);
  const pa = t.conversionsA / t.visitorsA;
  const pb = t.conversionsB / t.visitorsB;
  const z = (pb - pa) / Math.sqrt((pa * (1 - pa)) / t.visitorsA + (pb * (1 - pb)) / t.visitorsB);
  return { z, pValue: 2 * (1 - normalCdf(Math.abs(z))) };
};
const withSize =
  (f: (za: number, zb: number, p1: number, p2: number, mde: number) => number): ExperimentStats["sampleSizePerArm"] =>
  (s) => {
    S.sampleSizePerArm(s);
    return f(normalQuantile(1 - s.alpha / 2), normalQuantile(s.power), s.baseline, s.baseline + s.mde, s.mde);
  };
const formula = (za: number, zb: number, p1: number, p2: number, mde: number) =>
  ((za * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) / mde) ** 2;

const stats: Record<string, [Partial<ExperimentStats>, string, RegExp]> = {
  "unpooled z-test": [
    { twoProportionZTest: unpooled },
    "ztest-scipy",
    /this is the unpooled standard error[\s\S]*Hint: the test assumes H0/,
  ],
  "one-sided p-value": [
    {
      twoProportionZTest: (t) => {
        const { z } = S.twoProportionZTest(t);
        return { z, pValue: 1 - normalCdf(Math.abs(z)) };
      },
    },
    "ztest-scipy",
    /this is a one-sided p-value/,
  ],
  "z sign flipped (A − B)": [
    {
      twoProportionZTest: (t) => {
        const { z, pValue } = S.twoProportionZTest(t);
        return { z: -z, pValue };
      },
    },
    "ztest-scipy",
    /the sign is flipped/,
  ],
  "p-value without |z| (1 − Φ(z) doubled)": [
    {
      twoProportionZTest: (t) => {
        const { z } = S.twoProportionZTest(t);
        return { z, pValue: 2 * (1 - normalCdf(z)) };
      },
    },
    "ztest-symmetric",
    /B worse than A[\s\S]*without \|z\|/,
  ],
  "one-sided z quantile in the sample size": [
    {
      sampleSizePerArm: (s) =>
        withSize((_za, zb, p1, p2, m) => Math.ceil(formula(normalQuantile(1 - s.alpha), zb, p1, p2, m)))(s),
    },
    "sample-size",
    /one-sided z_\{1−α\}/,
  ],
  "relative MDE": [
    { sampleSizePerArm: (s) => S.sampleSizePerArm({ ...s, mde: s.mde * s.baseline }) },
    "sample-size",
    /relative to the baseline/,
  ],
  "sample size rounded down": [
    { sampleSizePerArm: withSize((...a) => Math.floor(formula(...a))) },
    "sample-size",
    /rounded down/,
  ],
};

for (const [name, [patch, caseId, message]] of Object.entries(stats)) {
  test(`rejects (experiment): ${name}`, async () => {
    await expectRejects(experimentCheck, { ...S, ...patch }, caseId, message);
  });
}

test("an unpooled z-test is blamed once, for pooling, and never told to use |z|", async () => {
  const r = await evaluate(experimentCheck, { ...S, twoProportionZTest: unpooled });
  const failed = r.results.filter((x) => x.status === "fail");
  assert.equal(
    failed.map((x) => x.id),
    ["ztest-scipy"],
  );
  assert.not.match(JSON.stringify(failed), /\|z\|/);
});

const harm = (g: { lower: number; upper: number; higherIsBetter: boolean }) =>
  g.higherIsBetter ? [-g.upper, -g.lower] : [g.lower, g.upper];
const canary: Record<string, [typeof C, string, RegExp]> = {
  "canary on point estimates": [
    (gs) => (
      C(gs),
      gs.some((g) => harm({ ...g, lower: g.delta, upper: g.delta })[0] > g.maxRegression) ? "rollback" : "promote"
    ),
    "canary-scenarios",
    /latency interval straddles its limit[\s\S]*Expected: +hold[\s\S]*point estimates/,
  ],
  "canary ignores the metric's direction": [
    (gs) => C(gs.map((g) => ({ ...g, higherIsBetter: false }))),
    "canary-scenarios",
    /conversion \(higher is better\) clearly down[\s\S]*every metric as lower-is-better/,
  ],
  "canary rolls back on any overlap with harm": [
    (gs) => (C(gs), gs.some((g) => harm(g)[1] > g.maxRegression) ? "rollback" : "promote"),
    "canary-scenarios",
    /Expected: +hold[\s\S]*Actual: +rollback[\s\S]*merely reaches past the limit/,
  ],
  "canary with a zero threshold instead of maxRegression": [
    (gs) => C(gs.map((g) => ({ ...g, maxRegression: 0 }))),
    "canary-scenarios",
    /all intervals inside the allowed regression[\s\S]*compares with 0/,
  ],
  "canary treats the boundary as beyond": [
    (gs) => {
      C(gs);
      const h = gs.map(harm);
      if (h.some(([lo], i) => lo >= gs[i].maxRegression)) return "rollback";
      return h.every(([, hi], i) => hi < gs[i].maxRegression) ? "promote" : "hold";
    },
    "canary-scenarios",
    /touches its limit/,
  ],
  "canary without validation": [
    (gs) =>
      gs.length
        ? C(gs.map((g) => ({ ...g, lower: Math.min(g.lower, g.delta), maxRegression: Math.abs(g.maxRegression) })))
        : "hold",
    "canary-rejects",
    /an empty list should be rejected/,
  ],
};
for (const [name, [impl, caseId, message]] of Object.entries(canary)) {
  test(`rejects (canary): ${name}`, async () => {
    await expectRejects(canaryCheck, impl, caseId, message);
  });
}

test.run();
