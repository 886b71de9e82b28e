/**
 * Drill 06's stretch part ★★★, the DataLoader counterpart: the candidate's makeLoader is iterated in the kernel over
 * rows [i, −i] labelled i, so each batch's row ids come back as data; the judge checks coverage, order, pairing,
 * the short last batch, and seeded reshuffling per epoch. Freeing batches is measured inside the kernel (1 of 5).
 */
import { equal, ok, rejected } from "../../assert";
import type { Case } from "../../drill";
import { fmt } from "../../format";
import type { LoaderRun } from "./calls-stretch";
import type { MakeLoader } from "./types";

type Epoch = { ys: number[][]; xs: number[][]; left: number };
type Runs = Epoch[][];

const ordered = (n: number) => Array.from({ length: n }, (_, i) => i);
const ID_ROWS = (n: number) => `X rows [i, −i], y = i for i < ${n}`;
const run = (batchSize: number, shuffle: boolean, seed: number, epochs: number): LoaderRun => ({
  opts: { batchSize, shuffle, seed },
  epochs,
});

const coverage: Case<MakeLoader> = {
  id: "loader-coverage",
  name: "makeLoader: every row once per epoch, x and y paired, the short last batch kept",
  was: ["makeLoader: every row once per epoch, in order without shuffle, batches freed"],
  hint: "n = 10 with batchSize 4 gives batches of 4, 4 and 2: keep the short last batch; gather x and y with the same indices.",
  call: "loader",
  input: () => ({ n: 10, runs: [run(4, false, 1, 1), run(4, true, 1, 1)] }),
  judge(runs: Runs) {
    // Both runs must be there: an empty reply (a forged one) would otherwise check nothing.
    ok(Array.isArray(runs) && runs.length === 2, {
      what: "the loader should be run twice (without and with shuffle)",
      expected: "2 runs",
      actual: `${Array.isArray(runs) ? runs.length : typeof runs} run(s)`,
    });
    runs.forEach(([e], r) => {
      const input = `${ID_ROWS(10)}; {batchSize: 4, shuffle: ${r === 1}, seed: 1}`;
      e.ys.forEach((ys, b) => equal(e.xs[b], ys, { what: `x and y rows should stay paired in batch ${b + 1}`, input }));
      equal(
        e.ys.map((b) => b.length),
        [4, 4, 2],
        { what: "10 rows in batches of 4 should come as 4, 4, 2", input },
      );
      const all = e.ys.flat();
      equal(r === 0 ? all : [...all].sort((a, b) => a - b), ordered(10), {
        what: r === 0 ? "without shuffle, rows should come in order" : "each row should appear exactly once per epoch",
        input,
      });
    });
  },
};

const seeds: Case<MakeLoader> = {
  id: "loader-seeds",
  name: "makeLoader: the same seed gives the same order; each epoch reshuffles",
  hint: "keep a seeded generator in the loader (rng(seed)) and draw a new permutation from it at the start of every epoch.",
  call: "loader",
  input: () => ({ n: 12, runs: [run(4, true, 5, 2), run(4, true, 5, 2), run(4, true, 6, 1)] }),
  judge([a, b, c]: Runs) {
    const input = `${ID_ROWS(12)}; batchSize 4, shuffle true`;
    const order = (e: Epoch) => e.ys.flat();
    equal(a.map(order), b.map(order), {
      what: "two loaders with seed 5 should give the same two epochs",
      input: `${input}, seed 5 twice`,
      note: "shuffle from a generator seeded by opts.seed, never Math.random",
    });
    ok(order(a[0]).join() !== ordered(12).join(), {
      what: "shuffle: true should change the order",
      input,
      expected: "a permutation other than 0…11",
      actual: fmt(order(a[0])),
    });
    ok(order(a[0]).join() !== order(a[1]).join(), {
      what: "each epoch should get a new shuffle",
      input,
      expected: "epoch 2's order differs from epoch 1's",
      actual: `both ${fmt(order(a[0]))}`,
      hint: "create the generator once per loader, outside [Symbol.iterator], and draw the permutation inside it.",
    });
    ok(order(c[0]).join() !== order(a[0]).join(), {
      what: "a different seed should give a different order",
      input: `${input}, seed 5 vs 6`,
      expected: "different orders",
      actual: `both ${fmt(order(a[0]))}`,
    });
  },
};

const frees: Case<MakeLoader> = {
  id: "loader-frees",
  name: "makeLoader: each batch is freed when the loop moves on",
  hint: "yield the batch inside try { yield batch } finally { tf.dispose(batch) }: the finally runs on the next step and on break.",
  inKernel: true,
  call: "loader",
  input: () => ({ n: 10, runs: [run(4, true, 1, 2)] }),
  judge([[e1, e2]]: Runs) {
    ok(e1.left <= 0 && e2.left <= 0, {
      what: "the loader should free each batch once the loop moves on",
      input: `${ID_ROWS(10)}; {batchSize: 4, shuffle: true, seed: 1}; two epochs`,
      expected: "tf.memory().numTensors back to its value before each epoch",
      actual: `${e1.left} and ${e2.left} tensor(s) left after epochs 1 and 2 (3 batches each)`,
    });
  },
};

const rejects: Case<MakeLoader> = {
  id: "loader-rejects",
  name: "makeLoader rejects batchSize 0 with a ValueError naming batchSize",
  was: ["invalid input throws ValueError naming the argument"],
  hint: "validate batchSize (a positive integer) before building anything, and throw ValueError naming it.",
  call: "loaderRejects",
  input: () => ({ n: 2, opts: { batchSize: 0, shuffle: false, seed: 1 } }),
  judge: ({ threw }: { threw: { name: string; message: string } | null }) =>
    rejected(threw, "makeLoader(X, y, {batchSize: 0})", {
      what: "batchSize 0 should be rejected",
      input: "X of shape [2, 3], y of length 2, batchSize 0",
      mentions: ["batchSize"],
    }),
};

export const loaderCases: Case<MakeLoader>[] = [coverage, seeds, frees, rejects];
