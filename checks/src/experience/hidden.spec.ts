/**
 * Hidden cases: read by the grader from the interviewer's file (never through the kernel's environment), named by
 * property, validated with every problem listed, and reported without their inputs. Drill 01's properties pass the
 * reference and reject known-wrong answers.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { useBackend } from "@drills/lib";
import { evaluate } from "../drill";
import { zscoreCheck as zscoreDrill } from "../drills/01-zscore/checks";
import type { Zscore } from "../drills/01-zscore/calls";
import { referenceAnswer } from "../drills/01-zscore/test/answers";
import { caseText, reportText } from "../render";
import { hiddenCaseName, hiddenCasesOf, readHiddenFile, validateHidden } from "./hidden";

const SAMPLE = path.resolve(__dirname, "../../../grading/hidden.sample.json");
const sample = () => readHiddenFile(SAMPLE);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "drills-hidden-"));

const reference = referenceAnswer;

test.before(async () => {
  await useBackend();
});

test("no file, no hidden cases; the sample file gives named hidden cases; the kernel's environment gives none", () => {
  assert.equal(hiddenCasesOf("01-zscore", "zscore", undefined), []);
  const cases = hiddenCasesOf("01-zscore", "zscore", sample());
  assert.equal(
    cases.map((c) => c.name),
    [
      "hidden 1: matches the float64 reference",
      "hidden 2: matches the float64 reference",
      "hidden 3: output has mean 0 and std 1",
      "hidden 4: constant input gives all zeros",
      "hidden 5: invalid input throws ValueError naming x",
    ],
  );
  assert.ok(cases.every((c) => c.hidden));
  assert.is(
    hiddenCaseName("01-zscore", { property: "zeros", input: {} }, 3),
    "hidden 4: constant input gives all zeros",
  );
});

test("the reference passes every hidden case of the sample", async () => {
  const report = await evaluate(zscoreDrill, reference, hiddenCasesOf("01-zscore", "zscore", sample()));
  assert.is(report.status, "pass", reportText(report));
});

const wrong: Record<string, [Zscore, number]> = {
  "sample std": [
    (x) =>
      tf.tidy(
        () =>
          tf.div(
            tf.sub(x, tf.mean(x)),
            tf.sqrt(tf.div(tf.sum(tf.square(tf.sub(x, tf.mean(x)))), x.size - 1)),
          ) as tf.Tensor1D,
      ),
    1,
  ],
  "one-pass variance": [
    (x) =>
      tf.tidy(
        () =>
          tf.div(
            tf.sub(x, tf.mean(x)),
            tf.sqrt(tf.relu(tf.sub(tf.mean(tf.square(x)), tf.square(tf.mean(x))))),
          ) as tf.Tensor1D,
      ),
    3,
  ],
  "no zero-std guard": [
    (x) =>
      tf.tidy(() => {
        const { mean, variance } = tf.moments(x);
        return tf.div(tf.sub(x, mean), tf.sqrt(variance)) as tf.Tensor1D;
      }),
    4,
  ],
  "no validation": [
    (x) =>
      tf.tidy(() => {
        const { mean, variance } = tf.moments(x);
        return tf.div(tf.sub(x, mean), tf.sqrt(variance)) as tf.Tensor1D;
      }),
    5,
  ],
};

for (const [name, [impl, n]] of Object.entries(wrong)) {
  test(`hidden ${n} rejects: ${name}, without showing the input`, async () => {
    const report = await evaluate(zscoreDrill, impl, hiddenCasesOf("01-zscore", "zscore", sample()));
    const r = report.results.find((x) => x.name.startsWith(`hidden ${n}:`))!;
    assert.is(r.status, "fail", reportText(report));
    assert.is(r.failure!.input, "(hidden case)");
    const text = caseText(r);
    // The sample's literal inputs never appear in a hidden case's message.
    for (const leak of ["-3.5", "0.25, 8", "-2.5", "[[1, 2, 3]]", "1e-3"])
      assert.not.ok(text.includes(leak), `leaks ${leak}:\n${text}`);
  });
}

test("validation lists every problem with where it is", () => {
  assert.equal(validateHidden({ version: 2 }), ['expected { "version": 1, "drills": { ... } }']);
  const problems = validateHidden({
    version: 1,
    drills: {
      "01-zscore": [
        { property: "nope", input: {} },
        { property: "zeros" },
        { property: "zeros", input: {}, points: -1 },
      ],
      "99-x": [],
    },
  });
  assert.equal(problems, [
    '01-zscore[0]: property should be one of reference, standardised, zeros, rejects, got "nope"',
    "01-zscore[1]: input should be an object",
    "01-zscore[2]: points should be a number ≥ 0",
    problems[3],
  ]);
  assert.match(problems[3], /^99-x: no hidden-case support for this drill \(supported: [^)]*01-zscore[^)]*\)$/);
});

test("a broken file is refused with its name and the reason, never silently no hidden cases", () => {
  const bad = path.join(tmp, "bad.json");
  fs.writeFileSync(bad, "{ not json");
  assert.throws(
    () => readHiddenFile(bad),
    (e: Error) => e.message.startsWith(`hidden cases ${bad}:`),
  );
});

test("a malformed input is an error case naming the field, not a failure blamed on the candidate", async () => {
  const file = { version: 1 as const, drills: { "01-zscore": [{ property: "reference", input: { x: "oops" } }] } };
  const report = await evaluate({ ...zscoreDrill, cases: [] }, reference, hiddenCasesOf("01-zscore", "zscore", file));
  assert.is(report.results[0].status, "error");
  assert.match(caseText(report.results[0]), /input\.x: expected a list of numbers/);
});

test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test.run();
