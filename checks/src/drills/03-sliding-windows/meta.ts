/** Drill 03's facts: the registry's entry (no library behind it). */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "03-sliding-windows",
  title: "Sliding windows",
  level: "Easy",
  minutes: 10,
  parts: [
    {
      id: "windows",
      title: "Sliding windows",
      check: "checkSlidingWindows",
      entry: "slidingWindows",
      hints: [
        "Row i is x[i], …, x[i + k − 1], so there are n − k + 1 rows. Validate k first: an integer with 1 ≤ k ≤ n, otherwise ValueError naming k.",
        "A view shares x's memory, a copy does not: for typed arrays, subarray() returns a view and slice() copies. The check writes into x and looks for the change in your rows.",
        "If you build views by hand with new Float64Array(buffer, byteOffset, length), the offset is in bytes and is relative to the buffer, not to x: add x.byteOffset, because x may itself be a view.",
      ],
    },
  ],
};
