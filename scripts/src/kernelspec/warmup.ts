/**
 * Build-time only: `node warmup.js <dir>` loads tslab and the pack the way a kernel and a setup cell do, then writes
 * the V8 code cache of every node_modules file it compiled into <dir>. Run by buildCodeCache, never by a kernel.
 */
import * as path from "node:path";
import { recordCodeCache } from "./codecache";
import { PROJECT_ROOT } from "./kernelspec";

const NODE_MODULES = path.join(PROJECT_ROOT, "node_modules") + path.sep;

/** The cells a kernel compiles first: a trivial one, the setup imports, and one using tf (the checker's paths). */
export const WARMUP_CELLS = [
  "1 + 1",
  'import * as tf from "@tensorflow/tfjs";\nimport * as tfc from "@tensorflow/tfjs-core";\nimport { useBackend } from "@drills/lib";\nimport { hint } from "@drills/checks";',
  "const warm: tf.Tensor1D = tf.tensor1d([1, 2]);\nconst twice = tfc.mul(warm, 2);",
];

function main(dir: string): void {
  const recorder = recordCodeCache((f) => f.startsWith(NODE_MODULES) && !f.endsWith(".json"));
  process.chdir(PROJECT_ROOT);
  require("tslab/dist/main");
  const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
  const converter = createConverter({ isJS: false, isBrowser: false });
  let decl = "";
  for (const cell of WARMUP_CELLS) decl = converter.convert(decl, cell).declOutput ?? "";
  converter.close();
  // Runtime modules a setup cell loads (tfjs's kernels register at require time).
  require("@tensorflow/tfjs");
  require("@drills/checks");
  const manifest = recorder.write(dir);
  console.log(`${Object.keys(manifest.files).length} files`);
}

if (require.main === module) main(process.argv[2]);
