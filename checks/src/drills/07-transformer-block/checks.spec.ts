/**
 * Drill 07's checks: the oracle reproduces PyTorch, the reference passes every part, a stub is todo, the in-kernel
 * share is a minority, the kernel half cannot reach an oracle, and each part reveals its own model answer. Known-wrong
 * answers: wrong.spec.ts.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import * as tf from "@tensorflow/tfjs-core";
import { useBackend, todo } from "@drills/lib";
import type { Check } from "../../drill";
import { blockCheck, depthCheck, masksCheck, weightsCheck } from "./checks";
import { compareNormPlacement, makeBlock } from "./test/answers";
import { fixture } from "./fixture";
import { MISTAKES, oracleForward } from "./oracle";
import { flat3, flat4 } from "./diagnose";
import type { CompareNormPlacement, TransformerBlockClass } from "./types";
import { expectPass, expectTodo } from "../../testing";
import { modelAnswer } from "../../experience/reveal";
import { meta } from "./meta";

test.before(async () => {
  await useBackend();
});

const maxDiff = (a: number[], b: number[]) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

test("the float64 oracle reproduces PyTorch's fixture", () => {
  const f = fixture();
  const n = f.config.nHead;
  assert.ok(maxDiff(flat3(oracleForward(f.stateDict, f.x, n).out), flat3(f.out)) < 1e-12);
  assert.ok(maxDiff(flat4(oracleForward(f.stateDict, f.x, n).attention), flat4(f.attention)) < 1e-12);
  const causal = oracleForward(f.stateDict, f.x, n, { causal: true });
  assert.ok(maxDiff(flat3(causal.out), flat3(f.causal.out)) < 1e-12);
  assert.ok(maxDiff(flat4(causal.attention), flat4(f.causal.attention)) < 1e-12);
  const padded = oracleForward(f.stateDict, f.x, n, { keyPaddingMask: f.keyPaddingMask });
  assert.ok(maxDiff(flat3(padded.out), flat3(f.padding.out)) < 1e-12);
});

test("every known mistake moves the fixture output well beyond the tolerance", () => {
  const f = fixture();
  for (const [note, v] of MISTAKES) {
    const d = maxDiff(flat3(oracleForward(f.stateDict, f.x, f.config.nHead, {}, v).out), flat3(f.out));
    assert.ok(d > 1e-4, `${note}: max diff only ${d}`);
  }
});

test("the reference passes every part, and the checks leak nothing", async () => {
  const before = tf.memory().numTensors;
  await expectPass(blockCheck, makeBlock());
  await expectPass(masksCheck, makeBlock());
  await expectPass(weightsCheck, makeBlock());
  await expectPass(depthCheck, compareNormPlacement());
  assert.is(tf.memory().numTensors, before, "the checks themselves should not leak tensors");
});

test("a stub is todo, not a failure, in every part", async () => {
  const Stub = class {
    constructor() {
      throw todo();
    }
  } as unknown as TransformerBlockClass;
  for (const check of [blockCheck, masksCheck, weightsCheck]) await expectTodo(check, Stub);
  await expectTodo(depthCheck, (() => {
    throw todo();
  }) as CompareNormPlacement);
});

test("a core answer without masks is todo on the masks part, not failed", async () => {
  const Base = makeBlock();
  const NoMasks = class extends Base {
    override forward(x: tf.Tensor3D, training = false, mask: { causal?: boolean; keyPaddingMask?: boolean[][] } = {}) {
      if (mask.causal || mask.keyPaddingMask) throw todo();
      return super.forward(x, training);
    }
  };
  await expectPass(blockCheck, NoMasks);
  await expectTodo(masksCheck, NoMasks);
});

test("the core's points: cases measured inside the kernel are a minority (hygiene, 1 of 11)", () => {
  const points = (inKernel: boolean) =>
    blockCheck.cases.filter((c) => !!c.inKernel === inKernel).reduce((s, c) => s + (c.points ?? 1), 0);
  assert.is(points(true), 1);
  assert.is(points(false), 10);
  for (const check of [masksCheck, weightsCheck, depthCheck] as Check[])
    assert.ok(
      check.cases.every((c) => !c.inKernel),
      `${check.part}: judged outside`,
    );
});

test("the kernel half (calls.js) reaches no oracle, fixture, judge or model answer", () => {
  const calls = path.join(__dirname, "calls.js");
  const r = spawnSync(
    process.execPath,
    ["-e", `require(${JSON.stringify(calls)}); console.log(JSON.stringify(Object.keys(require.cache)))`],
    { encoding: "utf8" },
  );
  assert.is(r.status, 0, r.stderr);
  const loaded = (JSON.parse(r.stdout) as string[])
    .filter((f) => f.startsWith(__dirname))
    .map((f) => path.relative(__dirname, f));
  assert.equal(loaded.sort(), ["calls.js", "state.js"], `calls.js loads ${loaded.join(", ")}`);
});

test("the solution notebook: each part reveals its own model answer, the core's answer fits one screen", () => {
  const nb = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, "../../../../notebooks/solutions/07-transformer-block.ipynb"), "utf8"),
  );
  const expect: Record<string, RegExp> = {
    block: /class TransformerBlock extends BlockBase/,
    masks: /class MaskedBlock/,
    "attention-weights": /attentionWeights\(x/,
    "norm-placement": /function compareNormPlacement/,
  };
  for (const part of meta.parts) {
    const answer = modelAnswer(nb, part.id, false);
    assert.ok(answer && expect[part.id].test(answer), `part ${part.id}: ${answer?.slice(0, 80)}`);
    const others = meta.parts.filter((p) => p.id !== part.id).map((p) => expect[p.id]);
    assert.ok(
      others.every((re) => !re.test(answer!)),
      `part ${part.id} reveals only its own answer`,
    );
  }
  for (const n of [1, 2, 3]) assert.ok(modelAnswer(nb, `followup-${n}`, false), `followup-${n}`);
  const core = modelAnswer(nb, "block", false)!;
  const answerLines = [...core.matchAll(/\/\/ BEGIN SOLUTION\n([\s\S]*?)\/\/ END SOLUTION/g)].flatMap((m) =>
    m[1].split("\n").filter((l) => l.trim() && !l.trim().startsWith("//")),
  );
  assert.ok(answerLines.length <= 40, `the core answer is ${answerLines.length} lines`);
});

test.run();
