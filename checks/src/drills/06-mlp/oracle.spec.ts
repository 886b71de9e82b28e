/** The float64 oracle agrees with PyTorch's fixture: eval logits and loss, one SGD step, one epoch of mini-batches. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { fixture } from "./fixture";
import { bceGrad, bceWithLogits } from "./oracle";
import { evaluateState, trainSgd } from "./oracle-train";
import { flat } from "./state";
import { STATE_KEYS, type StateDict } from "./types";

const maxDiff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));
const stateDiff = (a: StateDict, b: StateDict) => Math.max(...STATE_KEYS.map((k) => maxDiff(flat(a[k]), flat(b[k]))));

test("eval-mode logits, loss and accuracy equal PyTorch's", () => {
  const f = fixture();
  const e = evaluateState(f.stateDict, f.x, f.y);
  assert.ok(maxDiff(e.logits, f.eval.logits) < 1e-6, "logits");
  assert.ok(Math.abs(e.loss - f.eval.loss) < 1e-6, "loss");
  assert.is(e.accuracy, f.eval.accuracy);
});

test("one SGD step and one epoch of batches of 4 equal PyTorch's (loss and weights)", () => {
  const f = fixture();
  const step = trainSgd(f.stateDict, f.x, f.y, { batchSize: f.x.length, lr: f.step.lr, epochs: 1 });
  assert.ok(Math.abs(step.losses[0] - f.step.loss) < 1e-6 && stateDiff(step.after, f.step.after) < 1e-6, "one step");
  const epoch = trainSgd(f.stateDict, f.x, f.y, { batchSize: f.epoch.batchSize, lr: f.epoch.lr, epochs: 1 });
  assert.ok(Math.abs(epoch.losses[0] - f.epoch.loss) < 1e-6, `epoch loss ${epoch.losses[0]} vs ${f.epoch.loss}`);
  assert.ok(maxDiff(epoch.batchLosses[0], f.epoch.batchLosses) < 1e-6, "batch losses");
  assert.ok(stateDiff(epoch.after, f.epoch.after) < 1e-6, "weights after the epoch");
});

test("BCE-with-logits and its gradient at ±1000 equal PyTorch's", () => {
  const e = fixture().extreme;
  assert.ok(Math.abs(bceWithLogits(e.labels, e.logits) - e.loss) < 1e-9);
  assert.ok(maxDiff(bceGrad(e.labels, e.logits), e.grad) < 1e-12);
});

test.run();
