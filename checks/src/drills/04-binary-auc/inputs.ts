/** Drill 04's fixed inputs, shared by the case files. */
import { loadFixture } from "../../fixtures";

export interface FixtureCase {
  name: string;
  yTrue: number[];
  yScore: number[];
  fpr: number[];
  tpr: number[];
  thresholds: (number | null)[];
  auc: number;
}
export const fixtureCases = () => loadFixture<{ cases: FixtureCase[] }>("04-binary-auc").cases;

// One tie between a positive and a negative (0.4): the pair count is 6/9; 5/9 or 7/9 means the tie was not 1/2.
export const TIED = { yTrue: [0, 0, 1, 1, 0, 1], yScore: [0.1, 0.4, 0.35, 0.8, 0.4, 0.4] };
export const TIED_REV = { yTrue: [...TIED.yTrue].reverse(), yScore: [...TIED.yScore].reverse() };
// Three tied groups (0.9, 0.5, 0.1) among 8 samples: 4 distinct scores, so 5 points.
export const GROUPS = { yTrue: [1, 0, 1, 0, 1, 0, 0, 1], yScore: [0.9, 0.9, 0.5, 0.5, 0.5, 0.2, 0.1, 0.1] };
export const TYPED = { yTrue: [1, 0, 0, 1, 0, 1, 1, 0], yScore: [0.3, 0.9, 0.2, 0.8, 0.5, 0.5, 0.1, 0.4] };
