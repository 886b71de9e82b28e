/** Splitting items across shards: total and exclusive coverage for any N, determinism, and balance by durations. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseShard, partition, selectShard, shardKey, ShardError } from "./shard";

const NOTEBOOKS = [
  "01-zscore",
  "02-impute-median",
  "03-sliding-windows",
  "04-binary-auc",
  "05-logreg",
  "06-mlp",
  "07-transformer-block",
  "08-metrics-design",
  "09-feature-store",
].map((n) => `notebooks/solutions/${n}.ipynb`);
const RECORDED = new Map(NOTEBOOKS.map((n, i) => [n, [5.1, 8, 5.7, 5.3, 5.9, 7.6, 9.7, 5.4, 6.8][i] * 1000] as const));

test("every item is in exactly one shard, for N from 1 to more shards than items, with and without durations", () => {
  for (const durations of [undefined, RECORDED]) {
    for (let n = 1; n <= 12; n++) {
      const parts = Array.from({ length: n }, (_, i) => selectShard(NOTEBOOKS, { index: i + 1, count: n }, durations));
      const all = parts.flat();
      assert.is(all.length, NOTEBOOKS.length, `N=${n}: no item twice`);
      assert.equal([...all].sort(), [...NOTEBOOKS].sort(), `N=${n}: every item once`);
      if (n > NOTEBOOKS.length)
        assert.is(parts.filter((p) => p.length === 0).length, n - NOTEBOOKS.length, "extra shards are empty");
    }
  }
});

test("the split is deterministic and independent of the order items were listed in", () => {
  const shuffled = [...NOTEBOOKS].reverse();
  for (const d of [undefined, RECORDED]) {
    const a = partition(NOTEBOOKS, 3, d).map((p) => [...p].sort());
    const b = partition(shuffled, 3, d).map((p) => [...p].sort());
    assert.equal(a, b);
  }
});

test("without durations: sorted names dealt round-robin; each part keeps the given order", () => {
  assert.equal(partition(["c", "a", "d", "b", "e"], 2), [
    ["c", "a", "e"],
    ["d", "b"],
  ]);
});

test("with durations: longest first onto the least-loaded shard, ties by name", () => {
  const d = new Map([
    ["a", 5],
    ["b", 5],
    ["c", 4],
    ["d", 3],
    ["e", 3],
  ]);
  // a→1 (5), b→2 (5), c→1? no: loads 5,5 tie → shard 1 (9), d→2 (8), e→2 (11)
  assert.equal(partition(["a", "b", "c", "d", "e"], 2, d), [
    ["a", "c"],
    ["b", "d", "e"],
  ]);
  // Round-robin by name would put all three slow ones together (30 against 3).
  const skewed = new Map([
    ["a", 10],
    ["b", 1],
    ["c", 10],
    ["d", 1],
    ["e", 10],
    ["f", 1],
  ]);
  const sum = (p: string[], m: Map<string, number>) => p.reduce((s, n) => s + m.get(n)!, 0);
  assert.equal(
    partition([...skewed.keys()], 2).map((p) => sum(p, skewed)),
    [30, 3],
  );
  assert.equal(
    partition([...skewed.keys()], 2, skewed).map((p) => sum(p, skewed)),
    [20, 13],
  );
  const loads = partition(NOTEBOOKS, 3, RECORDED).map((p) => sum(p, RECORDED));
  assert.ok(
    Math.max(...loads) - Math.min(...loads) <= 9700,
    `no shard exceeds another by more than the longest item: ${loads}`,
  );
});

test("items without a recorded duration count as the mean; keys match across spellings of a path", () => {
  const d = new Map([
    ["x", 10],
    ["y", 2],
  ]);
  // mean 6: x(10)→1, new(6)→2, y(2)→2
  assert.equal(partition(["x", "y", "new"], 2, d), [["x"], ["y", "new"]]);
  assert.is(shardKey("cohort/ann/"), shardKey("cohort/./ann"));
  assert.equal(
    partition(
      ["dir/a/", "dir/b"],
      2,
      new Map([
        ["dir/a", 1],
        ["dir/b", 9],
      ]),
    ),
    [["dir/b"], ["dir/a/"]],
  );
});

test("parseShard accepts I/N with 1 ≤ I ≤ N and names the input otherwise", () => {
  assert.equal(parseShard("2/4"), { index: 2, count: 4 });
  assert.equal(parseShard(" 1 / 1 "), { index: 1, count: 1 });
  for (const bad of ["0/3", "4/3", "1/0", "a/b", "1", "-1/2", "1/2/3", ""]) {
    assert.throws(
      () => parseShard(bad),
      (e: Error) => e instanceof ShardError && e.message.includes(JSON.stringify(bad)),
      bad,
    );
  }
});

test.run();
