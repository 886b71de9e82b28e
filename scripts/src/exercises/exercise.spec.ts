/** The exercise builder strips every solution region, refuses bad markers, and never overwrites a person's edits. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { toExercise, leakedLines } from "./exercise";
import { type Notebook, type Cell, sourceOf } from "./ipynb";
import { stamp, isEdited } from "./fingerprint";
import { MarkerError } from "./regions";

const code = (id: string, source: string, tags: string[] = []): Cell => ({
  id,
  cell_type: "code",
  source,
  metadata: { tags },
  outputs: [{ output_type: "stream", name: "stdout", text: "old" }],
  execution_count: 3,
});
const md = (id: string, source: string): Cell => ({ id, cell_type: "markdown", source, metadata: {} });
const nb = (...cells: Cell[]): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { drills: { id: "99-x" } },
  cells,
});

const SOLUTION =
  "function f(x: number): number {\n  // BEGIN SOLUTION\n  const secretAnswerLine = x * 2 + 1;\n  return secretAnswerLine;\n  // END SOLUTION\n}";

test("a solution region becomes the stub at the marker's indent; the rest is kept", () => {
  const { notebook, removed } = toExercise(nb(code("a", SOLUTION, ["solution"])), "sol.ipynb");
  const cell = notebook.cells[1];
  assert.is(sourceOf(cell), "function f(x: number): number {\n  throw todo();\n}");
  assert.equal(removed, ["  const secretAnswerLine = x * 2 + 1;", "  return secretAnswerLine;"]);
});

test("outputs, counts and timing are cleared; ids and tags kept; header first", () => {
  const c = code("a", SOLUTION, ["solution"]);
  c.metadata.execution = { "shell.execute_reply": "t" };
  const { notebook } = toExercise(nb(c, code("chk", "await check(f);", ["check"])), "notebooks/solutions/99-x.ipynb");
  assert.is(notebook.cells[0].id, "generated-header");
  assert.match(sourceOf(notebook.cells[0]), "Generated from `notebooks/solutions/99-x.ipynb`");
  assert.match(sourceOf(notebook.cells[0]), "do not edit");
  for (const cell of notebook.cells.slice(1)) {
    assert.equal(cell.outputs, []);
    assert.is(cell.execution_count, null);
    assert.not.ok("execution" in cell.metadata);
  }
  assert.equal(
    notebook.cells.map((c) => c.id),
    ["generated-header", "a", "chk"],
  );
  assert.equal(notebook.cells[2].metadata.tags, ["check"]);
  assert.is((notebook.metadata.drills as { generated_from: string }).generated_from, "notebooks/solutions/99-x.ipynb");
});

test("model answers in markdown become a placeholder", () => {
  const { notebook, removed } = toExercise(
    nb(md("q", "1. Why?\n<!-- BEGIN ANSWER -->\nBecause of cancellation.\n<!-- END ANSWER -->\n2. Next")),
    "s.ipynb",
  );
  assert.is(sourceOf(notebook.cells[1]), "1. Why?\n_Your answer here._\n2. Next");
  assert.equal(removed, ["Because of cancellation."]);
});

const bad: [string, string, RegExp][] = [
  ["unclosed", "// BEGIN SOLUTION\nx", /line 1: BEGIN is never closed/],
  [
    "nested",
    "// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n// END SOLUTION",
    /line 2: BEGIN inside the region opened at line 1/,
  ],
  ["stray end", "x\n// END SOLUTION", /line 2: END without a BEGIN/],
];
for (const [name, source, message] of bad) {
  test(`marker error: ${name} names the file, cell and line`, () => {
    assert.throws(
      () => toExercise(nb(code("c1", source, ["solution"])), "sol.ipynb"),
      (e: Error) =>
        e instanceof MarkerError && /sol\.ipynb: cell 1 \(id c1\)/.test(e.message) && message.test(e.message),
    );
  });
}

test("markers in a cell not tagged solution are refused", () => {
  assert.throws(() => toExercise(nb(code("c1", SOLUTION)), "s.ipynb"), /not tagged "solution"/);
});

test("leak detection finds substantial solution lines that survive", () => {
  assert.equal(leakedLines("const secretAnswerLine = x * 2 + 1;", ["  const secretAnswerLine = x * 2 + 1;", "}"]), [
    "const secretAnswerLine = x * 2 + 1;",
  ]);
  assert.equal(leakedLines("throw todo();", ["  const secretAnswerLine = x * 2 + 1;"]), []);
});

test("fingerprint: a generated exercise is not edited; changing a cell's source makes it edited; outputs do not", () => {
  const ex = stamp(toExercise(nb(code("a", SOLUTION, ["solution"])), "s.ipynb").notebook);
  assert.not.ok(isEdited(ex));
  const ran = {
    ...ex,
    cells: ex.cells.map((c) =>
      c.cell_type === "code" ? { ...c, outputs: [{ output_type: "stream" }], execution_count: 1 } : c,
    ),
  };
  assert.not.ok(isEdited(ran));
  const typed = {
    ...ex,
    cells: ex.cells.map((c) => (c.id === "a" ? { ...c, source: "function f(x: number) { return x; }" } : c)),
  };
  assert.ok(isEdited(typed));
});

test.run();
