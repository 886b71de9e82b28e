/** Drill 06's PyTorch parity fixture (checks/fixtures/06-mlp.json, written by checks/fixtures/generate/06-mlp.py). */
import { loadFixture } from "../../fixtures";
import type { StateDict } from "./types";

export interface MlpFixture {
  inDim: number;
  hiddenDim: number;
  stateDict: StateDict;
  x: number[][];
  y: number[];
  eval: { logits: number[]; loss: number; accuracy: number };
  step: { lr: number; loss: number; grads: StateDict; after: StateDict };
  epoch: {
    lr: number;
    batchSize: number;
    batchLosses: number[];
    loss: number;
    unweightedLoss: number;
    after: StateDict;
  };
  extreme: { labels: number[]; logits: number[]; loss: number; grad: number[]; sigmoidBceLoss: number };
}

let cached: MlpFixture | undefined;
export const fixture = (): MlpFixture => (cached ??= loadFixture<MlpFixture>("06-mlp"));

export const FIXTURE_IN =
  "the given MLP(5, 7) with a PyTorch state_dict, and x, y (10 rows) from checks/fixtures/06-mlp.json";
