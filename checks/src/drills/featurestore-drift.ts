/**
 * Drill 09: drift statistics.
 * PSI = Σ_b (c_b − r_b) · ln(c_b / r_b), r_b and c_b the reference and current shares of bin b, each floored at
 * ε = 1e-4 (an empty bin would give ln 0). Bins: the reference's quantiles at 1/B, …, (B−1)/B (linear
 * interpolation between order statistics — numpy's default, "type 7"), outer edges −∞ and +∞, right-closed
 * (a, b], so a value equal to an edge falls in the lower bin. Edges come from the reference only: the current sample
 * must be measured on the same ruler.
 * KS = sup_x |F_a(x) − F_b(x)| over the right-continuous empirical cdfs (scipy's `ks_2samp` statistic).
 */
import * as fc from "fast-check";
import { normal, quantile } from "@drills/lib";
import { call, close, equal, ok, property, throwsValueError } from "../assert";
import { loadFixture } from "../fixtures";
import { fmt } from "../format";
import type { LegacyCase as Case } from "../drill";

export type Psi = (reference: number[], current: number[], bins?: number) => number;
export type KsStatistic = (a: number[], b: number[]) => number;
export interface DriftStats {
  psi: Psi;
  ksStatistic: KsStatistic;
}

export const PSI_EPSILON = 1e-4;

export function oraclePsi(reference: number[], current: number[], bins = 10, edgesFrom: number[] = reference): number {
  const sorted = [...edgesFrom].sort((a, b) => a - b);
  const edges = Array.from({ length: bins - 1 }, (_, i) => quantile(sorted, (i + 1) / bins));
  const shares = (x: number[]) => {
    const counts = new Array<number>(bins).fill(0);
    for (const v of x) counts[edges.filter((e) => e < v).length]++;
    return counts.map((c) => Math.max(c / x.length, PSI_EPSILON));
  };
  const r = shares(reference);
  const c = shares(current);
  return c.reduce((a, cb, b) => a + (cb - r[b]) * Math.log(cb / r[b]), 0);
}

export function oracleKs(a: number[], b: number[]): number {
  const cdf = (x: number[], v: number) => x.filter((e) => e <= v).length / x.length;
  return Math.max(...[...a, ...b].map((v) => Math.abs(cdf(a, v) - cdf(b, v))));
}

interface DriftFixture {
  drift: { name: string; reference: number[]; current: number[]; bins: number; psi: number; ks: number }[];
}

function run(label: string, fn: () => unknown, inputs: number[][], input: string): unknown {
  const copies = inputs.map((x) => [...x]);
  const out = call(label, fn);
  inputs.forEach((x, i) => equal(x, copies[i], { what: `${label} should not modify its inputs`, input, hint: "sort a copy ([...x].sort((a, b) => a − b)): Array.prototype.sort works in place." }));
  return out;
}

const psiOf = (impl: DriftStats, r: number[], c: number[], input: string, bins?: number) =>
  run(`psi(reference, current${bins === undefined ? "" : `, ${bins}`})`, () => (bins === undefined ? impl.psi(r, c) : impl.psi(r, c, bins)), [r, c], input);
const ksOf = (impl: DriftStats, a: number[], b: number[], input: string) => run("ksStatistic(a, b)", () => impl.ksStatistic(a, b), [a, b], input);

const REF = Array.from(normal(400, 11));
const shifted = (d: number) => Array.from(normal(300, 12, d));

export const driftCases: Case<DriftStats>[] = [
  {
    name: "psi matches the float64 reference (fixture)",
    hint: "edges: the reference's quantiles (linear interpolation), open outer bins, (a, b] bins, shares floored at 1e-4.",
    run(impl) {
      for (const c of loadFixture<DriftFixture>("09-feature-store").drift) {
        const input = `${c.name}: reference n = ${c.reference.length}, current n = ${c.current.length}, bins = ${c.bins}`;
        const got = psiOf(impl, c.reference, c.current, input, c.bins);
        const fromCurrent = typeof got === "number" && Math.abs(got - oraclePsi(c.reference, c.current, c.bins, c.current)) < 1e-9 && Math.abs(got - c.psi) > 1e-9;
        close(got, c.psi, { what: "psi should equal numpy's float64 value", input, tol: 1e-9, rtol: 1e-9, note: fromCurrent ? "these bins are the current sample's quantiles" : undefined });
      }
    },
  },
  {
    name: "psi is 0 for identical samples and grows with a shift",
    hint: "the same data in the same bins has equal shares, so every term is 0; a larger shift moves more mass across the reference's edges.",
    run(impl) {
      close(psiOf(impl, REF, [...REF], "reference = current = N(0,1), n = 400"), 0, { what: "psi(x, x) should be 0", input: "reference = current = N(0,1), n = 400", tol: 1e-12 });
      const shifts = [0, 0.25, 0.5, 1, 2];
      const values = shifts.map((d) => psiOf(impl, REF, shifted(d), `current = N(${d}, 1)`));
      ok(values.every((v, i) => typeof v === "number" && (i === 0 || v > (values[i - 1] as number))), { what: "psi should increase with the shift of the current sample", input: `reference N(0,1); current N(d,1), d = ${shifts.join(", ")}`, expected: "strictly increasing values", actual: fmt(values) });
    },
  },
  {
    name: "psi: empty bins use the epsilon floor and the bins argument is honoured",
    hint: "a bin the current sample never reaches has share 0: floor it at 1e-4 instead of taking ln 0; `bins` defaults to 10.",
    run(impl) {
      const far = shifted(6);
      close(psiOf(impl, REF, far, "current = N(6, 1): all in the top bin"), oraclePsi(REF, far), { what: "psi with 9 empty current bins should be finite and match", input: "reference N(0,1), current N(6,1)", tol: 1e-9, rtol: 1e-9 });
      const cur = shifted(0.5);
      close(psiOf(impl, REF, cur, "bins = 4", 4), oraclePsi(REF, cur, 4), { what: "psi(reference, current, 4) should use 4 bins", input: "reference N(0,1), current N(0.5,1), bins = 4", tol: 1e-9, rtol: 1e-9 });
      close(psiOf(impl, REF, cur, "bins omitted"), oraclePsi(REF, cur, 10), { what: "psi(reference, current) should default to 10 bins", input: "reference N(0,1), current N(0.5,1)", tol: 1e-9, rtol: 1e-9 });
    },
  },
  {
    name: "ks statistic matches scipy's ks_2samp (fixture, with ties)",
    hint: "evaluate both empirical cdfs at every distinct value of either sample, after all copies of a tied value.",
    run(impl) {
      for (const c of loadFixture<DriftFixture>("09-feature-store").drift) {
        const input = `${c.name}: a n = ${c.reference.length}, b n = ${c.current.length}`;
        close(ksOf(impl, c.reference, c.current, input), c.ks, { what: "ksStatistic should equal scipy's ks_2samp statistic", input, tol: 1e-12 });
      }
      const a = [1, 2, 2, 3];
      const b = [2, 2, 2, 4];
      close(ksOf(impl, a, b, `a = ${fmt(a)}, b = ${fmt(b)}`), oracleKs(a, b), { what: "ties across the samples", input: `a = ${fmt(a)}, b = ${fmt(b)}`, tol: 1e-12 });
    },
  },
  {
    name: "property: ks is in [0, 1], symmetric, 0 on identical samples and matches the reference",
    hint: "D = max |F_a(v) − F_b(v)| over every value v of both samples; try the shrunk input by hand.",
    run(impl) {
      const arr = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 15 });
      property(fc.tuple(arr, arr), ([a, b]) => {
        const d = ksOf(impl, a, b, "random");
        close(d, oracleKs(a, b), { what: "ksStatistic(a, b)", tol: 1e-12 });
        close(ksOf(impl, b, a, "random"), d as number, { what: "ksStatistic(b, a) should equal ksStatistic(a, b)", tol: 1e-12 });
        close(ksOf(impl, a, [...a].reverse(), "random"), 0, { what: "ksStatistic(a, a) should be 0", tol: 1e-12 });
      }, { what: "ks statistic on random integer samples (many ties)", numRuns: 100 });
    },
  },
  {
    name: "invalid input throws ValueError naming the argument",
    hint: "both samples must be non-empty and finite; bins an integer ≥ 2.",
    run(impl) {
      const bad: [string, () => unknown, string][] = [
        ["psi([], [1, 2])", () => impl.psi([], [1, 2]), "reference"],
        ["psi([1, 2], [NaN])", () => impl.psi([1, 2], [NaN]), "current"],
        ["psi([1, 2, 3], [1, 2], 1)", () => impl.psi([1, 2, 3], [1, 2], 1), "bins"],
        ["psi([1, 2, 3], [1, 2], 2.5)", () => impl.psi([1, 2, 3], [1, 2], 2.5), "bins"],
        ["ksStatistic([1], [])", () => impl.ksStatistic([1], []), "b"],
        ["ksStatistic([Infinity], [1])", () => impl.ksStatistic([Infinity], [1]), "a"],
      ];
      for (const [label, fn, arg] of bad) throwsValueError(label, fn, { what: `${label} should be rejected`, input: label, mentions: [arg] });
    },
  },
];
