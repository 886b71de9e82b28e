/**
 * Drill 06's facts: the registry's entry (no library behind it). The core is the seed's scope — the MLP, setSeed, a
 * loader and the criterion are given; the candidate writes trainEpoch and evaluate. Points measured inside the
 * kernel: 1 of 7 in the core, 1 of 4 in the loader stretch, none in the BCE stretch (checks.spec asserts it).
 */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "06-mlp",
  title: "Minimal MLP",
  level: "Expert",
  minutes: 20,
  parts: [
    {
      id: "mlp",
      title: "trainEpoch and evaluate",
      check: "checkMlp",
      entry: "{ trainEpoch: trainEpoch, evaluate: evaluate }",
      hints: [
        "optimizer.minimize is PyTorch's zero_grad / backward / step in one call. For each [xb, yb] of the loader, call it once with a function that computes criterion(yb, model.forward(xb, true)), returnCost true, and model.parameters() as the variables: it steps the weights and hands back the batch's loss as a scalar tensor.",
        "The epoch loss is per sample, as the PyTorch loop's total += loss.item() * xb.size(0): add loss_b · n_b for every batch and divide by the number of rows at the end — the last batch can be short. Read the cost with dataSync()[0], then dispose it.",
        "evaluate never steps an optimizer: model.forward(xb, false) (dropout off), the batch loss weighted by its size as in trainEpoch, and correct = (logit > 0) == label, because σ(z) > 0.5 ⇔ z > 0. Do each batch's tensor work inside tf.tidy and hand back plain numbers (the loader disposes the batches).",
      ],
      why: "minimize computes the loss inside its gradient tape and steps exactly the variables you pass, so one call per batch is one SGD/Adam step; weighting each batch's mean by its size makes the epoch loss the per-sample mean that PyTorch reports; evaluate with training = false and no optimizer measures the model as it is without changing it.",
    },
    {
      id: "loader",
      title: "makeLoader, a seeded DataLoader",
      check: "checkMakeLoader",
      entry: "makeLoader",
      stretch: "★★★",
      hints: [
        "Return an object with *[Symbol.iterator]() — a generator — so every for…of over the loader is a new epoch. Keep the short last batch: slice order[start, start + batchSize).",
        "Seeded reshuffling: create one generator per loader from opts.seed (rng(seed)) outside the iterator, and draw a new permutation from it at the start of each epoch; never Math.random.",
        "Build each batch with tf.gather(X, idx) and tf.gather(y, idx) inside tf.tidy, then try { yield batch } finally { tf.dispose(batch) }: the finally runs when the loop asks for the next batch or breaks. Validate batchSize first (ValueError naming it).",
      ],
      why: "A generator per iteration gives a new epoch each for…of; one seeded stream per loader makes the sequence of shuffles reproducible while still changing every epoch (PyTorch's DataLoader(generator=…)); disposing in finally frees each batch exactly once, even on break.",
    },
    {
      id: "bce",
      title: "bceWithLogits from its formula",
      check: "checkBceWithLogits",
      entry: "bceWithLogits",
      stretch: "★★",
      hints: [
        "Start from BCE(p, y) = −[y·log p + (1 − y)·log(1 − p)] with p = σ(z), and simplify it in z: log σ(z) = −log(1 + e^(−z)).",
        "The stable form is max(z, 0) − z·y + log(1 + e^(−|z|)): e^(−|z|) is never larger than 1, so nothing overflows at z = ±1000, and y stays a number (soft labels work).",
        "In tfjs: tf.relu(z) − z·y + tf.log1p(tf.exp(tf.neg(tf.abs(z)))), then tf.mean, inside tf.tidy, labels first. tf.grad of that is (σ(z) − y)/n.",
      ],
      why: "The fused form never exponentiates a large positive number, so the loss of a confident mistake stays exact (z = −1000, y = 1 costs 1000) and its gradient (σ(z) − y)/n keeps teaching; a sigmoid then log saturates to log 0, and clipping caps the loss and zeroes the gradient.",
    },
  ],
};
