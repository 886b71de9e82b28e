/** Drill 01's facts: the registry's entry (no library behind it). */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "01-zscore",
  title: "Z-score",
  level: "Easy",
  minutes: 10,
  parts: [
    {
      id: "zscore",
      title: "Z-score",
      check: "checkZscore",
      entry: "zscore",
      why: "tf.moments subtracts the mean before squaring (two passes), so float32 never cancels; the population std matches np.std; testing max == min catches constant inputs that float32 leaves with a tiny std; and tf.tidy frees every intermediate without touching x.",
      hints: [
        "You need two numbers from x: its mean and its population standard deviation (divide by n, not n − 1). tf.moments returns both as tensors, no values read into JS.",
        "A constant vector has std 0 in exact arithmetic, but float32 leaves a few ulps (seven 0.1s give 7e-9), so dividing gives ±1 or NaN. Decide constancy on the values themselves (tf.max equals tf.min) and pick zeros with tf.where instead of guarding in JS.",
        "Order of work: validate x (rank 1, size > 0, else ValueError naming x); then do all tensor ops inside tf.tidy so intermediates are freed; return the new tensor and never dispose or modify x.",
      ],
    },
  ],
};
