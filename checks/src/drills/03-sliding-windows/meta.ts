/**
 * Drill 03's facts: the registry's entry (no library behind it). Medium, as in the seed ("Classical ML & Evaluation":
 * 3, 4, 5). The core is the seed's (n − k + 1, k) array built with tensor ops; zero-copy views are the ★★ stretch.
 * Points: core 10 (2 measured in the kernel), stretch 5 (3 in the kernel) — see checks.ts.
 */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "03-sliding-windows",
  title: "Sliding windows",
  level: "Medium",
  minutes: 15,
  parts: [
    {
      id: "matrix",
      title: "Window matrix (tfjs)",
      check: "checkWindowMatrix",
      entry: "windowMatrix",
      hints: [
        "Row i is x[i], …, x[i + k − 1], so the result has n − k + 1 rows and k columns. Validate k first: an integer with 1 ≤ k ≤ n, otherwise ValueError naming k and the range.",
        "The element at [i][j] is x[i + j]. Build that index matrix without a loop: a column of starts (tf.range(0, n − k + 1), shape [n − k + 1, 1]) plus a row of offsets (tf.range(0, k), shape [1, k]) broadcasts to [n − k + 1, k].",
        "One tf.gather(x, idx) turns the index matrix into the windows (tf.signal.frame(x, k, 1) does the same in one call). Do it inside tf.tidy so the index tensors are freed; never read values back with dataSync.",
      ],
      why: "idx[i][j] = i + j is the whole idea: broadcasting a column of starts against a row of offsets builds it in O(1) JS work, and one gather copies each window — (n − k + 1)·k elements, no loop in JS. numpy's sliding_window_view goes one step further and copies nothing (strides (8, 8)): that is the stretch part.",
    },
    {
      id: "views",
      title: "Zero-copy views",
      stretch: "★★",
      check: "checkSlidingWindows",
      entry: "slidingWindows",
      hints: [
        "A view shares x's memory, a copy does not: for typed arrays, subarray() returns a view and slice() copies. The check writes into x and looks for the change in your rows.",
        "Row i is x.subarray(i, i + k): its byteOffset is x.byteOffset + 8·i automatically, because subarray counts from x, not from the buffer.",
        "If you build views by hand with new Float64Array(buffer, byteOffset, length), the offset is in bytes and is relative to the buffer, not to x: add x.byteOffset, because x may itself be a view.",
      ],
      why: "subarray(i, i + k) is a window of x's own memory: (n − k + 1) small objects and no element copied, so a write to x shows in every window covering it — the aliasing numpy guards against by making sliding_window_view read-only.",
    },
  ],
};
