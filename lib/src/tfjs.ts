/**
 * The tfjs runtime, loaded on first use. Drills type against `@tensorflow/tfjs-core` (half the declarations of the
 * whole of tfjs for tslab to check on every cell), but only `@tensorflow/tfjs`'s bundle registers the gradients
 * (tf.grads, the optimisers), the chained ops (x.sub(m)) and the cpu backend, so that is what runs: the same
 * tfjs-core instance, complete. Drills without tensors (04, 08, 09) never load it.
 */
import type * as Tf from "@tensorflow/tfjs-core";

let tf: typeof Tf | undefined;

/** tfjs-core's namespace, after loading the whole of tfjs once. */
export function loadTfjs(): typeof Tf {
  if (!tf) {
    // require(), not import: TypeScript would copy an `import "@tensorflow/tfjs"` into the .d.ts, and tslab would
    // then check all 600 of tfjs's declaration files.
    require("@tensorflow/tfjs");
    tf = require("@tensorflow/tfjs-core") as typeof Tf;
  }
  return tf;
}
