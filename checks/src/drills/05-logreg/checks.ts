/**
 * Drill 05 — logistic regression from scratch in tfjs. The core: a stable sigmoid, probabilities, the L2-regularised
 * mean cross-entropy computed from logits, and batch gradient descent for a given number of epochs. The ★★ stretch:
 * early stopping on the loss's improvement. Every case is split: a call in calls.ts runs the candidate's function on
 * plain arrays in the kernel; the judges compare what it returns with the float64 oracles (oracle.ts). Every judge
 * runs behind replies.ts, so a reply of another shape fails by itself rather than crash it.
 *
 * Points: every case weighs 1. Measured in the kernel: "sigmoid-from-scratch" (the tf kernels run), "fit-intact",
 * "fit-leaks" and "hygiene" (tensors disposed or leaked) — 4 of the core's 18 points; none of the stretch's 3.
 */
import type { Check } from "../../drill";
import { calls, type Logreg } from "./calls";
import { fitCases } from "./cases-fit";
import { modelCases, rejectCases } from "./cases-model";
import { stopCases } from "./cases-stop";
import { hidden as properties } from "./hidden";
import { guard, guardHidden } from "./replies";

export const logregCheck: Check<Logreg> = {
  id: "05-logreg",
  part: "logreg",
  title: "Logistic regression from scratch",
  calls,
  cases: [...modelCases, ...fitCases, ...rejectCases].map(guard),
};
export const earlyStopCheck: Check<Pick<Logreg, "fitLogreg">> = {
  id: "05-logreg",
  part: "early-stop",
  title: "Early stopping ★★",
  calls: calls as Check<Pick<Logreg, "fitLogreg">>["calls"],
  cases: stopCases.map(guard),
};

export const checks = { logreg: logregCheck, "early-stop": earlyStopCheck };
/** The hidden properties, each judging only data of the right shape. */
export const hidden = Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, guardHidden(p)]));
