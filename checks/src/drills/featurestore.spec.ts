/** Drill 09's checks pass the references and the notebook's model answer, and reject each known-wrong answer. */
import { test } from "uvu";
import pl from "nodejs-polars";
import { todo } from "@drills/lib";
import { expectPass, expectRejects, expectTodo } from "../testing";
import { driftStatsDrill, featureStoreAnswerDrill, pointInTimeJoinDrill, validateSchemaDrill, type DriftStats, type PointInTimeJoin, type ValidateSchema } from "./featurestore";
import { referenceDrift as D, referenceJoin as J, referenceSchema as S } from "./featurestore-reference";
import { durationMs } from "./featurestore-join";
import { quantile } from "@drills/lib";
import { answerFromNotebook } from "./rubric";

const join = (pointInTimeJoin: PointInTimeJoin) => ({ pointInTimeJoin });
const schema = (validateSchema: ValidateSchema) => ({ validateSchema });

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

/** A plain polars as-of join with the options a candidate might get wrong. */
const asof = (patch: { strategy?: "backward" | "forward" | "nearest"; by?: boolean; sort?: boolean; tolerance?: (t?: string) => string | undefined; exact?: boolean }): PointInTimeJoin => (labels, features, o) => {
  J(labels.head(0), features.head(0), o); // same validation as the reference
  const tol = patch.tolerance ? patch.tolerance(o.tolerance) : o.tolerance;
  const key = "__t";
  const strict = o.allowExactMatches === false && patch.exact !== false;
  const t = pl.col(o.labelTime);
  let left = labels.withColumns((strict ? t.cast(pl.Int64).sub(1).cast(labels.getColumn(o.labelTime).dtype) : t).alias(key));
  let right = features;
  if (patch.sort !== false) [left, right] = [left.sort(key), right.sort(o.featureTime)];
  const opts = { leftOn: key, rightOn: o.featureTime, strategy: patch.strategy ?? "backward", checkSortedness: false, ...(tol ? { tolerance: tol } : {}) } as const;
  if (patch.by === false) return left.joinAsof(right.drop(o.by), opts).drop(key);
  return left.joinAsof(right, { ...opts, by: o.by }).drop(key);
};

const joins: Record<string, [PointInTimeJoin, string, RegExp]> = {
  "forward as-of join": [asof({ strategy: "forward" }), "as-of join matches pandas merge_asof (fixture)", /a label got a feature from its future/],
  "nearest as-of join": [asof({ strategy: "nearest" }), "as-of join matches pandas merge_asof (fixture)", /a label got a feature from its future/],
  "ignores `by` (joins across entities)": [asof({ by: false }), "features of another entity are never used", /should match merge_asof[\s\S]*Expected: .*"user":"u1".*"f":10/],
  "exclusive tolerance": [asof({ tolerance: (t) => (t ? `${durationMs(t) - 1}ms` : t) }), "tolerance is inclusive, as in merge_asof (fixture)", /should match merge_asof/],
  "ignores allowExactMatches": [asof({ exact: false }), "allowExactMatches: false uses only strictly earlier features (fixture)", /a label got a feature from its future/],
  "does not sort before joinAsof": [asof({ sort: false }), "property: unsorted random tables — never a future feature, always the latest past one", /shrunk after/],
  "inner join (drops labels without a feature)": [(l, f, o) => J(l, f, o).filter(pl.col(o.featureTime).isNotNull()), "as-of join matches pandas merge_asof (fixture)", /every label row should appear exactly once/],
  "leaves its helper column in the output": [(l, f, o) => J(l, f, o).withColumns(pl.col(o.labelTime).alias("__asof_time")), "as-of join matches pandas merge_asof (fixture)", /label columns plus the feature columns/],
  "no validation of the key dtype": [(l, f, o) => { if (![o.labelTime, o.by].every((c) => l.columns.includes(c)) || ![o.featureTime, o.by].every((c) => f.columns.includes(c))) return J(l, f, o); return l.sort(o.labelTime).joinAsof(f.sort(o.featureTime), { leftOn: o.labelTime, rightOn: o.featureTime, by: o.by, checkSortedness: false }); }, "invalid options throw ValueError naming the column", /String in labels but a Float64[\s\S]*it threw/],
};
for (const [name, [impl, caseName, message]] of Object.entries(joins)) {
  test(`rejects (join): ${name}`, async () => {
    await expectRejects(pointInTimeJoinDrill, join(impl), caseName, message);
  });
}

/** PSI variants: edges from a chosen sample, a chosen bin rule and epsilon. */
const psiWith = (o: { edgesFrom?: "current"; equalWidth?: boolean; eps?: number; leftClosed?: boolean; kl?: boolean }): DriftStats["psi"] => (reference, current, bins = 10) => {
  D.psi(reference, current, bins);
  const src = [...(o.edgesFrom === "current" ? current : reference)].sort((a, b) => a - b);
  const [lo, hi] = [src[0], src[src.length - 1]];
  const edges = Array.from({ length: bins - 1 }, (_, i) => (o.equalWidth ? lo + ((hi - lo) * (i + 1)) / bins : quantile(src, (i + 1) / bins)));
  const share = (x: number[]) => {
    const c = new Array<number>(bins).fill(0);
    for (const v of x) c[edges.filter((e) => (o.leftClosed ? e <= v : e < v)).length]++;
    return c.map((n) => Math.max(n / x.length, o.eps ?? 1e-4));
  };
  const [r, c] = [share(reference), share(current)];
  return c.reduce((a, p, b) => a + (o.kl ? p * Math.log(p / r[b]) : (p - r[b]) * Math.log(p / r[b])), 0);
};

const drift: Record<string, [Partial<DriftStats>, string, RegExp]> = {
  "PSI with bins from the current sample": [{ psi: psiWith({ edgesFrom: "current" }) }, "psi matches the float64 reference (fixture)", /these bins are the current sample's quantiles/],
  "PSI with equal-width bins": [{ psi: psiWith({ equalWidth: true }) }, "psi matches the float64 reference (fixture)", /psi should equal numpy's float64 value/],
  "PSI without the epsilon floor": [{ psi: psiWith({ eps: 0 }) }, "psi: empty bins use the epsilon floor and the bins argument is honoured", /Actual: +(NaN|Infinity)/],
  "PSI with left-closed bins [a, b)": [{ psi: psiWith({ leftClosed: true }) }, "psi matches the float64 reference (fixture)", /integers 0\.\.4/],
  "PSI as one-sided KL divergence": [{ psi: psiWith({ kl: true }) }, "psi matches the float64 reference (fixture)", /psi should equal numpy's float64 value/],
  "PSI ignores the bins argument": [{ psi: (r, c) => D.psi(r, c) }, "psi: empty bins use the epsilon floor and the bins argument is honoured", /should use 4 bins/],
  "PSI sorts the caller's reference in place": [{ psi: (r, c, b) => { const v = D.psi(r, c, b); r.sort((x, y) => x - y); return v; } }, "psi is 0 for identical samples and grows with a shift", /should not modify its inputs/],
  "KS evaluated only at the first sample's points": [{ ksStatistic: (a, b) => { D.ksStatistic(a, b); const F = (x: number[], v: number) => x.filter((e) => e <= v).length / x.length; return Math.max(...a.map((v) => Math.abs(F(a, v) - F(b, v)))); } }, "property: ks is in [0, 1], symmetric, 0 on identical samples and matches the reference", /shrunk after/],
  "KS merge walk that ignores ties": [{ ksStatistic: (a, b) => { D.ksStatistic(a, b); const [x, y] = [[...a].sort((p, q) => p - q), [...b].sort((p, q) => p - q)]; let [i, j, d] = [0, 0, 0]; while (i < x.length && j < y.length) { if (x[i] <= y[j]) i++; else j++; d = Math.max(d, Math.abs(i / x.length - j / y.length)); } return d; } }, "ks statistic matches scipy's ks_2samp (fixture, with ties)", /ties across the samples|ks_2samp statistic/],
};
for (const [name, [patch, caseName, message]] of Object.entries(drift)) {
  test(`rejects (drift): ${name}`, async () => {
    await expectRejects(driftStatsDrill, { ...D, ...patch }, caseName, message);
  });
}

const schemas: Record<string, [ValidateSchema, string, RegExp]> = {
  "throws on a missing column": [(df, c) => { for (const k of Object.keys(c)) df.getColumn(k); return S(df, c); }, "schema: a missing column is reported, not thrown", /should run without throwing/],
  "ignores dtype changes": [(df, c) => S(df, c).filter((v) => v.kind !== "dtype"), "schema: a dtype change is reported", /Int64 → Float64/],
  "null count instead of null rate": [(df, c) => S(df, Object.fromEntries(Object.entries(c).map(([k, v]) => [k, { ...v, maxNullRate: v.maxNullRate === undefined ? undefined : v.maxNullRate * df.height }]))), "schema: null rate above its bound (equal is fine)", /0\.5 > 0\.25/],
  "null rate ≥ bound": [(df, c) => { const out = S(df, c); for (const [k, v] of Object.entries(c)) if (df.columns.includes(k) && v.maxNullRate !== undefined && df.getColumn(k).nullCount() / df.height === v.maxNullRate && v.maxNullRate > 0) out.push({ column: k, kind: "nullRate", message: "at bound" }); return out; }, "schema: null rate above its bound (equal is fine)", /0\.5 = 0\.5/],
  "NaN not counted as out of range": [(df, c) => S(df, c).filter((v) => !(v.kind === "range" && (df.getColumn(v.column).toArray() as number[]).every((x) => x === null || Number.isNaN(x) || ((c[v.column].min ?? -Infinity) <= x && x <= (c[v.column].max ?? Infinity))))), "schema: out-of-range values, NaN included, nulls excluded", /NaN compares false/],
  "null compared as a number": [(df, c) => { const out = S(df, c); for (const [k, v] of Object.entries(c)) if (df.columns.includes(k) && !out.some((o) => o.column === k) && (df.getColumn(k).toArray() as (number | null)[]).some((x) => x !== null && typeof x !== "string" ? false : x === null && ((v.min !== undefined && (x as unknown as number) < v.min) || (v.max !== undefined && (x as unknown as number) > v.max)))) out.push({ column: k, kind: "range", message: "null" }); return out; }, "schema: out-of-range values, NaN included, nulls excluded", /null < 10 is true/],
  "violations without a message": [(df, c) => S(df, c).map((v) => ({ ...v, message: "" })), "schema: a missing column is reported, not thrown", /\{ column, kind, message \}/],
};
for (const [name, [impl, caseName, message]] of Object.entries(schemas)) {
  test(`rejects (schema): ${name}`, async () => {
    await expectRejects(validateSchemaDrill, schema(impl), caseName, message);
  });
}

test.run();
