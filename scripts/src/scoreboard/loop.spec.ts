/**
 * The candidate's loop in a real tslab kernel: `hint()` shows the next hint, a check shows its report and the
 * time-box line, `showPlot` shows an SVG, every event lands in the progress log, and the scoreboard reads it.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { readRecords } from "@drills/checks";
import { executeNotebook } from "../runner";
import { sourceOf, writeNotebook, type Cell } from "../runner/notebook";
import { summarise } from "./board";

const ROOT = path.resolve(__dirname, "../../..");
// Inside the project, so the kernel resolves @drills/* like a notebook in notebooks/ does.
const dir = path.join(ROOT, "build", `loop-spec-${process.pid}`);
const log = path.join(dir, "progress.jsonl");

const code = (id: string, source: string): Cell => ({
  id,
  cell_type: "code",
  source,
  metadata: {},
  outputs: [],
  execution_count: null,
});

test("hint, check, time box and plot in a kernel; the log feeds the scoreboard", async () => {
  const file = path.join(dir, "loop.ipynb");
  writeNotebook(file, {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    cells: [
      code(
        "setup",
        'import * as tf from "@tensorflow/tfjs";\nimport { useBackend, lineSpec, showPlot } from "@drills/lib";\nimport { checkZscore, hint } from "@drills/checks";\nawait useBackend();',
      ),
      code("hint", 'hint("zscore");'),
      code(
        "answer",
        'const zscore = (x: tf.Tensor1D) => tf.tidy(() => { if (x.rank !== 1 || x.size === 0) { const e = new Error("x: expected a non-empty 1-D tensor"); e.name = "ValueError"; throw e; } const { mean, variance } = tf.moments(x); const s = tf.sqrt(variance); return tf.where(tf.equal(tf.max(x), tf.min(x)), tf.zerosLike(x), tf.div(tf.sub(x, mean), s)) as tf.Tensor1D; });',
      ),
      code("check", "await checkZscore(zscore);"),
      code("plot", 'await showPlot(lineSpec([{ e: 0, l: 1 }, { e: 1, l: 0.5 }], { x: "e", y: "l", title: "loss" }));'),
    ],
  });
  const env: NodeJS.ProcessEnv = { ...process.env, DRILLS_PROGRESS_FILE: log };
  delete env.DRILLS_PROGRESS;
  // The runner marks its kernels headless unless told otherwise; this test plays a person at the keyboard.
  env.DRILLS_MODE = "interactive";
  const result = await executeNotebook(file, { env, timeoutSeconds: 120 });
  assert.ok(result.passed, result.failures.map((f) => f.message).join("\n"));
  const nb = result.notebook!;
  const outputs = (id: string) => nb.cells.find((c) => c.id === id)!.outputs!;
  const texts = (id: string) =>
    outputs(id)
      .map((o) => sourceOf({ cell_type: "code", metadata: {}, source: o.data?.["text/plain"] ?? o.text ?? "" }))
      .join("\n");

  assert.match(
    texts("hint"),
    /^💡 Hint 1 of 3 — 01 · Z-score\n[\s\S]*2 more hints: run hint\("01-zscore"\) again\.\nRe-read one with hint\("01-zscore", 1\)\.$/,
  );
  assert.ok(outputs("hint")[0].data["text/html"].includes('class="drills-hint"'));
  assert.match(texts("check"), /✔ 01-zscore — Z-score: all checks pass/);
  assert.match(texts("check"), /⏱ first pass after \d+ s — within your 10-minute time box \(1 hint\)\./);
  assert.match(outputs("plot")[0].data["image/svg+xml"], /^<svg/);
  assert.match(
    outputs("plot")[0].data["application/vnd.vegalite.v5+json"].$schema,
    "vega-lite/v5",
    "the spec travels beside the SVG",
  );

  const records = readRecords(log);
  assert.equal(
    records.map((r) => r.kind),
    ["hint", "check"],
  );
  const rec = records[1];
  assert.ok(
    rec.kind === "check" &&
      rec.status === "pass" &&
      rec.hints === 1 &&
      rec.attempt === 1 &&
      rec.mode === "interactive" &&
      rec.checks.length >= 7,
  );
  const row = summarise(records).find((r) => r.drill.id === "01-zscore")!;
  assert.equal([row.status, row.hints, row.attempts, row.withinBox], ["pass", 1, 1, true]);
});

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

test.run();
