/**
 * Reference answers for drill 09's spec, written the way a candidate would. The solution notebook holds its own
 * copy; these exist so the checks can be tested without Jupyter.
 */
// numpy's default quantile (linear interpolation, type 7): one copy for the pack, in lib.
import { quantile } from "@drills/lib/dist/stats";
import pl from "nodejs-polars";
import { ValueError } from "@drills/lib";
import type { DriftStats, PointInTimeJoin, ValidateSchema, Violation } from "../calls";

export const referenceJoin: PointInTimeJoin = (labels, features, o) => {
  const need: [pl.DataFrame, string, string][] = [
    [labels, "labels", o.labelTime],
    [features, "features", o.featureTime],
    [labels, "labels", o.by],
    [features, "features", o.by],
  ];
  for (const [df, side, col] of need)
    if (!df.columns.includes(col))
      throw new ValueError(`opts: expected a column "${col}" in ${side}, got ${df.columns.join(", ")}`);
  const [lk, fk] = [labels.getColumn(o.by).dtype, features.getColumn(o.by).dtype];
  if (!lk.equals(fk))
    throw new ValueError(`by: "${o.by}" must have one dtype on both sides, got ${lk} in labels and ${fk} in features`);
  // polars has no allowExactMatches: matching on labelTime − 1 tick excludes equal times (exact on a time grid
  // coarser than the column's resolution, which is what feature pipelines produce).
  const key = "__asof_time";
  const t = pl.col(o.labelTime);
  const shifted = o.allowExactMatches === false ? t.cast(pl.Int64).sub(1).cast(labels.getColumn(o.labelTime).dtype) : t;
  const left = labels.withColumns(shifted.alias(key)).sort(key);
  // With `by`, polars does not verify sortedness: both sides must be sorted by time or the matches are silently wrong.
  const right = features.sort(o.featureTime);
  const joined = left.joinAsof(right, {
    leftOn: key,
    rightOn: o.featureTime,
    by: o.by,
    strategy: "backward",
    checkSortedness: false,
    ...(o.tolerance ? { tolerance: o.tolerance } : {}),
  });
  return joined.drop(key);
};

function finite(name: string, x: number[]): void {
  if (!Array.isArray(x) || x.length === 0 || !x.every(Number.isFinite))
    throw new ValueError(`${name}: expected a non-empty array of finite numbers`);
}

/** Number of sorted entries < v (bisect left), i.e. the index of v's right-closed bin. */
function countBelow(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countAtMost(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const referenceDrift: DriftStats = {
  psi(reference, current, bins = 10) {
    finite("reference", reference);
    finite("current", current);
    if (!Number.isInteger(bins) || bins < 2) throw new ValueError(`bins: expected an integer ≥ 2, got ${bins}`);
    const sorted = [...reference].sort((a, b) => a - b);
    const edges = Array.from({ length: bins - 1 }, (_, i) => quantile(sorted, (i + 1) / bins));
    const shares = (x: number[]) => {
      const counts = new Array<number>(bins).fill(0);
      for (const v of x) counts[countBelow(edges, v)]++;
      return counts.map((c) => Math.max(c / x.length, 1e-4));
    };
    const r = shares(reference);
    const c = shares(current);
    return c.reduce((a, cb, b) => a + (cb - r[b]) * Math.log(cb / r[b]), 0);
  },
  ksStatistic(a, b) {
    finite("a", a);
    finite("b", b);
    const sa = [...a].sort((x, y) => x - y);
    const sb = [...b].sort((x, y) => x - y);
    let d = 0;
    for (const v of [...sa, ...sb])
      d = Math.max(d, Math.abs(countAtMost(sa, v) / sa.length - countAtMost(sb, v) / sb.length));
    return d;
  },
};

export const referenceSchema: ValidateSchema = (df, contract) => {
  const out: Violation[] = [];
  for (const [name, c] of Object.entries(contract)) {
    if (!df.columns.includes(name)) {
      out.push({ column: name, kind: "missing", message: `${name}: missing` });
      continue;
    }
    const s = df.getColumn(name);
    if (!s.dtype.equals(c.dtype)) {
      out.push({ column: name, kind: "dtype", message: `${name}: expected ${c.dtype}, got ${s.dtype}` });
      continue;
    }
    const rate = df.height === 0 ? 0 : s.nullCount() / df.height;
    if (c.maxNullRate !== undefined && rate > c.maxNullRate)
      out.push({ column: name, kind: "nullRate", message: `${name}: null rate ${rate} > ${c.maxNullRate}` });
    const values = s.toArray() as unknown[];
    const bad = values.filter(
      (v) =>
        typeof v === "number" &&
        (Number.isNaN(v) || (c.min !== undefined && v < c.min) || (c.max !== undefined && v > c.max)),
    );
    if (bad.length)
      out.push({
        column: name,
        kind: "range",
        message: `${name}: ${bad.length} value(s) outside [${c.min ?? "-inf"}, ${c.max ?? "inf"}] or NaN`,
      });
  }
  return out;
};
