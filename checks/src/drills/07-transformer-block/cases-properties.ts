/**
 * Drill 07's core cases that need no fixture: dropout semantics, the pre-norm residual stream, LayerNorm's epsilon,
 * permutation equivariance and random shapes against the float64 oracle. Inputs are
 * seeded and built here; the kernel only runs forward.
 */
import { permutation } from "@drills/lib";
import { allClose, ok } from "../../assert";
import { fail } from "../../failure";
import type { Case } from "../../drill";
import { fmtNumber } from "../../format";
import { judgeSamples } from "../../samples";
import type { Job, RunOut, Setup } from "./calls";
import { describeSetup } from "./calls";
import { compare, diagnose, flat3 } from "./diagnose";
import { TOL } from "./fixture";
import { MISTAKES, oracleForward } from "./oracle";
import { sameRuns } from "./cases-parity";
import { randomShapes, scene, setupOf, type Shape } from "./scenes";
import { pack, packDict, randomInput, randomStateDict } from "./state";
import type { TransformerBlockClass } from "./types";

type C = Case<TransformerBlockClass>;
const small = (seed: number, pDrop = 0.1): Job & { setup: Setup } => ({
  setup: { dModel: 8, nHead: 2, dimFF: 16, pDrop },
  sd: packDict(randomStateDict(8, 16, seed)),
});
const std = (v: ArrayLike<number>) => {
  const a = Array.from(v);
  const m = a.reduce((s, b) => s + b, 0) / a.length;
  return Math.sqrt(a.reduce((s, b) => s + (b - m) ** 2, 0) / a.length);
};
const POST_NORM = MISTAKES[0];

const dropout: C = {
  id: "dropout",
  name: "eval mode is deterministic; dropout acts only in training",
  was: ["eval mode is deterministic; dropout acts only in training"],
  hint: "all dropout (attention weights, both residual branches, inside the FFN) runs only when training is true.",
  call: "forward",
  input: () => {
    const x = pack(randomInput(2, 6, 8, 11));
    return {
      jobs: [
        { ...small(3, 0.5), runs: [{ x }, { x }, { x, training: true }] },
        {
          ...small(3, 0),
          runs: [
            { x, training: false },
            { x, training: true },
          ],
        },
      ],
    };
  },
  judge({ outs }: { outs: RunOut[][] }) {
    const input = "x: N(0,1) (2, 6, 8), seed 11";
    const [[a, b, t], [e0, t0]] = outs;
    sameRuns(
      a,
      b,
      "two eval-mode calls should give identical outputs",
      `${describeSetup(small(3, 0.5).setup)}; ${input}`,
    );
    const changed = t.values.filter((v, i) => Math.abs(v - a.values[i]) > 1e-6).length;
    ok(changed > 0, {
      what: "training mode with pDrop 0.5 should change the output",
      input,
      expected: "some outputs different from eval mode",
      actual: "identical to eval mode",
      hint: "forward(x, true) should apply dropout (tf.dropout with rate pDrop); forward(x, false) should not.",
    });
    allClose(t0.values, e0.values, {
      what: "with pDrop 0, training and eval outputs should agree",
      input: `${describeSetup(small(3, 0).setup)}; ${input}`,
      tol: 1e-6,
      hint: "with pDrop 0 every dropout is the identity: training mode may change nothing else.",
    });
  },
};

const dropoutResidual: C = {
  id: "dropout-residual",
  name: "dropout acts on the sublayer outputs, never on the residual stream",
  hint: "drop the attention and FFN outputs before adding them: x + dropout(sublayer(…)), never dropout(x + …).",
  call: "forward",
  input: () => {
    const x = pack(randomInput(1, 5, 8, 61, 1000));
    return { jobs: [{ ...small(13, 0.5), runs: [{ x }, { x, training: true }] }] };
  },
  judge({ outs }: { outs: RunOut[][] }, input: { jobs: { runs: { x: { values: Float32Array } }[] }[] }) {
    const x = input.jobs[0].runs[0].x.values;
    // x is ~1000·N(0,1); each sublayer adds an O(1) update (at most doubled by inverted dropout), so out − x stays
    // far below 100 (≈ 10 measured), while a dropout on the stream itself zeroes or doubles elements of size ~1000.
    const gap = (y: Float32Array) => Array.from(y).reduce((m, v, i) => Math.max(m, Math.abs(v - x[i])), 0);
    const where = "x = 1000 · N(0,1), shape (1, 5, 8), pDrop 0.5";
    // Already far in eval mode: the stream is rescaled without any dropout, a cause the pre-norm case names.
    const evalGap = gap(outs[0][0].values);
    if (evalGap >= 100) {
      const cause = diagnose(
        outs[0][0].values,
        { sd: randomStateDict(8, 16, 13), x: randomInput(1, 5, 8, 61, 1000), nHead: 2 },
        TOL,
      );
      fail({
        what: "in eval mode, out − x should stay O(1) on a large x",
        input: where,
        expected: "max |out − x| < 100",
        actual: fmtNumber(evalGap),
        note: cause.note ?? "the output is rescaled even without dropout",
        hint: cause.hint ?? "fix the eval-mode output first (the pre-norm and parity cases say more).",
      });
    }
    const worst = gap(outs[0][1].values);
    ok(worst < 100, {
      what: "in training, out − x should stay O(1) on a large x (dropout only thins the sublayers' updates)",
      input: `${where}, training`,
      expected: "max |out − x| < 100",
      actual: fmtNumber(worst),
      note:
        worst > 300
          ? "elements of x itself were zeroed or scaled: dropout is applied to the residual stream"
          : undefined,
    });
  },
};

const preNorm: C = {
  id: "pre-norm",
  name: "pre-norm: the residual stream keeps its scale",
  was: ["pre-norm: the residual stream keeps its scale"],
  hint: "in a pre-norm block LayerNorm sees only the sublayer's input; the residual stream x itself is never normalised.",
  call: "forward",
  input: () => ({ jobs: [{ ...small(5), runs: [{ x: pack(randomInput(1, 5, 8, 21, 1000)) }] }] }),
  judge({ outs }: { outs: RunOut[][] }) {
    const x = randomInput(1, 5, 8, 21, 1000);
    const out = outs[0][0].values;
    const ratio = std(out) / std(flat3(x));
    if (Math.abs(ratio - 1) < 0.05) return;
    // Name the mistake the output matches (no residual also shrinks the stream); a bare collapse reads as post-norm.
    const cause = diagnose(out, { sd: randomStateDict(8, 16, 5), x, nHead: 2 }, TOL);
    const post = ratio < 0.05;
    fail({
      what: "std(output) / std(x) should stay ≈ 1 (each sublayer adds an O(1) update to x)",
      input: "x = 1000 · N(0,1), shape (1, 5, 8)",
      expected: "ratio within 1 ± 0.05",
      actual: fmtNumber(ratio),
      ...(cause.note ? cause : post ? { note: "the output is normalised: this is post-norm", hint: POST_NORM[2] } : {}),
    });
  },
};

const eps: C = {
  id: "eps",
  name: "LayerNorm epsilon is 1e-5 (low-variance input)",
  was: ["LayerNorm epsilon is 1e-5 (low-variance input)"],
  hint: "use the given this.layerNorm (epsilon 1e-5, as nn.LayerNorm); tfjs's layerNormalization defaults to 1e-3.",
  call: "forward",
  input: () => {
    const x = pack(randomInput(1, 4, 8, 31, 0.01));
    return { jobs: [{ ...small(7), runs: [{ x }, { x }] }] };
  },
  judge({ outs }: { outs: RunOut[][] }) {
    const sd = randomStateDict(8, 16, 7);
    const x = randomInput(1, 4, 8, 31, 0.01);
    sameRuns(outs[0][0], outs[0][1], "output should match the float64 reference");
    compare(outs[0][0].values, flat3(oracleForward(sd, x, 2).out), {
      what: "output should match the float64 reference",
      input: "x = 0.01 · N(0,1) (variance 1e-4, so epsilon matters), shape (1, 4, 8)",
      sd,
      x,
      nHead: 2,
      ...TOL,
    });
  },
};

const PERMS = () => Array.from({ length: 8 }, (_, i) => permutation(6, 100 + i));

const permutationCase: C = {
  id: "permutation",
  name: "permuting the sequence permutes the output (eval, no mask)",
  was: ["permuting the sequence permutes the output (eval, no mask)"],
  hint: "without positional encoding or a mask, self-attention treats positions as a set: softmax over keys (the last axis), nothing that depends on the order.",
  call: "forward",
  input: () => {
    const x = randomInput(1, 6, 8, 41);
    return {
      jobs: [
        {
          ...small(9),
          runs: [{ x: pack(x) }, { x: pack(x) }, ...PERMS().map((p) => ({ x: pack([p.map((i) => x[0][i])]) }))],
        },
      ],
    };
  },
  judge({ outs }: { outs: RunOut[][] }) {
    const [base, again, ...rest] = outs[0];
    sameRuns(base, again, "forward(x[:, perm]) should equal forward(x)[:, perm]", "x: N(0,1) (1, 6, 8), seed 41");
    const perms = PERMS();
    judgeSamples(
      perms,
      rest,
      (perm, out) => {
        const expected = perm.flatMap((i) => Array.from(base.values.slice(i * 8, (i + 1) * 8)));
        allClose(out.values, expected, { what: "forward(x[:, perm]) should equal forward(x)[:, perm]", ...TOL });
      },
      { what: "permutation equivariance on x: N(0,1) (1, 6, 8), seed 41" },
    );
  },
};

const SHAPES = () => randomShapes({ ff: [2, 12], maxBatch: 3, numRuns: 12 });

const randomShapesCase: C = {
  id: "random-shapes",
  name: "property: matches the float64 reference on random shapes and head counts",
  was: ["property: matches the float64 reference on random shapes and head counts"],
  hint: "try the shrunk shape by hand: split dModel into nHead contiguous blocks of dModel / nHead features.",
  call: "forward",
  input: () => ({
    shapes: SHAPES(),
    jobs: SHAPES().map((s) => {
      const { sd, x } = scene(s);
      return {
        setup: setupOf(s, 0.1),
        sd: packDict(sd),
        runs: [{ x: pack(x) }, { x: pack(x) }],
      };
    }),
  }),
  judge({ outs }: { outs: RunOut[][] }, { shapes }: { shapes: Shape[] }) {
    judgeSamples(
      shapes,
      outs,
      (s, [out, again]) => {
        const sc = scene(s);
        sameRuns(out, again, "output should match the reference");
        compare(out.values, flat3(oracleForward(sc.sd, sc.x, s.nHead).out), {
          what: "output should match the reference",
          input: "",
          ...sc,
          ...TOL,
        });
      },
      { what: "new TransformerBlock(nHead·dh, nHead, ff) on x of shape (batch, seq, nHead·dh)" },
    );
  },
};

export const propertyCases = {
  dropout,
  dropoutResidual,
  preNorm,
  eps,
  permutation: permutationCase,
  randomShapes: randomShapesCase,
};
