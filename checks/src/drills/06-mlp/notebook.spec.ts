/** Drill 06's solution notebook reveals one part at a time, and its follow-up 1 says when BCELoss is fine. */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { modelAnswer } from "../../experience/reveal";
import { meta } from "./meta";

const nb = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../../notebooks/solutions/06-mlp.ipynb"), "utf8"));
const lines = (s: string) => s.split("\n").filter((l) => l.trim() && !/^\s*\/\/|^\s*\}?$/.test(l)).length;

test("each part reveals only its own answer", () => {
  const core = modelAnswer(nb, "mlp", false) ?? "";
  assert.match(core, /function trainEpoch[\s\S]*function evaluate/);
  assert.not.match(core, /makeLoader|bceWithLogits\(/);
  assert.match(modelAnswer(nb, "bce", false) ?? "", /function bceWithLogits/);
  assert.match(modelAnswer(nb, "loader", false) ?? "", /function makeLoader/);
});

test("the core's model answer fits on one screen (≤ 40 lines of code)", () => {
  const core = modelAnswer(nb, "mlp", false) ?? "";
  assert.ok(lines(core) <= 40, `${lines(core)} lines`);
});

test("follow-up 1 answers when BCELoss on probabilities is fine", () => {
  const a = modelAnswer(nb, "followup-1", false) ?? "";
  assert.match(a, /BCELoss` is fine when/);
  assert.match(a, /no single logit/);
});

test("every part's check cell is in the notebook, with the entry the grader evaluates", () => {
  const checks = nb.cells
    .filter((c: { metadata?: { tags?: string[] } }) => c.metadata?.tags?.includes("check"))
    .map((c: { source: string[] }) => [].concat(c.source as never).join(""));
  for (const p of meta.parts)
    assert.ok(
      checks.some((s: string) => s.includes(`${p.check}(${p.entry})`)),
      `${p.check}(${p.entry})`,
    );
});

test("the notebook's given cell computes what the checks' copy (given.ts) computes", () => {
  const given = [].concat(nb.cells.find((c: { id: string }) => c.id === "given").source).join("");
  const copy = fs.readFileSync(path.resolve(__dirname, "../../../src/drills/06-mlp/given.ts"), "utf8");
  const lines = [
    "let h = tf.relu(tf.add(tf.matMul(x, this.w1, false, true), this.b1));",
    "if (training && this.pDrop > 0) h = tf.dropout(h, this.pDrop, undefined, nextSeed());",
    "return tf.reshape(tf.add(tf.matMul(h, this.w2, false, true), this.b2), [-1]) as tf.Tensor1D;",
    "const batch: Batch = [tf.slice(X, start, size), tf.slice(y, start, size)];",
    "return 1 + Math.floor(next() * 2147483646);",
    "tf.losses.sigmoidCrossEntropy(labels, logits) as tf.Scalar",
    "return [this.w1, this.b1, this.w2, this.b2];",
  ];
  for (const l of lines) {
    assert.ok(given.includes(l), `notebook given cell: ${l}`);
    assert.ok(copy.includes(l), `given.ts: ${l}`);
  }
});

test.run();
