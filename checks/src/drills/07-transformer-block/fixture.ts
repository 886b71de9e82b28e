/**
 * PyTorch's numbers for drill 07 (checks/fixtures/07-transformer-block.json, from checks/fixtures/generate/) and the
 * tolerances they are compared with. Judge side only.
 */
import { loadFixture } from "../../fixtures";
import type { Job, Setup } from "./calls";
import { packDict, type Nested, type StateDict } from "./state";

export interface Outputs {
  out: number[][][];
  attention: number[][][][];
}
export interface Fixture extends Outputs {
  config: { dModel: number; nHead: number; dimFF: number; batch: number; seq: number };
  stateDict: StateDict;
  x: number[][][];
  causal: Outputs;
  keyPaddingMask: boolean[][];
  padding: Outputs;
  probe: number[][][];
  grads: Record<string, Nested>;
}

let cached: Fixture | undefined;
export const fixture = (): Fixture => (cached ??= loadFixture<Fixture>("07-transformer-block"));

/**
 * Float32 error budget. Outputs are O(1) and every dot product is ≤ 32 terms, so a float32 forward pass lands
 * within ~1e-6 of PyTorch's float64 result on either backend (cpu and wasm differ only in the last bits); 2e-5 leaves
 * room for that while the closest known mistake (LayerNorm eps 1e-3) moves outputs by > 1e-4.
 */
export const TOL = { tol: 2e-5, rtol: 2e-5 };
/** Gradients sum over batch × seq positions and pass back through softmax and LayerNorm: a looser budget. */
export const GRAD_TOL = { tol: 1e-4, rtol: 1e-4 };

export const fixtureSetup = (): Setup => {
  const f = fixture();
  return { dModel: f.config.dModel, nHead: f.config.nHead, dimFF: f.config.dimFF, pDrop: 0.1 };
};
export const fixtureJob = (): Job => ({ setup: fixtureSetup(), sd: packDict(fixture().stateDict) });

export const FIXTURE_INPUT =
  "x: (2, 5, 16) from the fixture; PyTorch block with dModel 16, nHead 4, dimFF 32, eval mode";
