/**
 * The loop baseline for drill 03 (judge side only: the grading kernel never loads this file). Written with two plain
 * loops and copies, so it cannot share a bug with a gather, frame or view-based answer.
 */
export function referenceWindows(x: ArrayLike<number>, k: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i + k <= x.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < k; j++) row.push(x[i + j]);
    rows.push(row);
  }
  return rows;
}

/** The values a float32 tensor holds for x: what the tfjs part's windows must contain, exactly. */
export const float32 = (x: ArrayLike<number>): number[] => Array.from(Float32Array.from(Array.from(x)));
