/**
 * Benchmark section for drill 06: MLP training with the drill's reference loop (seeded loader, Adam 1e-3,
 * BCE-with-logits, one loss read-back per batch) on 1000×10 for 5 epochs and on 100000×10 for one epoch, batch 32,
 * per tfjs backend, and the same work in PyTorch with 2 threads (mlp.py) where Debian's python3-torch is installed.
 * Ratios are printed beside the target, never asserted: the target binds the native backend only.
 */
import * as path from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { BackendName } from "@drills/lib";
import { rng } from "@drills/lib";
// The model answer is test code, outside the package's exports: reached by its path in the checks build.
import { MLP, criterion, makeLoader, setSeed, trainEpoch } from "../../../checks/dist/drills/06-mlp/test/answers";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { median, registerSection } from "./sections";
import { runTorch, sweep, torchVerdicts, tryBackend } from "./backends";

export const MLP_WORK = { inDim: 10, hidden: 32, batch: 32, smallN: 1000, smallEpochs: 5, largeN: 100_000, repeats: 3 };
export const MLP_TARGET = "training ≤ 2× PyTorch on the native backend";
const SCRIPT = path.join(PROJECT_ROOT, "scripts", "src", "bench", "mlp.py");

export interface MlpRow {
  runtime: string;
  /** Median ms for 5 epochs on 1000 rows, and ms for one epoch on 100000 rows; undefined when it could not run. */
  smallMs?: number;
  largeMs?: number;
  note?: string;
}

/** n rows of N(0, 1) features labelled by x₀·x₁ + x₂ > 0 (as mlp.py), from a seeded stream. */
function dataset(n: number, seed: number): { X: tf.Tensor2D; y: tf.Tensor1D } {
  const u = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const x = Float32Array.from({ length: n * MLP_WORK.inDim }, gauss);
  const y = Float32Array.from({ length: n }, (_, i) =>
    x[i * MLP_WORK.inDim] * x[i * MLP_WORK.inDim + 1] + x[i * MLP_WORK.inDim + 2] > 0 ? 1 : 0,
  );
  return { X: tf.tensor2d(x, [n, MLP_WORK.inDim]), y: tf.tensor1d(y) };
}

/** Milliseconds for `epochs` epochs of the reference loop; data preparation is outside the timing. */
function timeTraining(n: number, epochs: number, seed: number): number {
  const { X, y } = dataset(n, seed);
  setSeed(seed);
  const model = new MLP(MLP_WORK.inDim, MLP_WORK.hidden, 0.2);
  const optimizer = tf.train.adam(1e-3);
  const loader = makeLoader(X, y, { batchSize: MLP_WORK.batch, shuffle: true, seed });
  try {
    const t0 = performance.now();
    // trainEpoch reads every batch's loss with dataSync, so asynchronous backends are timed to completion.
    for (let e = 0; e < epochs; e++) trainEpoch(model, loader, optimizer, criterion);
    return performance.now() - t0;
  } finally {
    optimizer.dispose();
    model.dispose();
    tf.dispose([X, y]);
  }
}

export async function benchTfjs(backend: BackendName): Promise<MlpRow> {
  const problem = await tryBackend(backend);
  if (problem) return { runtime: `tfjs ${backend}`, note: problem };
  const { smallN, smallEpochs, largeN, repeats } = MLP_WORK;
  timeTraining(smallN, 1, 99); // warm-up: kernels compiled, buffers allocated
  const small = Array.from({ length: repeats }, (_, seed) => timeTraining(smallN, smallEpochs, seed));
  return { runtime: `tfjs ${backend}`, smallMs: median(small), largeMs: timeTraining(largeN, 1, 0) };
}

export function benchTorch(): MlpRow {
  const { inDim, hidden, batch, smallN, smallEpochs, largeN, repeats } = MLP_WORK;
  const { out, note } = runTorch<{ torch: string; threads: number; smallMs: number[]; largeMs: number[] }>(
    SCRIPT,
    [inDim, hidden, batch, smallN, smallEpochs, largeN, repeats],
    600_000,
  );
  if (!out) return { runtime: "PyTorch (2 threads)", note };
  return {
    runtime: `PyTorch ${out.torch} (${out.threads} threads)`,
    smallMs: median(out.smallMs),
    largeMs: median(out.largeMs),
  };
}

/** Rows as text: ms per workload and × PyTorch, with the target in the heading. */
export function formatMlp(rows: MlpRow[]): string {
  const torch = rows.find((r) => r.runtime.startsWith("PyTorch"));
  const { smallN, smallEpochs, largeN, batch } = MLP_WORK;
  const ratio = (ms: number | undefined, ref: number | undefined) =>
    ms !== undefined && ref ? `${(ms / ref).toFixed(1)}×` : "";
  const lines = rows.map((r) => {
    if (r.smallMs === undefined || r.largeMs === undefined) return `  ${r.runtime.padEnd(28)} ${r.note ?? "skipped"}`;
    const vs =
      r === torch ? "" : `  (${ratio(r.smallMs, torch?.smallMs)} / ${ratio(r.largeMs, torch?.largeMs)} PyTorch)`;
    return `  ${r.runtime.padEnd(28)} ${r.smallMs.toFixed(0).padStart(10)} ms ${r.largeMs.toFixed(0).padStart(12)} ms${vs}`;
  });
  const head = `MLP training, batch ${batch}, Adam 1e-3 — target: ${MLP_TARGET}\n  ${"runtime".padEnd(28)} ${`${smallN}×10 ×${smallEpochs} ep`.padStart(13)} ${`${largeN}×10 ×1 ep`.padStart(15)}`;
  return [head, ...lines].join("\n");
}

/** The whole section: every tfjs backend that loads, then PyTorch. */
export async function benchMlp(): Promise<{ rows: MlpRow[]; text: string }> {
  const rows = await sweep(benchTfjs, benchTorch);
  return { rows, text: formatMlp(rows) };
}

registerSection(
  "mlp-training",
  "drill 06: MLP training (1000×10 × 5 epochs, 100000×10 × 1 epoch, batch 32, Adam) — tfjs backends vs PyTorch",
  async (context) => {
    const { rows, text } = await benchMlp();
    for (const line of text.split("\n").slice(1)) context.print(line.trim());
    torchVerdicts(rows, (r) => r.largeMs, "100000-row epoch", 2, context.print);
  },
);

if (require.main === module) {
  benchMlp().then(
    ({ text }) => console.log(text),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
