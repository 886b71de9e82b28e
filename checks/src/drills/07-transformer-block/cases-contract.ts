/**
 * Drill 07's contract cases: forward rejects a malformed x (judged on what it threw), and leaves no tensor behind
 * and x usable (the one verdict measured inside the kernel).
 */
import { ok, rejected } from "../../assert";
import type { Case } from "../../drill";
import type { RunOut } from "./calls";
import { pack, packDict, randomInput, randomStateDict } from "./state";
import type { TransformerBlockClass } from "./types";

type C = Case<TransformerBlockClass>;
const small = (seed: number) => ({
  setup: { dModel: 8, nHead: 2, dimFF: 16, pDrop: 0.1 },
  sd: packDict(randomStateDict(8, 16, seed)),
});

const rejectsX: C = {
  id: "rejects-x",
  name: "rejects x whose last dimension is not dModel",
  was: ["rejects nHead not dividing dModel, and x whose last dimension is not dModel"],
  hint: "call the given this.checkInput(x) at the top of forward: it throws ValueError naming the expected shape.",
  call: "rejects",
  input: () => ({ job: small(1), x: { values: new Float32Array(2 * 3 * 12), shape: [2, 3, 12] } }),
  judge: ({ threw }: { threw: { name: string; message: string } | null }) =>
    rejected(threw, "block.forward(x)", {
      what: "x of shape (2, 3, 12) should be rejected by a dModel-8 block",
      input: "x: zeros (2, 3, 12), dModel = 8",
      mentions: ["8"],
    }),
};

const hygiene: C = {
  id: "hygiene",
  name: "no leaked tensors, input left intact",
  was: ["no leaked tensors, input left intact"],
  hint: "wrap forward's body in tf.tidy(() => ...) so intermediates (and dropout masks) are disposed; never dispose x.",
  inKernel: true,
  call: "forward",
  input: () => {
    const x = pack(randomInput(2, 4, 8, 51));
    return {
      jobs: [
        {
          ...small(11),
          runs: [
            { x, training: false },
            { x, training: true },
          ],
        },
      ],
    };
  },
  judge({ outs }: { outs: RunOut[][] }) {
    const input = "x: N(0,1) (2, 4, 8)";
    outs[0].forEach((r, i) => {
      ok(!r.xDisposed, {
        what: `forward(x, ${i === 1}) should leave x usable`,
        input,
        expected: "x not disposed",
        actual: "x was disposed",
        hint: "never dispose the caller's input; tf.tidy only disposes intermediates.",
      });
      ok(r.leaked <= 0, {
        what: `forward(x, ${i === 1}) should dispose its intermediates`,
        input,
        expected: "0 tensors left behind",
        actual: `${r.leaked} tensor(s) leaked`,
      });
    });
  },
};

export const contractCases = { rejectsX, hygiene };
