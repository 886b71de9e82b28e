/**
 * Drill 06 cases on the candidate's whole pipeline: makeLoader (coverage, pairing, ownership of batch tensors,
 * seeded reshuffling), then setSeed + MLP + makeLoader + trainEpoch + evaluate together: reproducible loss
 * sequences, a loss that falls, and a tensor count that stays flat from epoch to epoch.
 */
import * as tf from "@tensorflow/tfjs";
import { normal } from "@drills/lib";
import { call, equal, ok } from "../assert";
import { fail } from "../failure";
import { fmt } from "../format";
import type { LegacyCase as Case } from "../drill";
import { construct, evaluateWith, session, stateOf, train } from "./mlp-harness";
import type { Batch, Mlp, MlpModel } from "./mlp-types";

/** Rows [i, −i] with label i, so a batch's row ids are readable from either tensor and pairing is checkable. */
function idLoader(impl: Mlp, n: number, opts: { batchSize: number; shuffle: boolean; seed: number }): Iterable<Batch> {
  const X = tf.tensor2d(Array.from({ length: n }, (_, i) => [i, -i]));
  const y = tf.tensor1d(Array.from({ length: n }, (_, i) => i));
  const label = `makeLoader(X, y, ${JSON.stringify(opts)})`;
  const loader = call(label, () => impl.makeLoader(X, y, opts));
  if (typeof (loader as unknown as Record<symbol, unknown>)?.[Symbol.iterator] !== "function") {
    const actual = typeof loader === "object" && loader !== null ? `an object with keys ${Object.keys(loader).join(", ") || "(none)"} and no [Symbol.iterator]` : fmt(loader);
    fail({ what: `${label} should return an iterable of [xb, yb] batches`, expected: "an object with [Symbol.iterator] (a generator, or an object whose [Symbol.iterator] is one)", actual });
  }
  return loader;
}

/** One epoch's batches as row ids, checking each batch's form and that x and y stay paired. */
function epochIds(loader: Iterable<Batch>, input: string): number[][] {
  const out: number[][] = [];
  // Inside `call`, so an error thrown by the candidate's generator is reported; check failures pass through.
  call("iterating the loader", () => {
    for (const batch of loader) {
      const [xb, yb] = Array.isArray(batch) ? batch : [];
      if (!(xb instanceof tf.Tensor) || !(yb instanceof tf.Tensor) || xb.rank !== 2 || yb.rank !== 1 || xb.shape[0] !== yb.shape[0]) {
        fail({ what: "each batch should be [xb, yb]: a 2-D and a 1-D tensor with the same number of rows", input, expected: "[Tensor [b, 2], Tensor [b]]", actual: fmt(batch) });
      }
      const ids = Array.from(yb.dataSync());
      const xs = Array.from(xb.dataSync()).filter((_, i) => i % 2 === 0);
      equal(xs, ids, { what: "x and y rows should stay paired in a batch", input });
      out.push(ids);
    }
  }, { input });
  return out;
}

const ordered = (n: number) => Array.from({ length: n }, (_, i) => i);

const loaderCoverage: Case<Mlp> = {
  name: "makeLoader: every row once per epoch, in order without shuffle, batches freed",
  hint: "n = 10 with batchSize 4 gives batches of 4, 4 and 2 (keep the short last batch); dispose each batch after its yield.",
  run: (impl) =>
    session(() => {
      for (const shuffle of [false, true]) {
        const opts = { batchSize: 4, shuffle, seed: 1 };
        const input = `X rows [i, −i], y = i for i < 10; ${JSON.stringify(opts)}`;
        const loader = idLoader(impl, 10, opts);
        const before = tf.memory().numTensors;
        const ids = epochIds(loader, input);
        equal(ids.map((b) => b.length), [4, 4, 2], { what: "10 rows in batches of 4 should come as 4, 4, 2", input });
        const all = ids.flat();
        equal(shuffle ? [...all].sort((a, b) => a - b) : all, ordered(10), { what: shuffle ? "each row should appear exactly once per epoch" : "without shuffle, rows should come in order", input });
        const left = tf.memory().numTensors - before;
        ok(left <= 0, { what: "the loader should free each batch once the loop moves on", input, expected: "tf.memory().numTensors back to its value before the epoch", actual: `${left} tensor(s) left after one epoch of 3 batches` });
      }
    }),
};

const loaderSeeds: Case<Mlp> = {
  name: "makeLoader: the same seed gives the same order; each epoch reshuffles",
  hint: "keep a seeded generator in the loader and draw a new permutation from it at the start of every epoch.",
  run: (impl) =>
    session(() => {
      const opts = (seed: number) => ({ batchSize: 4, shuffle: true, seed });
      const input = "X rows [i, −i], y = i for i < 12; batchSize 4, shuffle true";
      const twoEpochs = (seed: number) => {
        const loader = idLoader(impl, 12, opts(seed));
        return [epochIds(loader, input).flat(), epochIds(loader, input).flat()];
      };
      const [a1, a2] = twoEpochs(5);
      const [b1, b2] = twoEpochs(5);
      equal([a1, a2], [b1, b2], { what: "two loaders with seed 5 should give the same two epochs", input: `${input}, seed 5 twice` });
      ok(a1.join() !== ordered(12).join(), { what: "shuffle: true should change the order", input, expected: "a permutation other than 0…11", actual: fmt(a1) });
      ok(a1.join() !== a2.join(), { what: "each epoch should get a new shuffle", input, expected: "epoch 2's order differs from epoch 1's", actual: `both ${fmt(a1)}` });
      const [c1] = twoEpochs(6);
      ok(c1.join() !== a1.join(), { what: "a different seed should give a different order", input: `${input}, seed 5 vs 6`, expected: "different orders", actual: `both ${fmt(a1)}` });
    }),
};

/** 96 rows in 4-D labelled by a fixed hyperplane: learnable, so the loss must fall. */
function separable(seed: number): { X: tf.Tensor2D; y: tf.Tensor1D } {
  const z = Array.from(normal(96 * 4, seed), Math.fround);
  const rows = Array.from({ length: 96 }, (_, i) => z.slice(4 * i, 4 * i + 4));
  return { X: tf.tensor2d(rows), y: tf.tensor1d(rows.map((r) => (r[0] + 0.5 * r[1] - 0.8 * r[2] > 0 ? 1 : 0))) };
}

const PIPELINE = "setSeed(s); new MLP(4, 16, 0.3); makeLoader(X, y, {batchSize: 16, shuffle: true, seed: s}); tf.train.adam(0.01); X: 96×4, y from a hyperplane";

interface Run { init: string; losses: number[]; model: MlpModel; loader: Iterable<Batch>; opt: tf.Optimizer }

function start(impl: Mlp, seed: number, own: <O extends { dispose(): void }>(o: O) => O): Run {
  const { X, y } = separable(1);
  call(`setSeed(${seed})`, () => impl.setSeed(seed));
  const model = construct(impl, 4, 16, 0.3);
  const init = JSON.stringify(stateOf(model, 4, 16));
  const loader = call("makeLoader(X, y, opts)", () => impl.makeLoader(X, y, { batchSize: 16, shuffle: true, seed }));
  return { init, losses: [], model, loader, opt: own(tf.train.adam(0.01)) };
}

const reproducible: Case<Mlp> = {
  name: "training: the same seed gives the same loss sequence",
  hint: "derive every random op's seed (init, each dropout call, each epoch's shuffle) from setSeed / the loader's seed.",
  run: (impl) =>
    session((own) => {
      // One run after the other: setSeed restarts the one stream that init and dropout both draw from.
      const run = () => {
        const r = start(impl, 11, own);
        for (let e = 0; e < 3; e++) r.losses.push(train(impl, r.model, r.loader, r.opt, PIPELINE));
        return r;
      };
      const a = run();
      const b = run();
      const note = a.init !== b.init ? "the initial weights already differ" : "the initial weights agree, so the shuffle or the dropout masks are not reproducible";
      ok(a.losses.join() === b.losses.join(), { what: "two runs with seed 11 should give the same epoch losses", input: PIPELINE, expected: fmt(a.losses), actual: fmt(b.losses), note });
    }),
};

const learns: Case<Mlp> = {
  name: "training lowers the loss",
  hint: "each batch needs a forward pass in training mode, the loss, and an optimizer step (minimize) on the weights.",
  run: (impl) =>
    session((own) => {
      const r = start(impl, 2, own);
      const first = evaluateWith(impl, r.model, r.loader, PIPELINE);
      for (let e = 0; e < 6; e++) r.losses.push(train(impl, r.model, r.loader, r.opt, PIPELINE));
      const last = evaluateWith(impl, r.model, r.loader, PIPELINE);
      ok(last.loss < first.loss - 0.1, { what: "six epochs of Adam should lower the eval loss by more than 0.1", input: PIPELINE, expected: `below ${(first.loss - 0.1).toFixed(4)} (it started at ${first.loss.toFixed(4)})`, actual: `${last.loss.toFixed(4)}; epoch losses ${fmt(r.losses)}` });
    }),
};

const noLeaks: Case<Mlp> = {
  name: "no tensor leaks: tf.memory().numTensors is the same after every epoch",
  hint: "dispose what each batch makes: wrap the forward pass in tf.tidy and dispose the cost returned by minimize(f, true).",
  run: (impl) =>
    session((own) => {
      const r = start(impl, 3, own);
      const after: number[] = [];
      for (let e = 0; e < 3; e++) {
        r.losses.push(train(impl, r.model, r.loader, r.opt, PIPELINE));
        evaluateWith(impl, r.model, r.loader, PIPELINE);
        after.push(tf.memory().numTensors);
      }
      // Adam creates its moment variables during the first epoch, so counting starts after it.
      ok(after[1] === after[0] && after[2] === after[0], { what: "tf.memory().numTensors should be the same after every epoch", input: `${PIPELINE}; 6 batches per epoch; trainEpoch then evaluate`, expected: `${after[0]} after each epoch`, actual: `${after.join(", ")} after epochs 1, 2, 3 (+${after[1] - after[0]} per epoch)` });
    }),
};

export const trainingCases: Case<Mlp>[] = [loaderCoverage, loaderSeeds, reproducible, learns, noLeaks];
