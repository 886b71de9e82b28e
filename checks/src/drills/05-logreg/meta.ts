/** Drill 05's facts: the registry's entry (no library behind it). */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "05-logreg",
  title: "Logistic regression from scratch",
  level: "Medium",
  minutes: 20,
  parts: [
    {
      id: "logreg",
      title: "Logistic regression",
      check: "checkLogreg",
      entry: "{ sigmoid: sigmoid, predictProba: predictProba, loss: loss, fitLogreg: fitLogreg }",
      hints: [
        "exp(1000) is Infinity in float32. A stable sigmoid only ever exponentiates a non-positive number: for z ≥ 0 use 1 / (1 + e^−z), for z < 0 use e^z / (1 + e^z); tf.where picks the branch per element.",
        "Compute the loss from the logits z = X·w, never as log of a probability (log of 0 is −Infinity): both log σ(z) and log(1 − σ(z)) have stable forms built from max(·, 0) and log(1 + e^−|z|). Then add (λ / 2)·‖w‖².",
        "The gradient is Xᵀ(σ(Xw) − y) / n + λ·w — forgetting the λ·w term is the classic bug. Step, recompute the loss, and stop after the first epoch that improved it by less than tol. Dispose the previous w (or work inside tf.tidy) so nothing leaks.",
      ],
    },
  ],
};
