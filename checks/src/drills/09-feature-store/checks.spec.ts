/** Drill 09's checks pass the references and the notebook's model answer, and reject each known-wrong answer. */
import { test } from "uvu";
import pl from "nodejs-polars";
import { todo } from "@drills/lib";
import * as assert from "uvu/assert";
import { evaluate, type Check } from "../../drill";
import { expectPass, expectRejects, expectTodo } from "../../testing";
import {
  driftCheck as driftStatsDrill,
  featureStoreAnswerCheck as featureStoreAnswerDrill,
  joinCheck as pointInTimeJoinDrill,
  schemaCheck as validateSchemaDrill,
} from "./checks";
import type { DriftStats, PointInTimeJoin, ValidateSchema } from "./calls";
import { referenceDrift as D, referenceJoin as J, referenceSchema as S } from "./test/answers";
import { durationMs, quantile } from "./oracle";
import { answerFromNotebook } from "../rubric/test/notebook-answer";
import { meta } from "./meta";

const join = (pointInTimeJoin: PointInTimeJoin) => pointInTimeJoin;
const schema = (validateSchema: ValidateSchema) => validateSchema;

test("references pass every case", async () => {
  await expectPass(pointInTimeJoinDrill, join(J));
  await expectPass(driftStatsDrill, D);
  await expectPass(validateSchemaDrill, schema(S));
});

test("the solution notebook's model answer covers every rubric point", async () => {
  await expectPass(featureStoreAnswerDrill, answerFromNotebook("09-feature-store", "featurestore-answer"));
});

test("stubs are todo, not failures", async () => {
  const stub = () => {
    throw todo();
  };
  await expectTodo(pointInTimeJoinDrill, join(stub));
  await expectTodo(driftStatsDrill, { psi: stub, ksStatistic: stub });
  await expectTodo(validateSchemaDrill, schema(stub));
  await expectTodo(featureStoreAnswerDrill, stub);
});

test("the join is the graded core, the rubric a self-check", () => {
  assert.equal(
    meta.parts.filter((p) => p.graded !== false && !p.stretch).map((p) => p.id),
    ["join"],
  );
  assert.is(meta.parts.find((p) => p.id === "answer")?.graded, false);
  const graded = ([pointInTimeJoinDrill, driftStatsDrill, validateSchemaDrill] as Check[]).flatMap((c) => c.cases);
  assert.ok(graded.filter((c) => c.inKernel).length * 2 < graded.length, "in-kernel cases are a minority");
  assert.is(
    pointInTimeJoinDrill.cases.filter((c) => c.inKernel).length,
    0,
    "the core is judged entirely outside the kernel",
  );
});

/** A plain polars as-of join with the options a candidate might get wrong. */
const asof =
  (patch: {
    strategy?: "backward" | "forward" | "nearest";
    by?: boolean;
    sort?: boolean;
    tolerance?: (t?: string) => string | undefined;
    exact?: boolean;
  }): PointInTimeJoin =>
  (labels, features, o) => {
    J(labels.head(0), features.head(0), o); // same validation as the reference
    const tol = patch.tolerance ? patch.tolerance(o.tolerance) : o.tolerance;
    const key = "__t";
    const strict = o.allowExactMatches === false && patch.exact !== false;
    const t = pl.col(o.labelTime);
    let left = labels.withColumns(
      (strict ? t.cast(pl.Int64).sub(1).cast(labels.getColumn(o.labelTime).dtype) : t).alias(key),
    );
    let right = features;
    if (patch.sort !== false) [left, right] = [left.sort(key), right.sort(o.featureTime)];
    const opts = {
      leftOn: key,
      rightOn: o.featureTime,
      strategy: patch.strategy ?? "backward",
      checkSortedness: false,
      ...(tol ? { tolerance: tol } : {}),
    } as const;
    if (patch.by === false) return left.joinAsof(right.drop(o.by), opts).drop(key);
    return left.joinAsof(right, { ...opts, by: o.by }).drop(key);
  };

const joins: Record<string, [PointInTimeJoin, string, RegExp]> = {
  "forward as-of join": [asof({ strategy: "forward" }), "fixture-asof", /a label got a feature from its future/],
  "nearest as-of join": [asof({ strategy: "nearest" }), "fixture-asof", /a label got a feature from its future/],
  "ignores `by` (joins across entities)": [
    asof({ by: false }),
    "by-entity",
    /should match merge_asof[\s\S]*Expected: .*"user":"u1".*"f":10/,
  ],
  "exclusive tolerance": [
    asof({ tolerance: (t) => (t ? `${durationMs(t) - 1}ms` : t) }),
    "fixture-tolerance",
    /should match merge_asof/,
  ],
  "ignores allowExactMatches": [asof({ exact: false }), "fixture-strict", /a label got a feature from its future/],
  "does not sort before joinAsof": [asof({ sort: false }), "property-unsorted", /smallest of \d+ failing samples/],
  "inner join (drops labels without a feature)": [
    (l, f, o) => J(l, f, o).filter(pl.col(o.featureTime).isNotNull()),
    "fixture-asof",
    /every label row should appear exactly once/,
  ],
  "leaves its helper column in the output": [
    (l, f, o) => J(l, f, o).withColumns(pl.col(o.labelTime).alias("__asof_time")),
    "fixture-asof",
    /label columns plus the feature columns/,
  ],
  "no validation of the key dtype": [
    (l, f, o) => {
      if (
        ![o.labelTime, o.by].every((c) => l.columns.includes(c)) ||
        ![o.featureTime, o.by].every((c) => f.columns.includes(c))
      )
        return J(l, f, o);
      return l.sort(o.labelTime).joinAsof(f.sort(o.featureTime), {
        leftOn: o.labelTime,
        rightOn: o.featureTime,
        by: o.by,
        checkSortedness: false,
      });
    },
    "rejects",
    /String in labels but a Float64[\s\S]*it threw/,
  ],
};
for (const [name, [impl, caseName, message]] of Object.entries(joins)) {
  test(`rejects (join): ${name}`, async () => {
    await expectRejects(pointInTimeJoinDrill, join(impl), caseName, message);
  });
}

/** PSI variants: edges from a chosen sample, a chosen bin rule and epsilon. */
const psiWith =
  (o: {
    edgesFrom?: "current";
    equalWidth?: boolean;
    eps?: number;
    leftClosed?: boolean;
    kl?: boolean;
  }): DriftStats["psi"] =>
  (reference, current, bins = 10) => {
    D.psi(reference, current, bins);
    const src = [...(o.edgesFrom === "current" ? current : reference)].sort((a, b) => a - b);
    const [lo, hi] = [src[0], src[src.length - 1]];
    const edges = Array.from({ length: bins - 1 }, (_, i) =>
      o.equalWidth ? lo + ((hi - lo) * (i + 1)) / bins : quantile(src, (i + 1) / bins),
    );
    const share = (x: number[]) => {
      const c = new Array<number>(bins).fill(0);
      for (const v of x) c[edges.filter((e) => (o.leftClosed ? e <= v : e < v)).length]++;
      return c.map((n) => Math.max(n / x.length, o.eps ?? 1e-4));
    };
    const [r, c] = [share(reference), share(current)];
    return c.reduce((a, p, b) => a + (o.kl ? p * Math.log(p / r[b]) : (p - r[b]) * Math.log(p / r[b])), 0);
  };

const drift: Record<string, [Partial<DriftStats>, string, RegExp]> = {
  "PSI with bins from the current sample": [
    { psi: psiWith({ edgesFrom: "current" }) },
    "psi-fixture",
    /these bins are the current sample's quantiles/,
  ],
  "PSI with equal-width bins": [
    { psi: psiWith({ equalWidth: true }) },
    "psi-fixture",
    /psi should equal numpy's float64 value[\s\S]*these are equal-width bins[\s\S]*Hint: PSI's bins here are the reference's quantiles/,
  ],
  "PSI without the epsilon floor": [
    { psi: psiWith({ eps: 0 }) },
    "psi-empty-bins",
    /Actual: +(NaN|Infinity)[\s\S]*not floored/,
  ],
  "PSI with left-closed bins [a, b)": [{ psi: psiWith({ leftClosed: true }) }, "psi-fixture", /integers 0\.\.4/],
  "PSI as one-sided KL divergence": [
    { psi: psiWith({ kl: true }) },
    "psi-fixture",
    /psi should equal numpy's float64 value/,
  ],
  "PSI ignores the bins argument": [{ psi: (r, c) => D.psi(r, c) }, "psi-bins-argument", /should use 4 bins/],
  "PSI sorts the caller's reference in place": [
    {
      psi: (r, c, b) => {
        const v = D.psi(r, c, b);
        r.sort((x, y) => x - y);
        return v;
      },
    },
    "inputs-unchanged",
    /should not modify its inputs/,
  ],
  "KS evaluated only at the first sample's points": [
    {
      ksStatistic: (a, b) => {
        D.ksStatistic(a, b);
        const F = (x: number[], v: number) => x.filter((e) => e <= v).length / x.length;
        return Math.max(...a.map((v) => Math.abs(F(a, v) - F(b, v))));
      },
    },
    "ks-property",
    /smallest of \d+ failing samples/,
  ],
  "KS merge walk that ignores ties": [
    {
      ksStatistic: (a, b) => {
        D.ksStatistic(a, b);
        const [x, y] = [[...a].sort((p, q) => p - q), [...b].sort((p, q) => p - q)];
        let [i, j, d] = [0, 0, 0];
        while (i < x.length && j < y.length) {
          if (x[i] <= y[j]) i++;
          else j++;
          d = Math.max(d, Math.abs(i / x.length - j / y.length));
        }
        return d;
      },
    },
    "ks-fixture",
    /ties across the samples|ks_2samp statistic/,
  ],
};
for (const [name, [patch, caseName, message]] of Object.entries(drift)) {
  test(`rejects (drift): ${name}`, async () => {
    await expectRejects(driftStatsDrill, { ...D, ...patch }, caseName, message);
  });
}

const schemas: Record<string, [ValidateSchema, string, RegExp]> = {
  "throws on a missing column": [
    (df, c) => {
      for (const k of Object.keys(c)) df.getColumn(k);
      return S(df, c);
    },
    "missing",
    /should run without throwing/,
  ],
  "ignores dtype changes": [(df, c) => S(df, c).filter((v) => v.kind !== "dtype"), "dtype", /Int64 → Float64/],
  "null count instead of null rate": [
    (df, c) =>
      S(
        df,
        Object.fromEntries(
          Object.entries(c).map(([k, v]) => [
            k,
            { ...v, maxNullRate: v.maxNullRate === undefined ? undefined : v.maxNullRate * df.height },
          ]),
        ),
      ),
    "null-rate",
    /0\.5 > 0\.25/,
  ],
  "null rate ≥ bound": [
    (df, c) => {
      const out = S(df, c);
      for (const [k, v] of Object.entries(c))
        if (
          df.columns.includes(k) &&
          v.maxNullRate !== undefined &&
          df.getColumn(k).nullCount() / df.height === v.maxNullRate &&
          v.maxNullRate > 0
        )
          out.push({ column: k, kind: "nullRate", message: "at bound" });
      return out;
    },
    "null-rate",
    /0\.5 = 0\.5/,
  ],
  "NaN not counted as out of range": [
    (df, c) =>
      S(df, c).filter(
        (v) =>
          !(
            v.kind === "range" &&
            (df.getColumn(v.column).toArray() as number[]).every(
              (x) =>
                x === null ||
                Number.isNaN(x) ||
                ((c[v.column].min ?? -Infinity) <= x && x <= (c[v.column].max ?? Infinity)),
            )
          ),
      ),
    "range",
    /NaN compares false/,
  ],
  "null compared as a number": [
    (df, c) => {
      const out = S(df, c);
      for (const [k, v] of Object.entries(c))
        if (
          df.columns.includes(k) &&
          !out.some((o) => o.column === k) &&
          (df.getColumn(k).toArray() as (number | null)[]).some((x) =>
            x !== null && typeof x !== "string"
              ? false
              : x === null &&
                ((v.min !== undefined && (x as unknown as number) < v.min) ||
                  (v.max !== undefined && (x as unknown as number) > v.max)),
          )
        )
          out.push({ column: k, kind: "range", message: "null" });
      return out;
    },
    "range",
    /null < 10 is true/,
  ],
  "violations without a message": [
    (df, c) => S(df, c).map((v) => ({ ...v, message: "" })),
    "missing",
    /\{ column, kind, message \}/,
  ],
};
for (const [name, [impl, caseName, message]] of Object.entries(schemas)) {
  test(`rejects (schema): ${name}`, async () => {
    await expectRejects(validateSchemaDrill, schema(impl), caseName, message);
  });
}

test("equal-width PSI bins are blamed for their bins in every case they fail, never told to floor at 1e-4", async () => {
  const r = await evaluate(driftStatsDrill, { ...D, psi: psiWith({ equalWidth: true }) });
  const failed = r.results.filter((x) => x.status === "fail");
  assert.ok(failed.length > 0);
  for (const f of failed) {
    assert.match(JSON.stringify(f), /equal-width/, f.id);
    assert.not.match(f.hint ?? "", /1e-4|floor/, f.id);
  }
});

test.run();
