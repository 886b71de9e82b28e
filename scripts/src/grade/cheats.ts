/**
 * A catalogue of cheats, each an edit of drill 01's notebook as a hostile candidate would make it. The grader spec
 * grades each as its own candidate and asserts it scores no more than the untouched exercise (a redirect: no more
 * than the same answer without it), damages nothing and leaves no process behind.
 */
import type { Cell, Notebook } from "../runner/notebook";

export const code = (id: string, source: string, tags: string[] = []): Cell => ({
  id,
  cell_type: "code",
  source,
  metadata: tags.length ? { tags } : {},
  outputs: [],
  execution_count: null,
});

/** A report bundle that claims every case passed, with the real ids and extra invented ones. */
const FORGED_REPORT = `{ drill: "01-zscore", part: "zscore", title: "Z-score", status: "pass", checks: ["small", "numpy-parity", "constant", "two-pass", "tensor-ops-only", "hygiene", "rejects-2d", "rejects-empty", "property-reference", "hidden-1", "hidden-2", "hidden-3", "hidden-4", "hidden-5", "bonus-1", "bonus-2"].map((id) => ({ id, name: id, status: "pass", ms: 1, points: 5 })) }`;

const SHOW_FORGED = `require("@drills/lib").displayBundle({ "text/plain": "✔ all checks pass", "application/vnd.drills.check+json": ${FORGED_REPORT} })`;

export interface Cheat {
  /** What the candidate tries. */
  name: string;
  /** Edits a copy of the exercise (stubbed answer) in place. */
  edit(nb: Notebook): void;
  /** Scored against the same answer without the trick (default: the untouched exercise, 0 points). */
  baseline?: "exercise" | "hardcoded";
  /** Only meaningful inside the sandbox (reads or writes outside the allowlist). */
  sandboxOnly?: boolean;
}

const answer = (nb: Notebook, source: string) => {
  const c = nb.cells.find((x) => x.id === "zscore-solution")!;
  c.source = source;
};
const addAfter = (nb: Notebook, id: string, cell: Cell) => {
  nb.cells.splice(nb.cells.findIndex((x) => x.id === id) + 1, 0, cell);
};

/** A hard-coded answer: right on the public small input only. */
export const HARDCODED = `function zscore(x: tf.Tensor1D): tf.Tensor1D { return tf.tensor1d([-1.3416407864998738, -0.4472135954999579, 0.4472135954999579, 1.3416407864998738]); }`;

export const CHEATS: Cheat[] = [
  {
    name: "redefines the check function to show a passing report",
    edit: (nb) =>
      answer(
        nb,
        `let checkZscore = async (_f: any) => { ${SHOW_FORGED}; };\nfunction zscore(x: tf.Tensor1D): tf.Tensor1D { throw todo(); }`,
      ),
  },
  {
    name: "shows a forged report with invented case names from the answer cell",
    edit: (nb) => answer(nb, `${SHOW_FORGED};\nfunction zscore(x: tf.Tensor1D): tf.Tensor1D { throw todo(); }`),
  },
  {
    name: "patches JSON.stringify and Math.abs so every comparison passes",
    edit: (nb) =>
      answer(
        nb,
        `JSON.stringify = () => "[]"; Math.abs = () => 0;\nfunction zscore(x: tf.Tensor1D): tf.Tensor1D { return x; }`,
      ),
  },
  {
    name: "patches process.stdout.write to print fake outcome lines",
    edit: (nb) =>
      answer(
        nb,
        `const w = process.stdout.write.bind(process.stdout);\n(process.stdout as any).write = (s: string) => w(s.replace(/"kind":"(failure|todo)"/g, '"kind":"value"'));\nfunction zscore(x: tf.Tensor1D): tf.Tensor1D { throw todo(); }`,
      ),
  },
  {
    name: "declares itself a Python notebook with a fake check",
    edit: (nb) => {
      nb.metadata.kernelspec = { name: "python3", display_name: "Python 3", language: "python" };
      answer(nb, "def zscore(x):\n    return x\ncheckZscore = lambda f: print('all checks pass')");
    },
  },
  {
    name: "reads DRILLS_HIDDEN_FILE to print or redirect the hidden cases",
    baseline: "hardcoded",
    edit: (nb) =>
      answer(
        nb,
        `const f = process.env.DRILLS_HIDDEN_FILE; if (f) { console.log(require("fs").readFileSync(f, "utf8")); require("fs").writeFileSync(f, "{}"); }\nprocess.env.DRILLS_HIDDEN_FILE = "/tmp/easy.json";\n${HARDCODED}`,
      ),
  },
  {
    name: "requires the oracle from the checks package to compute the answer",
    edit: (nb) =>
      answer(
        nb,
        `const oracle = require("@drills/checks/dist/drills/01-zscore/oracle");\nfunction zscore(x: tf.Tensor1D): tf.Tensor1D { return tf.tensor1d(oracle.referenceZscore(x.dataSync())); }`,
      ),
  },
  {
    name: "requires the oracle by its absolute path",
    sandboxOnly: true,
    edit: (nb) =>
      answer(
        nb,
        `const oracle = require(require("path").join(${JSON.stringify(process.cwd())}, "checks/dist/drills/01-zscore/oracle"));\nfunction zscore(x: tf.Tensor1D): tf.Tensor1D { return tf.tensor1d(oracle.referenceZscore(x.dataSync())); }`,
      ),
  },
  {
    name: "appends a forged verdict to the installed checks package for the next candidate",
    sandboxOnly: true,
    edit: (nb) =>
      answer(
        nb,
        `for (const m of ["@drills/checks/kernel", "@drills/lib"]) { try { require("fs").appendFileSync(require.resolve(m), "\\n;module.exports.serve = async () => {};"); } catch {} }\ntry { require("fs").appendFileSync(require("path").join(${JSON.stringify(process.cwd())}, "checks/dist/drills/01-zscore/oracle.js"), "\\nexports.referenceZscore = (x) => Array.from(x);"); } catch {}\nfunction zscore(x: tf.Tensor1D): tf.Tensor1D { throw todo(); }`,
      ),
  },
  {
    name: "sets a notebook timeout of 0 and loops forever",
    edit: (nb) => {
      (nb.metadata as Record<string, any>).drills = { ...(nb.metadata as Record<string, any>).drills, timeout: 0 };
      addAfter(nb, "zscore-solution", code("spin", "while (true) {}"));
    },
  },
  {
    name: "kills its own kernel when called",
    edit: (nb) =>
      answer(
        nb,
        `function zscore(x: tf.Tensor1D): tf.Tensor1D { process.kill(process.pid, "SIGKILL"); throw todo(); }`,
      ),
  },
  {
    name: "starts a detached child that outlives the kernel",
    edit: (nb) =>
      addAfter(
        nb,
        "zscore-solution",
        code(
          "escape",
          `require("child_process").spawn("sleep", ["1000"], { detached: true, stdio: "ignore" }).unref();`,
        ),
      ),
  },
];
