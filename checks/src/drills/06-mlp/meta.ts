/** Drill 06's facts: the registry's entry (no library behind it). */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "06-mlp",
  title: "Minimal MLP",
  level: "Expert",
  minutes: 20,
  parts: [
    {
      id: "mlp",
      title: "MLP training and evaluation",
      check: "checkMlp",
      entry: "{ MLP: MLP, setSeed: setSeed, makeLoader: makeLoader, trainEpoch: trainEpoch, evaluate: evaluate, bceWithLogits: bceWithLogits }",
      hints: [
        "Mirror PyTorch's layout: nn.Linear stores its weight as [out, in] and computes x·Wᵀ + b. In the state dict net.0 is the first Linear and net.3 the second (net.1 = ReLU and net.2 = Dropout have no weights).",
        "Dropout only in training mode, scaled by 1 / (1 − p) so eval needs no rescaling. tfjs has no global seed: derive a fresh seed per step from the one set by setSeed, for dropout and for shuffling, so runs repeat exactly.",
        "Use BCE with logits, max(z, 0) − z·y + log(1 + e^−|z|): finite for logits ±1000, where sigmoid then log is not. A training step computes the loss inside optimizer.minimize; evaluate() runs forward in eval mode and never calls minimize; neither disposes the loader's batches.",
      ],
    },
  ],
};
