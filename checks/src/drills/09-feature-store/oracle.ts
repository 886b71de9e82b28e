/**
 * Float64 oracles for drill 09, on plain data (judge side only; the grading kernel never loads this file).
 *
 * Point-in-time join: for each label row, the feature row of the same entity (`by`) with the latest feature time ≤
 * label time (< when allowExactMatches is false) and, with a tolerance, labelTime − featureTime ≤ tolerance
 * (inclusive) — pandas `merge_asof(direction="backward")`; labels without one keep nulls (a left join).
 *
 * PSI = Σ_b (c_b − r_b) · ln(c_b / r_b), r_b and c_b the reference and current shares of bin b, each floored at
 * ε = 1e-4 (an empty bin would give ln 0). Bins: the reference's quantiles at 1/B, …, (B−1)/B (linear interpolation
 * between order statistics — numpy's default, "type 7"), outer edges −∞ and +∞, right-closed (a, b]. Edges come from
 * the reference only: the current sample must be measured on the same ruler.
 * KS = sup_x |F_a(x) − F_b(x)| over the right-continuous empirical cdfs (scipy's `ks_2samp` statistic).
 *
 * Schema: per contract column, in this order, stopping at the first structural problem: missing → "missing"; dtype
 * differs → "dtype"; then independently null rate = nulls / rows > maxNullRate (strict; 0 rows → rate 0) →
 * "nullRate", and any non-null value < min or > max, or NaN → "range". Extra columns are allowed.
 */
// numpy's default quantile (linear interpolation, type 7): one copy for the pack, in lib.
import { quantile } from "@drills/lib/dist/stats";
import type { AsOfOptions, PlainContract } from "./calls";
import type { Columns, Row } from "./frames";

const UNIT_MS: Record<string, number> = { ms: 1, s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 };

/** A polars duration like "3d" or "1d12h" in milliseconds. */
export function durationMs(s: string): number {
  return [...s.matchAll(/(\d+)(ms|s|m|h|d|w)/g)].reduce((a, [, n, u]) => a + Number(n) * UNIT_MS[u], 0);
}

export function oracleJoin(labels: Row[], features: Row[], o: AsOfOptions, featureCols: string[]): Row[] {
  const tol = o.tolerance === undefined ? Infinity : durationMs(o.tolerance);
  return labels.map((l) => {
    const t = l[o.labelTime] as number;
    let best: Row | undefined;
    for (const f of features) {
      const ft = f[o.featureTime] as number;
      const before = o.allowExactMatches === false ? ft < t : ft <= t;
      if (f[o.by] === l[o.by] && before && t - ft <= tol && (!best || ft >= (best[o.featureTime] as number))) best = f;
    }
    return { ...l, ...Object.fromEntries(featureCols.map((c) => [c, best ? best[c] : null])) };
  });
}

export const PSI_EPSILON = 1e-4;

export { quantile };

/** PSI on given inner edges, right-closed bins, shares floored at `eps`. */
export function psiOnEdges(reference: number[], current: number[], edges: number[], eps = PSI_EPSILON): number {
  const shares = (x: number[]) => {
    const counts = new Array<number>(edges.length + 1).fill(0);
    for (const v of x) counts[edges.filter((e) => e < v).length]++;
    return counts.map((c) => Math.max(c / x.length, eps));
  };
  const r = shares(reference);
  const c = shares(current);
  return c.reduce((a, cb, b) => a + (cb - r[b]) * Math.log(cb / r[b]), 0);
}

export const quantileEdges = (x: number[], bins: number) => {
  const sorted = [...x].sort((a, b) => a - b);
  return Array.from({ length: bins - 1 }, (_, i) => quantile(sorted, (i + 1) / bins));
};

/** Equal-width edges over the sample's range: what a histogram does, and not what PSI's ruler is here. */
export const equalWidthEdges = (x: number[], bins: number) => {
  const lo = Math.min(...x);
  const hi = Math.max(...x);
  return Array.from({ length: bins - 1 }, (_, i) => lo + ((hi - lo) * (i + 1)) / bins);
};

export function oraclePsi(reference: number[], current: number[], bins = 10, edgesFrom: number[] = reference): number {
  return psiOnEdges(reference, current, quantileEdges(edgesFrom, bins));
}

export function oracleKs(a: number[], b: number[]): number {
  const cdf = (x: number[], v: number) => x.filter((e) => e <= v).length / x.length;
  return Math.max(...[...a, ...b].map((v) => Math.abs(cdf(a, v) - cdf(b, v))));
}

/** The violations the rule gives, as sorted "column:kind" strings. */
export function oracleSchema(cols: Columns, contract: PlainContract): string[] {
  const out: string[] = [];
  for (const [name, c] of Object.entries(contract)) {
    const col = cols[name];
    if (!col) {
      out.push(`${name}:missing`);
      continue;
    }
    if (col.dtype !== c.dtype) {
      out.push(`${name}:dtype`);
      continue;
    }
    const nulls = col.values.filter((v) => v === null).length;
    if (c.maxNullRate !== undefined && col.values.length > 0 && nulls / col.values.length > c.maxNullRate)
      out.push(`${name}:nullRate`);
    const bad = col.values.some(
      (v) =>
        typeof v === "number" &&
        (Number.isNaN(v) || (c.min !== undefined && v < c.min) || (c.max !== undefined && v > c.max)),
    );
    if (bad) out.push(`${name}:range`);
  }
  return out.sort();
}
