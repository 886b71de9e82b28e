/**
 * The drills' setup cells import `@tensorflow/tfjs-core` (half the declarations of `@tensorflow/tfjs` for tslab to
 * check on every cell). Both ways a candidate may write tensor code must keep working through the real kernel: ops
 * as functions under tfjs-core, and chained ops (`x.sub(m)`) after switching the import to `@tensorflow/tfjs`,
 * with the drill's check still taking the answer. Chaining under tfjs-core fails with the compiler's own words.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as path from "node:path";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { executeNotebook } from "./execute";
import { Scratch } from "./testing/scratch";

// Under the project, so the kernel resolves @drills/* and tfjs from its node_modules as a notebook would.
const scratch = new Scratch(path.join(PROJECT_ROOT, "build"), "tfjs-import-");

const setup = (tfjs: string, backend = "await useBackend();") => `import * as tf from "${tfjs}";
import { useBackend, ValueError } from "@drills/lib";
import { checkZscore } from "@drills/checks/01-zscore";
${backend}`;

// The model answer, written with chained ops.
const chained = `function zscore(x: tf.Tensor1D): tf.Tensor1D {
  if (!(x instanceof tf.Tensor) || x.rank !== 1 || x.size === 0) throw new ValueError(\`x: expected a non-empty 1-D tensor, got shape [\${x?.shape}]\`);
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x);
    return tf.where(x.max().equal(x.min()), tf.zerosLike(x), x.sub(mean).div(variance.sqrt())) as tf.Tensor1D;
  });
}
await checkZscore(zscore);`;

test.after(() => scratch.remove());

test("chained ops after importing @tensorflow/tfjs: the answer passes drill 01's check (strict)", async () => {
  const result = await executeNotebook(scratch.notebook("chained.ipynb", [setup("@tensorflow/tfjs"), chained]), {
    strict: true,
    timeoutSeconds: 60,
  });
  assert.equal(result.failures, []);
  assert.match(JSON.stringify(result.notebook?.cells[1].outputs), "✔");
});

test("a setup cell without useBackend(): tfjs still loads with the drill's check entry, and the answer passes", async () => {
  const functional = chained
    .replace("x.max().equal(x.min())", "tf.equal(tf.max(x), tf.min(x))")
    .replace("x.sub(mean).div(variance.sqrt())", "tf.div(tf.sub(x, mean), tf.sqrt(variance))");
  assert.is.not(functional, chained);
  const result = await executeNotebook(
    scratch.notebook("no-backend.ipynb", [setup("@tensorflow/tfjs-core", ""), functional]),
    { strict: true, timeoutSeconds: 60 },
  );
  assert.equal(result.failures, []);
  assert.match(JSON.stringify(result.notebook?.cells[1].outputs), "✔");
});

test("chained ops under @tensorflow/tfjs-core: a compile error naming the missing method", async () => {
  const result = await executeNotebook(scratch.notebook("core.ipynb", [setup("@tensorflow/tfjs-core"), chained]), {
    strict: true,
    timeoutSeconds: 60,
  });
  assert.is(result.failures.length, 1);
  assert.is(result.failures[0].cell?.ename, "CompileError");
  assert.match(result.failures[0].message, "Property 'max' does not exist on type 'Tensor1D'");
});

test.run();
