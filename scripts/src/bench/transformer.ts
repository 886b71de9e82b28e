/**
 * Benchmark section for drill 07: one pre-norm transformer block's eval forward pass at (32, 128, 256), 8 heads,
 * dimFF 1024 (≈ 6.7 GFLOP), per tfjs backend, and the same block in PyTorch with 2 threads (transformer.py) where
 * Debian's python3-torch is installed. Ratios are printed beside the target, never asserted: the target is for the
 * native backend, and cpu/wasm are reported for what they reach.
 */
import * as path from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { BackendName } from "@drills/lib";
import { makeBlock } from "../../../checks/dist/drills/07-transformer-block/test/answers";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { median, registerSection } from "./sections";
import { runTorch, sweep, torchVerdicts, tryBackend } from "./backends";

export const TRANSFORMER_SHAPE = { batch: 32, seq: 128, dModel: 256, nHead: 8, dimFF: 1024 };
export const TRANSFORMER_TARGET = "forward ≤ 3× PyTorch on the native backend";
const SCRIPT = path.join(PROJECT_ROOT, "scripts", "src", "bench", "transformer.py");

export interface TransformerRow {
  runtime: string;
  /** Median milliseconds per forward pass; undefined when the runtime could not run. */
  ms?: number;
  runs: number;
  note?: string;
}

/**
 * Repeats until `minRuns` runs or `budgetMs` elapsed, after one warm-up. A warm-up slower than a quarter of the
 * budget (the cpu backend: tens of seconds) counts as the one run: first-call overhead is noise at that scale.
 */
function time(fn: () => void, minRuns: number, budgetMs: number): number[] {
  const w0 = performance.now();
  fn();
  const warm = performance.now() - w0;
  if (warm > budgetMs / 4) return [warm];
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns && (times.length === 0 || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

export async function benchTfjs(backend: BackendName, minRuns = 3, budgetMs = 20000): Promise<TransformerRow> {
  const problem = await tryBackend(backend);
  if (problem) return { runtime: `tfjs ${backend}`, runs: 0, note: problem };
  const { batch, seq, dModel, nHead, dimFF } = TRANSFORMER_SHAPE;
  const Block = makeBlock();
  const block = new Block(dModel, nHead, dimFF, 0.1);
  const x = tf.randomNormal([batch, seq, dModel], 0, 1, "float32", 1) as tf.Tensor3D;
  try {
    // dataSync waits for the result, so asynchronous backends are timed to completion.
    const runs = time(
      () => {
        const y = block.forward(x);
        y.dataSync();
        y.dispose();
      },
      minRuns,
      budgetMs,
    );
    return { runtime: `tfjs ${backend}`, ms: median(runs), runs: runs.length };
  } finally {
    x.dispose();
    block.dispose?.();
  }
}

export function benchTorch(repeats = 5): TransformerRow {
  const { batch, seq, dModel, nHead, dimFF } = TRANSFORMER_SHAPE;
  const { out, note } = runTorch<{ torch: string; threads: number; ms: number[] }>(
    SCRIPT,
    [batch, seq, dModel, nHead, dimFF, repeats],
    300_000,
  );
  if (!out) return { runtime: "PyTorch (2 threads)", runs: 0, note };
  return { runtime: `PyTorch ${out.torch} (${out.threads} threads)`, ms: median(out.ms), runs: out.ms.length };
}

/** Rows as text: median ms, × PyTorch, and the target beside. */
export function formatTransformer(rows: TransformerRow[]): string {
  const torch = rows.find((r) => r.runtime.startsWith("PyTorch"))?.ms;
  const { batch, seq, dModel, nHead, dimFF } = TRANSFORMER_SHAPE;
  const head = `transformer block forward (${batch}, ${seq}, ${dModel}), ${nHead} heads, dimFF ${dimFF} — target: ${TRANSFORMER_TARGET}`;
  const lines = rows.map((r) => {
    if (r.ms === undefined) return `  ${r.runtime.padEnd(28)} ${r.note ?? "skipped"}`;
    const ratio = torch && !r.runtime.startsWith("PyTorch") ? `${(r.ms / torch).toFixed(1)}× PyTorch` : "";
    return `  ${r.runtime.padEnd(28)} ${r.ms.toFixed(0).padStart(7)} ms  (median of ${r.runs})  ${ratio}`;
  });
  return [head, ...lines].join("\n");
}

/** The whole section: every tfjs backend that loads, then PyTorch. */
export async function benchTransformer(): Promise<{ rows: TransformerRow[]; text: string }> {
  const rows = await sweep(
    (b) => benchTfjs(b),
    () => benchTorch(),
  );
  return { rows, text: formatTransformer(rows) };
}

registerSection(
  "transformer-forward",
  "drill 07: pre-norm block forward (32, 128, 256), 8 heads, dimFF 1024 — tfjs backends vs PyTorch",
  async (context) => {
    const { rows, text } = await benchTransformer();
    for (const line of text.split("\n").slice(1)) context.print(line.trim());
    torchVerdicts(rows, (r) => r.ms, "forward", 3, context.print);
  },
);

if (require.main === module) {
  benchTransformer().then(
    ({ text }) => console.log(text),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
