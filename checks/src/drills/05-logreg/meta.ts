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
        "The gradient is Xᵀ(σ(Xw) − y) / n + λ·w — forgetting the λ·w term is the classic bug. Take exactly `epochs` steps w ← w − lr·grad from w = 0, each inside tf.tidy, and dispose the previous w so nothing leaks.",
      ],
      why: "σ from e^−|z| never overflows; the loss written as softplus(z) − y·z is exact for any logit, where log σ(z) hits log 0; and the λ·w in the gradient is the derivative of (λ/2)·‖w‖², so gradient descent converges to the same regularised optimum as Newton's method and sklearn.",
    },
    {
      id: "early-stop",
      title: "Early stopping",
      check: "checkEarlyStopping",
      entry: "{ fitLogreg: fitLogreg }",
      stretch: "★★",
      hints: [
        "You need the loss before and after each step: compute it once before the loop (at w = 0), then after every step.",
        "Stop after the first epoch whose improvement previous − current is below tol — test after the step, then move current into previous.",
        "A negative tol must never stop the loop (the loss curve cell and the core checks pass tol: −1), and epochs still caps the run when the loss keeps falling.",
      ],
      why: "Gradient descent from w = 0 visits one point per epoch, so the weights you return show the epoch you stopped at: the first whose loss gain fell below tol, as the rule says.",
    },
  ],
};
