/**
 * Drill 06's stretch part ★★, BCE-with-logits written from its formula: the candidate's criterion and its tfjs
 * gradient come back as numbers; the judge compares with the float64 oracle and PyTorch's BCEWithLogitsLoss at
 * logits ±1000 (checks/fixtures/06-mlp.json), and names the usual causes (log of a saturated sigmoid, clipping,
 * swapped arguments, labels treated as 0/1 only).
 */
import { allClose, close } from "../../assert";
import type { Case } from "../../drill";
import { fmtExact } from "../../format";
import { judgeSamples, samples } from "../../samples";
import { fixture } from "./fixture";
import { bceGrad, bceWithLogits } from "./oracle";
import type { Criterion } from "./types";

type Pair = { labels: number[]; logits: number[] };
type Out = { loss: number; grad: Float32Array }[];

const TOL = 1e-5;
const show = ({ labels, logits }: Pair) => `labels = ${fmtExact(labels)}, logits = ${fmtExact(logits)}`;
const STABLE = "rewrite the loss in the logit: max(z, 0) − z·y + log(1 + e^(−|z|)), never log(sigmoid(z)).";

const MILD: Pair = { labels: [1, 0, 0, 1], logits: [2, -1, 0.5, -3] };
const SOFT: Pair = { labels: [0.2, 0.7, 1, 0, 0.5], logits: [1.5, -0.25, 3, -2, 0.75] };

const mild: Case<Criterion> = {
  id: "bce-mild",
  name: "bceWithLogits matches the mean BCE on moderate logits (labels first)",
  hint: "the mean over the batch of −[y·log σ(z) + (1 − y)·log(1 − σ(z))], written in z; labels are the first argument.",
  call: "bce",
  input: () => ({ pairs: [MILD] }),
  judge([m]: Out) {
    const swapped = Math.abs(m.loss - bceWithLogits(MILD.logits, MILD.labels)) < 1e-4;
    close(m.loss, bceWithLogits(MILD.labels, MILD.logits), {
      what: "the mean BCE-with-logits",
      input: show(MILD),
      tol: TOL,
      note: swapped ? "the arguments are swapped: labels come first" : undefined,
      hint: swapped ? "the signature is (labels, logits), like tf.losses.sigmoidCrossEntropy." : undefined,
    });
  },
};

const extreme: Case<Criterion> = {
  id: "bce-extreme",
  name: "bceWithLogits is exact at logits ±1000, as PyTorch's BCEWithLogitsLoss",
  was: ["bceWithLogits is exact at logits ±1000 (labels first)"],
  hint: STABLE,
  call: "bce",
  input: () => ({ pairs: [{ labels: fixture().extreme.labels, logits: fixture().extreme.logits }] }),
  judge([x]: Out) {
    const e = fixture().extreme;
    const note = !Number.isFinite(x.loss)
      ? "log(σ(z)) overflows: σ(±1000) rounds to exactly 0 or 1 in float32, and log 0 = −∞"
      : x.loss < e.loss / 2
        ? "clipping the probability caps the loss of a confident mistake"
        : undefined;
    close(x.loss, e.loss, {
      what: "the loss at extreme logits should be PyTorch's BCEWithLogitsLoss",
      input: show(e),
      rtol: 1e-6,
      tol: TOL,
      note,
    });
  },
};

const gradient: Case<Criterion> = {
  id: "bce-grad",
  name: "the gradient at logits ±1000 is (σ(z) − y) / n",
  hint: "build the loss from tf ops on z (tf.relu, tf.abs, tf.log1p, tf.exp) so tf.grad gives (σ(z) − y) / n; clipping zeroes it.",
  call: "bce",
  input: () => ({ pairs: [{ labels: fixture().extreme.labels, logits: fixture().extreme.logits }] }),
  judge([x]: Out) {
    const e = fixture().extreme;
    const bad = Array.from(x.grad).some((v) => !Number.isFinite(v));
    const zeroed = !bad && Math.abs(x.grad[2]) < 1e-6 && Math.abs(e.grad[2]) > 0.1;
    allClose(x.grad, e.grad, {
      what: "the gradient at extreme logits should be (σ(z) − y) / n",
      input: show(e),
      tol: 1e-6,
      note: bad
        ? "the gradient is not finite"
        : zeroed
          ? "a confident mistake gets zero gradient: the probability was clipped or saturated"
          : undefined,
      hint: bad || zeroed ? STABLE : undefined,
    });
  },
};

const soft: Case<Criterion> = {
  id: "bce-soft",
  name: "soft labels (0.2, 0.7, 0.5) give PyTorch's loss too",
  hint: "keep y as a number in the formula (max(z, 0) − z·y + …); do not branch on y === 1.",
  call: "bce",
  input: () => ({ pairs: [SOFT] }),
  judge([s]: Out) {
    close(s.loss, bceWithLogits(SOFT.labels, SOFT.logits), {
      what: "the mean BCE-with-logits with soft targets",
      input: show(SOFT),
      tol: TOL,
    });
  },
};

const property: Case<Criterion> = {
  id: "bce-property",
  name: "property: loss and gradient match the float64 reference on random logits",
  hint: "compare your loss with the formula by hand on the smallest failing input shown.",
  call: "bce",
  // Logits on a 1/16 grid in [−60, 60] (float32-exact), labels in {0, 0.25, …, 1}.
  input: () => ({
    pairs: samples(
      (fc) =>
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.record({
            labels: fc.array(
              fc.integer({ min: 0, max: 4 }).map((v) => v / 4),
              { minLength: n, maxLength: n },
            ),
            logits: fc.array(
              fc.integer({ min: -960, max: 960 }).map((v) => v / 16),
              { minLength: n, maxLength: n },
            ),
          }),
        ),
      { numRuns: 40 },
    ),
  }),
  judge(out: Out, { pairs }: { pairs: Pair[] }) {
    judgeSamples(
      pairs,
      out,
      (p, o) => {
        close(o?.loss, bceWithLogits(p.labels, p.logits), {
          what: "the loss should match the reference",
          tol: TOL,
          rtol: 1e-5,
        });
        allClose(o?.grad ?? [], bceGrad(p.labels, p.logits), {
          what: "the gradient should match (σ(z) − y) / n",
          tol: 1e-6,
          rtol: 1e-4,
        });
      },
      { what: "bceWithLogits on random logits and labels" },
    );
  },
};

export const bceCases: Case<Criterion>[] = [mild, extreme, gradient, soft, property];
