/** The logistic-regression checks pass the reference and reject each known-wrong answer with the expected message. */
import { test } from "uvu";
import { useBackend, todo } from "@drills/lib";
import { logregDrill } from "./logreg";
import { newtonOptimum } from "./logreg-reference";
import { logregFixture } from "./logreg-call";
import { answer, type Slips } from "./logreg-answers";
import { expectPass, expectRejects, expectTodo } from "../testing";
import * as assert from "uvu/assert";
import * as tf from "@tensorflow/tfjs";
import { evaluate } from "../drill";
import { caseText, reportText } from "../render";
import type { Logreg } from "./logreg-call";

test.before(async () => {
  await useBackend();
});

test("the Newton oracle agrees with sklearn's fixture to 1e-9", () => {
  for (const c of logregFixture()) {
    const w = newtonOptimum(c.X, c.y, c.lambda);
    w.forEach((v, j) => assert.ok(Math.abs(v - c.coef[j]) < 1e-9, `${c.name}: w[${j}] ${v} vs sklearn ${c.coef[j]}`));
  }
});

test("reference passes every case", async () => {
  await expectPass(logregDrill, answer());
});

test("a stub is todo, not a failure", async () => {
  const stub = () => {
    throw todo();
  };
  await expectTodo(logregDrill, { sigmoid: stub, predictProba: stub, loss: stub, fitLogreg: stub });
});

const wrong: Record<string, [Slips, string, RegExp]> = {
  "missing L2 gradient term (L2 on the loss only)": [{ l2Grad: 0 }, "fitLogreg reaches the regularised optimum (Newton's method, float64)", /unregularised weights/],
  "no L2 anywhere (loss and gradient)": [{ l2Grad: 0, l2Loss: 0 }, "fitLogreg reaches the regularised optimum (Newton's method, float64)", /unregularised weights/],
  "L2 on the gradient but not the loss": [{ l2Loss: 0 }, "loss = mean cross-entropy + (λ/2)·‖w‖²", /\(λ\/2\)·‖w‖² term is missing/],
  "gradient of λ‖w‖² (2λw)": [{ l2Grad: 2 }, "fitLogreg reaches the regularised optimum (Newton's method, float64)", /optimum has 2λ/],
  "penalty λ‖w‖² without the 1/2": [{ l2Loss: 1 }, "loss = mean cross-entropy + (λ/2)·‖w‖²", /adds λ·‖w‖²/],
  "summed instead of mean cross-entropy": [{ sumLoss: true }, "loss = mean cross-entropy + (λ/2)·‖w‖²", /sums the cross-entropy/],
  "no early stop": [{ earlyStop: false }, "fitLogreg stops early when the loss improves by less than tol", /no early stop/],
  "unstable sigmoid in the loss (log(0))": [{ lossFrom: "probs" }, "loss is finite and exact at logits ±1000", /log\(0\)/],
  "clipped probabilities in the loss": [{ lossFrom: "clipped" }, "loss is finite and exact at logits ±1000", /look clipped/],
  "sigmoid as e^z / (1 + e^z)": [{ sigmoid: "exp-ratio" }, "sigmoid is accurate and finite for |z| ≤ 1000", /sigmoid\(100\) = NaN[\s\S]*Infinity \/ Infinity/],
  "tf.sigmoid instead of from scratch": [{ sigmoid: "tf" }, "sigmoid is written from scratch (no tf.sigmoid)", /kernels .*Sigmoid/],
  "wrong gradient sign": [{ stepSign: -1 }, "fitLogreg reaches the regularised optimum (Newton's method, float64)", /sign of the step/],
  "gradient not divided by n": [{ divideByN: false }, "fitLogreg reaches the regularised optimum (Newton's method, float64)", /divided by n/],
  "leaks tensors every epoch (no tf.tidy)": [{ tidyEpoch: false }, "fitLogreg disposes its per-epoch tensors", /tensor\(s\) leaked over at most 20 epochs/],
  "predictProba disposes w": [{ disposesW: true }, "no tensors leaked by sigmoid, predictProba or loss; inputs left intact", /w was disposed/],
  "fitLogreg disposes X": [{ disposesX: true }, "fitLogreg leaves X and y intact and can be called twice", /X was disposed/],
  "loss returns a tensor": [{ lossTensor: true }, "loss = mean cross-entropy + (λ/2)·‖w‖²", /should return a JS number/],
  "predictProba returns shape [n, 1]": [{ keepDims: true }, "predictProba = sigmoid(X·w), shape [n]", /Expected: +\[4\][\s\S]*Actual: +\[4, 1\]/],
  "no shape validation": [{ validate: false }, "rejects mismatched shapes with ValueError", /throws ValueError/],
};

for (const [name, [slips, caseName, message]] of Object.entries(wrong)) {
  test(`rejects: ${name}`, async () => {
    await expectRejects(logregDrill, answer(slips), caseName, message);
  });
}

test("hostile answers are reported, never crash a check", async () => {
  const ref = answer();
  const hostile: Logreg[] = [
    { sigmoid: () => null as unknown as tf.Tensor, predictProba: () => [0.5] as unknown as tf.Tensor1D, loss: () => "0.5" as unknown as number, fitLogreg: () => [1, 2, 3] as unknown as tf.Tensor1D },
    { ...ref, sigmoid: (z) => tf.fill(z.shape, NaN), fitLogreg: (X) => tf.fill([X.shape[1]], NaN) as tf.Tensor1D, loss: () => NaN },
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
    const report = await evaluate(logregDrill, impl);
    const crashed = report.results.filter((r) => r.status === "error");
    assert.equal(crashed.map((r) => `${r.name}: ${caseText(r)}`), [], reportText(report));
    assert.is(report.status, "fail");
  }
});

test.run();
