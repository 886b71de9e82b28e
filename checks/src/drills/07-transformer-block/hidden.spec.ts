/**
 * Drill 07's hidden properties from the sample file, judged outside the kernel: the reference passes every one,
 * known-wrong blocks fail the named cases, and no failure shows the seeded inputs' values.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { useBackend } from "@drills/lib";
import { evaluate, type Check } from "../../drill";
import { caseText, reportText } from "../../render";
import { hiddenCasesOf, readHiddenFile } from "../../experience/hidden";
import { checks } from "./checks";
import { makeBlock, type Flaws } from "./test/answers";

const SAMPLE = path.resolve(__dirname, "../../../../grading/hidden.sample.json");
const ID = "07-transformer-block";
// Sizes may show (shape errors say them); values never: a leak would show as a run of decimals.
const DUMP = /(-?\d+\.\d+, ){3}/;

test.before(async () => {
  await useBackend();
});

/** The labels ("hidden 3") of the sample's hidden cases that do not pass, across every part. */
async function failing(flaws: Flaws = {}): Promise<string[]> {
  const bad: string[] = [];
  for (const [part, check] of Object.entries(checks) as [string, Check][]) {
    const hidden = hiddenCasesOf(ID, part, readHiddenFile(SAMPLE, ID));
    if (!hidden.length) continue;
    const report = await evaluate({ ...check, cases: [] }, makeBlock(flaws), hidden);
    for (const r of report.results.filter((x) => x.status !== "pass")) {
      assert.is(r.status, "fail", reportText(report));
      assert.is(r.failure!.input, "(hidden case)");
      assert.not.match(caseText(r), DUMP, "inputs are never shown");
      bad.push(r.name.split(":")[0]);
    }
  }
  return bad.sort();
}

test("the sample's cases land in their parts", () => {
  const file = readHiddenFile(SAMPLE, ID);
  const names = (part: string) => hiddenCasesOf(ID, part, file).map((c) => c.name);
  assert.equal(names("block"), [
    "hidden 1: eval-mode output matches the float64 block on random weights",
    "hidden 2: eval-mode output matches the float64 block on random weights",
    "hidden 3: dropout acts in training only, at rate pDrop",
  ]);
  assert.equal(names("masks"), ["hidden 4: masked output matches the float64 block"]);
  assert.equal(names("attention-weights"), ["hidden 5: per-head attention weights match the float64 block"]);
});

test("the reference block passes every hidden case", async () => {
  assert.equal(await failing(), []);
});

const wrong: Record<string, [Flaws, string[]]> = {
  "post-norm": [{ norm: "post" }, ["hidden 1", "hidden 2", "hidden 4", "hidden 5"]],
  "LayerNorm eps 1e-3": [{ eps: 1e-3 }, ["hidden 1", "hidden 2", "hidden 4", "hidden 5"]],
  "strided heads": [{ heads: "strided" }, ["hidden 1", "hidden 2", "hidden 4", "hidden 5"]],
  "tanh GELU": [{ gelu: "tanh" }, ["hidden 1", "hidden 2", "hidden 4"]],
  "mask ignored": [{ ignoresMask: true }, ["hidden 4"]],
  "dropout in eval mode": [{ dropoutInEval: true }, ["hidden 1", "hidden 2", "hidden 3", "hidden 4"]],
  "no dropout in training": [{ noTrainingDropout: true }, ["hidden 3"]],
};

for (const [name, [flaws, want]] of Object.entries(wrong)) {
  test(`hidden rejects: ${name}`, async () => {
    assert.equal(await failing(flaws), want);
  });
}

test("a failure names the known mistake, not the input", async () => {
  const report = await evaluate(
    { ...checks.block, cases: [] },
    makeBlock({ norm: "post" }),
    hiddenCasesOf(ID, "block", readHiddenFile(SAMPLE, ID)),
  );
  assert.match(
    caseText(report.results[0]),
    /values off, max \|error\|[\s\S]*post-norm[\s\S]*Hint: in pre-norm, LayerNorm sees/,
  );
});

test("a hidden file written before masks were a stretch part still grades: forward with causal", async () => {
  const old = {
    version: 1 as const,
    drills: {
      [ID]: [
        { property: "forward", input: { dModel: 8, nHead: 2, dimFF: 16, batch: 1, seq: 4, seed: 9, causal: true } },
      ],
    },
  };
  const ok = await evaluate({ ...checks.block, cases: [] }, makeBlock(), hiddenCasesOf(ID, "block", old));
  assert.is(ok.status, "pass", reportText(ok));
  const bad = await evaluate(
    { ...checks.block, cases: [] },
    makeBlock({ ignoresMask: true }),
    hiddenCasesOf(ID, "block", old),
  );
  assert.match(caseText(bad.results[0]), /the mask was ignored/);
});

test.run();
