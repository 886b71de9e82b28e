/**
 * Drill 09, stretch part: drift statistics (oracle.ts: PSI on the reference's quantile bins, two-sample KS). A PSI
 * that is off is told apart by the ruler it used — equal-width bins, the current sample's quantiles, no ε floor —
 * so the failure names that one cause and never another's fix.
 */
import { normal } from "@drills/lib";
import { close, ok, rejected } from "../../assert";
import type { Case } from "../../drill";
import { fmt } from "../../format";
import { loadFixture } from "../../fixtures";
import { judgeSamples, samples } from "../../samples";
import { run, valueOf } from "../ran";
import type { Ran } from "../runs";
import type { DriftStats } from "./calls";
import { equalWidthEdges, oracleKs, oraclePsi, psiOnEdges, quantileEdges } from "./oracle";

interface DriftFixture {
  drift: { name: string; reference: number[]; current: number[]; bins: number; psi: number; ks: number }[];
}
const fixture = () => loadFixture<DriftFixture>("09-feature-store").drift;

const REF = Array.from(normal(400, 11));
const shifted = (d: number) => Array.from(normal(300, 12, d));
const SHIFTS = [0, 0.25, 0.5, 1, 2];
const FAR = () => shifted(6);
const HALF = () => shifted(0.5);

/** The PSI a candidate computed on another ruler, each with its one cause. */
const PSI_MISREADS: { value: (r: number[], c: number[], bins: number) => number; note: string; hint: string }[] = [
  {
    value: (r, c, bins) => psiOnEdges(r, c, equalWidthEdges(r, bins)),
    note: "these are equal-width bins",
    hint: "PSI's bins here are the reference's quantiles (each holds ~1/B of the reference), not equal-width slices of its range: with equal widths the tails hold a handful of points and dominate the sum.",
  },
  {
    value: (r, c, bins) => psiOnEdges(r, c, equalWidthEdges([...r, ...c], bins)),
    note: "these are equal-width bins over both samples",
    hint: "take the bin edges from the reference's quantiles only: the current sample must be measured on the reference's ruler.",
  },
  {
    value: (r, c, bins) => oraclePsi(r, c, bins, c),
    note: "these bins are the current sample's quantiles",
    hint: "take the bin edges from the reference only: the current sample must be measured on the reference's ruler.",
  },
  {
    value: (r, c, bins) => psiOnEdges(r, c, quantileEdges(r, bins), 0),
    note: "an empty bin gives ln 0: the shares are not floored",
    hint: "floor each share at ε = 1e-4 before the log: a bin the current sample never reaches has share 0.",
  },
];

function psiCause(got: unknown, r: number[], c: number[], bins: number) {
  if (typeof got !== "number") return {};
  const m = PSI_MISREADS.find((x) => {
    const v = x.value(r, c, bins);
    return Number.isNaN(got) ? Number.isNaN(v) : got === v || Math.abs(got - v) <= 1e-9 * Math.max(1, Math.abs(v));
  });
  return m ? { note: m.note, hint: m.hint } : {};
}

const BAD: [string, string, unknown[], string][] = [
  ["psi([], [1, 2])", "psi", [[], [1, 2]], "reference"],
  ["psi([1, 2], [NaN])", "psi", [[1, 2], [NaN]], "current"],
  ["psi([1, 2, 3], [1, 2], 1)", "psi", [[1, 2, 3], [1, 2], 1], "bins"],
  ["psi([1, 2, 3], [1, 2], 2.5)", "psi", [[1, 2, 3], [1, 2], 2.5], "bins"],
  ["ksStatistic([1], [])", "ksStatistic", [[1], []], "b"],
  ["ksStatistic([Infinity], [1])", "ksStatistic", [[Infinity], [1]], "a"],
];

export const driftCases: Case<DriftStats>[] = [
  {
    id: "psi-fixture",
    name: "psi matches the float64 reference (fixture)",
    was: ["psi matches the float64 reference (fixture)"],
    hint: "bin edges: the reference's quantiles (linear interpolation), open outer bins, right-closed (a, b].",
    call: "drift",
    input: () => ({ runs: fixture().map((c) => run("psi", c.reference, c.current, c.bins)) }),
    judge(rs: Ran[]) {
      fixture().forEach((c, i) => {
        const input = `${c.name}: reference n = ${c.reference.length}, current n = ${c.current.length}, bins = ${c.bins}`;
        const got = valueOf(rs[i], "psi(reference, current, bins)", { input });
        close(got, c.psi, {
          what: "psi should equal numpy's float64 value",
          input,
          tol: 1e-9,
          rtol: 1e-9,
          ...psiCause(got, c.reference, c.current, c.bins),
        });
      });
    },
  },
  {
    id: "psi-shift",
    name: "psi is 0 for identical samples and grows with a shift",
    was: ["psi is 0 for identical samples and grows with a shift"],
    hint: "the same data in the same bins has equal shares, so every term is 0; a larger shift moves more mass across the reference's edges.",
    call: "drift",
    input: () => ({ runs: [run("psi", REF, REF), ...SHIFTS.map((d) => run("psi", REF, shifted(d)))] }),
    judge(rs: Ran[]) {
      const input = "reference = current = N(0,1), n = 400";
      close(valueOf(rs[0], "psi(x, x)", { input }), 0, { what: "psi(x, x) should be 0", input, tol: 1e-12 });
      const values = SHIFTS.map((d, i) =>
        valueOf(rs[i + 1], "psi(reference, current)", { input: `current = N(${d}, 1)` }),
      );
      ok(
        values.every((v, i) => typeof v === "number" && (i === 0 || v > (values[i - 1] as number))),
        {
          what: "psi should increase with the shift of the current sample",
          input: `reference N(0,1); current N(d,1), d = ${SHIFTS.join(", ")}`,
          expected: "strictly increasing values",
          actual: fmt(values),
        },
      );
    },
  },
  {
    id: "psi-empty-bins",
    name: "psi: empty bins use the epsilon floor",
    was: ["psi: empty bins use the epsilon floor and the bins argument is honoured"],
    hint: "a bin the current sample never reaches has share 0: floor it at 1e-4 instead of taking ln 0.",
    call: "drift",
    input: () => ({ runs: [run("psi", REF, FAR())] }),
    judge(rs: Ran[]) {
      const input = "reference N(0,1), n = 400; current N(6,1), n = 300: all in the top bin";
      const got = valueOf(rs[0], "psi(reference, current)", { input });
      close(got, oraclePsi(REF, FAR()), {
        what: "psi with 9 empty current bins should be finite and match",
        input,
        tol: 1e-9,
        rtol: 1e-9,
        ...psiCause(got, REF, FAR(), 10),
      });
    },
  },
  {
    id: "psi-bins-argument",
    name: "psi: the bins argument is honoured and defaults to 10",
    hint: "`bins` sets the number of quantile bins; when omitted, use 10.",
    call: "drift",
    input: () => ({ runs: [run("psi", REF, HALF(), 4), run("psi", REF, HALF())] }),
    judge(rs: Ran[]) {
      const four = valueOf(rs[0], "psi(reference, current, 4)", { input: "bins = 4" });
      close(four, oraclePsi(REF, HALF(), 4), {
        what: "psi(reference, current, 4) should use 4 bins",
        input: "reference N(0,1), current N(0.5,1), bins = 4",
        tol: 1e-9,
        rtol: 1e-9,
        ...psiCause(four, REF, HALF(), 4),
      });
      const ten = valueOf(rs[1], "psi(reference, current)", { input: "bins omitted" });
      close(ten, oraclePsi(REF, HALF(), 10), {
        what: "psi(reference, current) should default to 10 bins",
        input: "reference N(0,1), current N(0.5,1)",
        tol: 1e-9,
        rtol: 1e-9,
        ...psiCause(ten, REF, HALF(), 10),
      });
    },
  },
  {
    id: "ks-fixture",
    name: "ks statistic matches scipy's ks_2samp (fixture, with ties)",
    was: ["ks statistic matches scipy's ks_2samp (fixture, with ties)"],
    hint: "evaluate both empirical cdfs at every distinct value of either sample, after all copies of a tied value.",
    call: "drift",
    input: () => ({
      runs: [
        ...fixture().map((c) => run("ksStatistic", c.reference, c.current)),
        run("ksStatistic", [1, 2, 2, 3], [2, 2, 2, 4]),
      ],
    }),
    judge(rs: Ran[]) {
      const fx = fixture();
      fx.forEach((c, i) => {
        const input = `${c.name}: a n = ${c.reference.length}, b n = ${c.current.length}`;
        close(valueOf(rs[i], "ksStatistic(a, b)", { input }), c.ks, {
          what: "ksStatistic should equal scipy's ks_2samp statistic",
          input,
          tol: 1e-12,
        });
      });
      const input = "a = [1, 2, 2, 3], b = [2, 2, 2, 4]";
      close(valueOf(rs[fx.length], "ksStatistic(a, b)", { input }), oracleKs([1, 2, 2, 3], [2, 2, 2, 4]), {
        what: "ties across the samples",
        input,
        tol: 1e-12,
      });
    },
  },
  {
    id: "ks-property",
    name: "property: ks is in [0, 1], symmetric, 0 on identical samples and matches the reference",
    was: ["property: ks is in [0, 1], symmetric, 0 on identical samples and matches the reference"],
    hint: "D = max |F_a(v) − F_b(v)| over every value v of both samples; try the shrunk input by hand.",
    call: "drift",
    input: () => {
      const pairs = samples(
        (fc) => {
          const arr = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 15 });
          return fc.tuple(arr, arr);
        },
        { numRuns: 100 },
      );
      return {
        pairs,
        runs: pairs.flatMap(([a, b]) => [
          run("ksStatistic", a, b),
          run("ksStatistic", b, a),
          run("ksStatistic", a, [...a].reverse()),
        ]),
      };
    },
    judge(rs: Ran[], { pairs }: { pairs: [number[], number[]][] }) {
      const outs = pairs.map((_, i) => rs.slice(3 * i, 3 * i + 3));
      judgeSamples(
        pairs,
        outs,
        ([a, b], [ab, ba, aa]) => {
          const d = valueOf(ab, "ksStatistic(a, b)");
          close(d, oracleKs(a, b), { what: "ksStatistic(a, b)", tol: 1e-12 });
          close(valueOf(ba, "ksStatistic(b, a)"), d as number, {
            what: "ksStatistic(b, a) should equal ksStatistic(a, b)",
            tol: 1e-12,
          });
          close(valueOf(aa, "ksStatistic(a, a)"), 0, { what: "ksStatistic(a, a) should be 0", tol: 1e-12 });
        },
        { what: "ks statistic on random integer samples (many ties)" },
      );
    },
  },
  {
    id: "inputs-unchanged",
    name: "psi and ksStatistic leave their inputs unchanged",
    hint: "sort a copy ([...x].sort((a, b) => a − b)): Array.prototype.sort works in place.",
    inKernel: true,
    call: "drift",
    input: () => ({ runs: [run("psi", [3, 1, 2, 5, 4], [2, 9, 1]), run("ksStatistic", [3, 1, 2], [5, 4])] }),
    judge(rs: Ran[]) {
      ["psi([3, 1, 2, 5, 4], [2, 9, 1])", "ksStatistic([3, 1, 2], [5, 4])"].forEach((label, i) => {
        valueOf(rs[i], label, { input: label });
        ok(!rs[i].mutated, {
          what: `${label} should not modify its inputs`,
          input: label,
          expected: "the caller's arrays unchanged",
          actual: "an argument was sorted or changed in place",
        });
      });
    },
  },
  {
    id: "rejects",
    name: "invalid input throws ValueError naming the argument",
    was: ["invalid input throws ValueError naming the argument"],
    hint: "both samples must be non-empty and finite; bins an integer ≥ 2.",
    call: "drift",
    input: () => ({ runs: BAD.map(([, fn, args]) => run(fn, ...args)) }),
    judge(rs: Ran[]) {
      BAD.forEach(([label, , , arg], i) =>
        rejected(rs[i]?.threw, label, { what: `${label} should be rejected`, input: label, mentions: [arg] }),
      );
    },
  },
];
