/**
 * Drill 06's kernel half holds no judge: calls.js reaches neither an oracle, nor the fixtures, nor a model answer.
 * And the grading path (payload out, outcome lines back, judged here) gives the same verdicts as the notebook's.
 */
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { useBackend } from "@drills/lib";
import { decode, encode } from "../../codec";
import { evaluate, judgeOutcome, type Case } from "../../drill";
import { outcomeLine, parseOutcomes } from "../../kernel";
import { loadCalls } from "../../loader";
import { callCase } from "../../outcome";
import { checks } from "./checks";
import { bceWithLogits, loops, makeLoader } from "./test/answers";
import { bceWrong, loaderWrong, loopsWrong } from "./test/wrong";

test.before(async () => {
  await useBackend();
});

test("calls.js reaches only kernel-side modules of its folder, and no oracle, fixture, judge or answer", () => {
  for (const k of Object.keys(require.cache)) if (k.includes(`${path.sep}06-mlp${path.sep}`)) delete require.cache[k];
  require("./calls");
  // Walk the module graph from calls.js (children are recorded even for modules already cached).
  const seen = new Set<string>();
  const walk = (m: NodeModule | undefined) => {
    if (!m || seen.has(m.filename)) return;
    seen.add(m.filename);
    m.children.forEach(walk);
  };
  walk(require.cache[require.resolve("./calls")]);
  const reached = [...seen].filter((k) => !k.includes(`${path.sep}node_modules${path.sep}`));
  const mine = reached
    .filter((k) => k.includes(`${path.sep}06-mlp${path.sep}`))
    .map((k) => path.relative(__dirname, k))
    .sort();
  assert.equal(mine, ["calls-stretch.js", "calls.js", "given.js", "harness.js", "types.js"]);
  assert.equal(
    reached.filter((k) =>
      /fixtures\.js$|oracle|checks\.js$|hidden|test[\\/]/.test(path.relative(path.resolve(__dirname, "../.."), k)),
    ),
    [],
  );
});

/** Every case of a check, its call run as the grading kernel would and its outcome judged from the outcome line. */
async function graded<I>(part: keyof typeof checks, impl: I): Promise<string[]> {
  const check = checks[part];
  const calls = loadCalls("06-mlp");
  const out: string[] = [];
  for (const [i, c] of (check.cases as Case[]).entries()) {
    const input = await c.input();
    const outcome = await callCase(calls[c.call], impl, decode(encode(input)), c.call);
    const back = parseOutcomes(`noise\n${outcomeLine("n0", i, outcome)}\n`, "n0").get(i)!;
    out.push(`${c.id}:${(await judgeOutcome(c, input, back)).status}`);
  }
  return out;
}

const inProcess = async <I>(part: keyof typeof checks, impl: I) =>
  (await evaluate(checks[part] as never, impl)).results.map((r) => `${r.id}:${r.status}`);

const samples: [keyof typeof checks, unknown][] = [
  ["mlp", loops],
  ["mlp", loopsWrong["average loss not weighted by batch size"][0]],
  ["mlp", loopsWrong["evaluate() with dropout on"][0]],
  ["loader", makeLoader],
  ["loader", loaderWrong["drops the short last batch"][0]],
  ["bce", bceWithLogits],
  ["bce", bceWrong["sigmoid + BCE (log of a saturated sigmoid)"][0]],
];

for (const [part, impl] of samples) {
  test(`${part}: graded across the boundary = checked in the notebook`, async () => {
    assert.equal(await graded(part, impl), await inProcess(part, impl));
  });
}

test.run();
