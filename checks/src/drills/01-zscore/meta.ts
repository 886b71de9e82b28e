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
      hints: [
        "You need two numbers from x: its mean and its population standard deviation (divide by n, not n − 1). tf.moments returns both as tensors, no values read into JS.",
        "A constant vector has std 0, and 0 / 0 is NaN. Compute the division, then choose zeros wherever std is 0 (tf.where + tf.equal) instead of guarding in JS.",
        "Order of work: validate x (rank 1, size > 0, else ValueError naming x); then do all tensor ops inside tf.tidy so intermediates are freed; return the new tensor and never dispose or modify x.",
      ],
    },
  ],
};
