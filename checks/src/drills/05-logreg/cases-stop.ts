/**
 * Drill 05's stretch part (★★): early stopping — fitLogreg stops after the first epoch whose loss improved by less
 * than tol. Judged outside the kernel from the returned weights alone: gradient descent from w = 0 visits one point
 * per epoch, so the float64 path tells which epoch the weights belong to — and, when they are on no point of it, the
 * path of the slip they follow (no λ·w term, 2λ·w, a sum instead of a mean) names the cause.
 */
import { ok } from "../../assert";
import type { Case } from "../../drill";
import { fail } from "../../failure";
import { fmtExact } from "../../format";
import { MISSING_L2_HINT, problem } from "./cases-fit";
import { descend, nearestEpoch, type Descent, type Problem } from "./oracle";
import type { FitOptions } from "./calls";

// Float32 gradient descent stays within ~1e-6 of the float64 path here; consecutive points near the stop differ by
// ~1e-4 or more, so the nearest point is the epoch that ran. Farther than 1e-3 from every point: another path.
const ON_PATH = 1e-3;
const STOP_HINT =
  "keep the previous epoch's loss; after each step compute the new loss and break as soon as previous − current < tol.";

const SLIPS: [Partial<Descent>, string, string][] = [
  [
    { l2Grad: 0 },
    "these weights follow gradient descent without the λ·w term: the gradient misses the penalty's part",
    MISSING_L2_HINT,
  ],
  [
    { l2Grad: 2 },
    "these weights follow gradient descent with 2λ·w in the gradient",
    "the penalty (λ/2)·‖w‖² has gradient λ·w, not 2λ·w.",
  ],
  [
    { divideByN: false },
    "these weights follow gradient descent on the summed, not the mean, cross-entropy gradient",
    "average the gradient over the n samples: Xᵀ(σ(Xw) − y) / n.",
  ],
];

interface Expect {
  /** Accepted epochs, and the one the drill's rule gives in float64. */
  lo: number;
  hi: number;
  expected: number;
}

const HORIZON = 1000;
// Past this distance from the limit, float32 noise (~1e-6) hides which epoch ran: the run has converged.
const SETTLED = 1e-5;

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Math.max(...Array.from(b, (v, j) => Math.abs(v - a[j])));

/** The epoch the weights belong to on the right path; a failure naming the slip when they are on none. */
export function judgeStop(
  p: Problem,
  lr: number,
  budget: number,
  w: Float32Array,
  e: Expect,
  input: string,
  hidden = false,
): void {
  const right: Descent = { lr, lambda: p.lambda };
  const { path } = descend(p.X, p.y, right, HORIZON);
  const at = nearestEpoch(path, w);
  if (at.distance > ON_PATH) {
    const slip = SLIPS.find(
      ([d]) => nearestEpoch(descend(p.X, p.y, { ...right, ...d }, HORIZON).path, w).distance <= ON_PATH,
    );
    fail({
      what: "the weights should lie on gradient descent's path from w = 0",
      input,
      how: `max |w − w_e| ≤ ${ON_PATH} for some epoch e of float64 gradient descent`,
      // A hidden case shows distances only: the weights would tell the candidate about the hidden data.
      expected: hidden
        ? `within ${ON_PATH} of some epoch's weights`
        : `w after about ${e.expected} epochs = ${fmtExact(path[e.expected].map((v) => Number(v.toPrecision(7))))}`,
      actual: `${hidden ? "weights" : fmtExact(Array.from(w, (v) => Number(v.toPrecision(7))))} (${at.distance === Infinity ? "not finite" : `${Number(at.distance.toPrecision(3))} from the nearest epoch, ${at.epoch}`})`,
      note: slip?.[1],
      hint:
        slip?.[2] ??
        "start from w = 0 and take plain steps w ← w − lr·(Xᵀ(σ(Xw) − y)/n + λ·w): no momentum, no other update.",
    });
  }
  const settle = path.findIndex((q) => maxDiff(q, path[HORIZON]) <= SETTLED);
  const converged = at.epoch >= settle;
  // When the rule itself stops only after the weights have settled, stopping and running on look the same.
  if (converged && e.expected >= settle) return;
  const hi = Math.min(e.hi, settle - 1);
  const ran = converged ? settle : at.epoch;
  ok(!converged && ran >= e.lo && ran <= hi, {
    what: "gradient descent should stop after the first epoch whose loss improved by less than tol",
    input,
    how: `the epoch read off the float64 path of gradient descent; accepted ${e.lo}–${hi}`,
    expected: `about ${e.expected} epochs (float64 gradient descent with the same rule)`,
    actual: converged ? `ran on to convergence (at least ${settle} epochs)` : `${ran} epoch${ran === 1 ? "" : "s"}`,
    note:
      converged && budget > settle
        ? `ran on until the weights converged: no early stop (up to ${budget} epochs)`
        : ran < e.lo
          ? "stopped while the loss was still falling fast: the comparison is the wrong way round, or it tests the loss before the step"
          : "stopped late",
    hint: STOP_HINT,
  });
}

const show = (p: Problem, o: FitOptions) => `${p.name}, options ${JSON.stringify(o)}`;
const input = (o: FitOptions) => ({ X: problem().X, y: problem().y, options: o, show: show(problem(), o) });

export const stopCases: Case[] = [
  {
    id: "stops-early",
    name: "stops once the loss improves by less than the default tol 1e-6",
    was: ["fitLogreg stops early when the loss improves by less than tol"],
    hint: STOP_HINT,
    call: "fit",
    input: () => input({ lr: 1, lambda: problem().lambda }),
    judge({ w }: { w: Float32Array }, i: { show: string }) {
      const p = problem();
      const expected = descend(p.X, p.y, { lr: 1, lambda: p.lambda }, 1000, 1e-6).stop;
      // Generous bounds: the point is stopping at all, and not at once. Float32 noise in the loss moves the stop by
      // a few epochs; an answer that compares before or after the step, by one.
      judgeStop(p, 1, 1000, w, { lo: Math.floor(expected / 2), hi: 2 * expected + 5, expected }, i.show);
    },
  },
  {
    id: "negative-tol",
    name: "a negative tol never stops early: exactly epochs epochs run",
    hint: "with tol < 0 the test previous − current < tol is false whenever the loss falls: don't reject or clamp a negative tol.",
    call: "fit",
    input: () => input({ lr: 1, lambda: problem().lambda, epochs: 30, tol: -1 }),
    judge: ({ w }: { w: Float32Array }, i: { show: string }) =>
      judgeStop(problem(), 1, 30, w, { lo: 29, hi: 30, expected: 30 }, i.show),
  },
  {
    id: "epochs-cap",
    name: "epochs caps the run even when the loss is still falling",
    hint: "loop at most options.epochs times, whatever tol says.",
    call: "fit",
    input: () => input({ lr: 1, lambda: problem().lambda, epochs: 5 }),
    judge: ({ w }: { w: Float32Array }, i: { show: string }) =>
      judgeStop(problem(), 1, 5, w, { lo: 5, hi: 5, expected: 5 }, i.show),
  },
];
