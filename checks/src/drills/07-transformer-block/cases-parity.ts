/**
 * Drill 07's core cases against PyTorch's own numbers (fixture.ts): the eval-mode output, and the gradient of every
 * parameter. Inputs go into the kernel as plain data; the judges compare here, naming the detected cause.
 */
import { allClose, ok } from "../../assert";
import { fail } from "../../failure";
import type { Case } from "../../drill";
import type { RunOut } from "./calls";
import { compare, flat3 } from "./diagnose";
import { FIXTURE_INPUT, GRAD_TOL, TOL, fixture, fixtureJob } from "./fixture";
import { flatten, pack, PARAMETER_NAMES } from "./state";
import type { TransformerBlockClass } from "./types";

const DROPOUT_IN_EVAL = {
  note: "two calls of forward(x) gave different outputs: dropout is active in eval mode",
  hint: "training defaults to false, and every dropout runs only when training is true.",
};

/** Two eval calls must agree before a value comparison means anything. */
export function sameRuns(a: { values: Float32Array }, b: { values: Float32Array }, what: string, input?: string): void {
  const differ = a.values.length !== b.values.length || a.values.some((v, i) => !Object.is(v, b.values[i]));
  if (differ)
    fail({
      what,
      input,
      expected: "the same output from two eval-mode calls",
      actual: "two different outputs",
      ...DROPOUT_IN_EVAL,
    });
}

const evalParity: Case<TransformerBlockClass> = {
  id: "eval-parity",
  name: "matches PyTorch in eval mode",
  was: ["matches PyTorch in eval mode"],
  hint: "compare each stage with the formula: norm1 → attention → residual add → norm2 → FFN → residual add.",
  points: 2,
  call: "forward",
  input: () => {
    const x = pack(fixture().x);
    return { jobs: [{ ...fixtureJob(), runs: [{ x }, { x }] }] };
  },
  judge({ outs }: { outs: RunOut[][] }) {
    const f = fixture();
    const [a, b] = outs[0];
    const what = "output should match PyTorch's";
    sameRuns(a, b, what, FIXTURE_INPUT);
    compare(a.values, flat3(f.out), {
      what,
      input: FIXTURE_INPUT,
      sd: f.stateDict,
      x: f.x,
      nHead: f.config.nHead,
      ...TOL,
    });
  },
};

interface Grads {
  out: Float32Array;
  again: Float32Array;
  keys: string[];
  variables: string[];
  grads: Record<string, Float32Array>;
  threw: { name: string; message: string } | null;
}

const GRAD_INPUT = "loss = sum(block.forward(x) · probe), x and probe from the fixture, eval mode";

const gradients: Case<TransformerBlockClass> = {
  id: "gradients",
  name: "gradients reach every parameter and match PyTorch's",
  was: ["gradients reach every parameter and match PyTorch's"],
  hint: "build forward from tf ops on the block's own variables (this.linear, this.layerNorm), so autodiff sees every weight.",
  call: "grads",
  input: () => ({ job: fixtureJob(), x: pack(fixture().x), probe: pack(fixture().probe) }),
  judge({ out, again, variables, grads, threw }: Grads) {
    const f = fixture();
    sameRuns(
      { values: out },
      { values: again },
      "forward(x) should match PyTorch's before its gradients can",
      FIXTURE_INPUT,
    );
    // A wrong forward makes every gradient wrong: name the forward's cause, not a gradient one.
    compare(out, flat3(f.out), {
      what: "forward(x) should match PyTorch's before its gradients can",
      input: FIXTURE_INPUT,
      sd: f.stateDict,
      x: f.x,
      nHead: f.config.nHead,
      ...TOL,
    });
    const missing = PARAMETER_NAMES.filter((k) => !variables.includes(k));
    ok(missing.length === 0, {
      what: "namedParameters() should list every parameter as a tf.Variable",
      input: GRAD_INPUT,
      expected: PARAMETER_NAMES.join(", "),
      actual: `missing ${missing.join(", ")}`,
      hint: "keep the given constructor's this.params: one tf.Variable per state-dict key.",
    });
    if (threw) {
      if (/Cannot find a connection between any variable/.test(threw.message)) {
        fail({
          what: "a gradient should reach the parameters namedParameters() returns",
          input: GRAD_INPUT,
          expected: "gradients for all 12",
          actual: "no gradient reaches any of them",
          note: "forward does not use these variables (copies? values read out with dataSync?)",
          hint: "compute with this.linear / this.layerNorm on this.params; never copy a weight with tf.tensor(w.dataSync()).",
        });
      }
      if (/gradient for op BatchMatMul/.test(threw.message)) {
        fail({
          what: "tf.variableGrads should run",
          input: GRAD_INPUT,
          expected: "gradients",
          actual: `threw ${threw.name}: ${threw.message}`,
          note: "tfjs's batched matMul gradient does not broadcast a 2-D weight",
          hint: "multiply by weights with this.linear (it reshapes to 2-D), not tf.matMul on a 3-D x.",
        });
      }
      fail({
        what: "tf.variableGrads(sum(forward(x) · probe)) should run",
        input: GRAD_INPUT,
        expected: "gradients",
        actual: `threw ${threw.name}: ${threw.message}`,
      });
    }
    for (const k of PARAMETER_NAMES) {
      ok(!!grads[k], {
        what: `a gradient should reach "${k}"`,
        input: GRAD_INPUT,
        expected: "a gradient",
        actual: "none",
        hint: `forward never uses "${k}" (or uses a copy of it).`,
      });
      allClose(grads[k], flatten(f.grads[k]), {
        what: `∂loss/∂${k} should match PyTorch's`,
        input: GRAD_INPUT,
        ...GRAD_TOL,
      });
    }
  },
};

export const parityCases = [evalParity, gradients];
