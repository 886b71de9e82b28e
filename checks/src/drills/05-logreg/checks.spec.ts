/** The logistic-regression checks (core and ★★ early stopping) pass the reference and reject each known-wrong answer with the expected message. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as tf from "@tensorflow/tfjs-core";
import { useBackend, todo } from "@drills/lib";
import { evaluate } from "../../drill";
import { caseText, reportText } from "../../render";
import { expectPass, expectRejects, expectTodo } from "../../testing";
import type { Logreg } from "./calls";
import { earlyStopCheck, logregCheck } from "./checks";
import { logregFixture } from "./fixture";
import { newtonOptimum } from "./oracle";
import { answer, type Slips } from "./test/answers";

test.before(async () => {
  await useBackend();
});

test("the Newton oracle agrees with sklearn's fixture to 1e-9", () => {
  for (const c of logregFixture()) {
    const w = newtonOptimum(c.X, c.y, c.lambda);
    w.forEach((v, j) => assert.ok(Math.abs(v - c.coef[j]) < 1e-9, `${c.name}: w[${j}] ${v} vs sklearn ${c.coef[j]}`));
  }
});

test("the reference passes every case, core and stretch; a core answer without early stopping passes the core", async () => {
  await expectPass(logregCheck, answer());
  await expectPass(earlyStopCheck, answer());
  await expectPass(logregCheck, answer({ earlyStop: false }));
});

test("a stub is todo, not a failure", async () => {
  const stub = () => {
    throw todo();
  };
  await expectTodo(logregCheck, { sigmoid: stub, predictProba: stub, loss: stub, fitLogreg: stub });
  await expectTodo(earlyStopCheck, { fitLogreg: stub });
});

const wrong: Record<string, [Slips, string, RegExp]> = {
  "missing L2 gradient term (L2 on the loss only)": [
    { l2Grad: 0 },
    "fit-newton",
    /unregularised weights, the λ·w term is missing[\s\S]*Hint: add λ·w to the gradient/,
  ],
  "no L2 anywhere (loss and gradient)": [{ l2Grad: 0, l2Loss: 0 }, "fit-newton", /unregularised weights/],
  "L2 on the gradient but not the loss": [
    { l2Loss: 0 },
    "loss-l2",
    /\(λ\/2\)·‖w‖² term is missing[\s\S]*Hint: add \(λ \/ 2\)·Σw²/,
  ],
  "gradient of λ‖w‖² (2λw)": [{ l2Grad: 2 }, "fit-newton", /optimum has 2λ[\s\S]*Hint: the penalty/],
  "penalty λ‖w‖² without the 1/2": [{ l2Loss: 1 }, "loss-l2", /adds λ·‖w‖²/],
  "summed instead of mean cross-entropy": [
    { sumLoss: true },
    "loss-plain",
    /sums the cross-entropy[\s\S]*Hint: average the per-sample losses/,
  ],
  "unstable sigmoid in the loss (log(0))": [
    { lossFrom: "probs" },
    "loss-extreme",
    /log\(0\)[\s\S]*Hint: compute the per-sample loss from the logit/,
  ],
  "clipped probabilities in the loss": [{ lossFrom: "clipped" }, "loss-extreme", /look clipped/],
  "sigmoid as e^z / (1 + e^z)": [
    { sigmoid: "exp-ratio" },
    "sigmoid-range",
    /sigmoid\(100\) = NaN[\s\S]*Infinity \/ Infinity[\s\S]*Hint: for z < 0 use/,
  ],
  "tf.sigmoid instead of from scratch": [{ sigmoid: "tf" }, "sigmoid-from-scratch", /kernels .*Sigmoid/],
  "wrong gradient sign": [{ stepSign: -1 }, "fit-newton", /sign of the step/],
  "gradient not divided by n": [{ divideByN: false }, "fit-newton", /divided by n/],
  "leaks tensors every epoch (no tf.tidy)": [{ tidyEpoch: false }, "fit-leaks", /tensor\(s\) leaked over 20 epochs/],
  "predictProba disposes w": [{ disposesW: true }, "hygiene", /w was disposed/],
  "fitLogreg disposes X": [{ disposesX: true }, "fit-intact", /X was disposed/],
  "loss returns a tensor": [
    { lossTensor: true },
    "loss-plain",
    /should return a JS number[\s\S]*Input: +X = \[\[1, 2\]/,
  ],
  "predictProba returns shape [n, 1]": [
    { keepDims: true },
    "proba",
    /Expected: +[^\n]*\[4\][\s\S]*Actual: +[^\n]*\[4, 1\]/,
  ],
  "no shape validation": [{ validate: false }, "rejects-proba-w", /throws ValueError/],
};

for (const [name, [slips, caseId, message]] of Object.entries(wrong)) {
  test(`rejects: ${name}`, async () => {
    await expectRejects(logregCheck, answer(slips), caseId, message);
  });
}

const wrongStop: Record<string, [Slips, string, RegExp]> = {
  "no early stop": [
    { earlyStop: false },
    "stops-early",
    /Actual: +ran on to convergence[\s\S]*no early stop \(up to 1000 epochs\)/,
  ],
  "comparison the wrong way round": [
    { stopCompare: "reversed" },
    "stops-early",
    /Actual: +1 epoch +\([\s\S]*wrong way round/,
  ],
  "epochs ignored once tol is given": [{ ignoreEpochs: true }, "epochs-cap", /Expected: +about 5 epochs/],
  // Issue 13: a missing λ·w term used to get "check the comparison"; it gets its own cause and hint.
  "missing λ·w term in the gradient": [
    { l2Grad: 0 },
    "stops-early",
    /without the λ·w term[\s\S]*Hint: add λ·w to the gradient/,
  ],
  "gradient not divided by n": [{ divideByN: false }, "negative-tol", /summed, not the mean/],
};

for (const [name, [slips, caseId, message]] of Object.entries(wrongStop)) {
  test(`rejects (★★ early stop): ${name}`, async () => {
    const report = await expectRejects(earlyStopCheck, answer(slips), caseId, message);
    const text = reportText(report);
    if (slips.l2Grad === 0) assert.not.match(text, /comparison|wrong way round/, text);
  });
}

test("hostile answers are reported, never crash a check", async () => {
  const ref = answer();
  const hostile: Logreg[] = [
    {
      sigmoid: () => null as unknown as tf.Tensor,
      predictProba: () => [0.5] as unknown as tf.Tensor1D,
      loss: () => "0.5" as unknown as number,
      fitLogreg: () => [1, 2, 3] as unknown as tf.Tensor1D,
    },
    {
      ...ref,
      sigmoid: (z) => tf.fill(z.shape, NaN),
      fitLogreg: (X) => tf.fill([X.shape[1]], NaN) as tf.Tensor1D,
      loss: () => NaN,
    },
    {
      ...ref,
      predictProba: () => {
        throw new TypeError("boom");
      },
      fitLogreg: (X) => {
        const w = tf.zeros([X.shape[1]]) as tf.Tensor1D;
        w.dispose();
        return w;
      },
      loss: (X, y, w) => tf.scalar(w.size) as unknown as number,
    },
  ];
  for (const impl of hostile) {
    const report = await evaluate(logregCheck, impl);
    const crashed = report.results.filter((r) => r.status === "error");
    assert.equal(
      crashed.map((r) => `${r.name}: ${caseText(r)}`),
      [],
      reportText(report),
    );
    assert.is(report.status, "fail");
  }
});

test.run();
