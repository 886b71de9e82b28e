/** The tamper guard finds edited, deleted, duplicated and added check cells, and restores the originals. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Cell, Notebook } from "../runner/notebook";
import { sourceOf } from "../runner/notebook";
import { checkFunctionNames, contentHash, guard } from "./tamper";
import { code } from "./cheats";

const md = (id: string, source: string): Cell => ({ id, cell_type: "markdown", source, metadata: {} });
const nb = (cells: Cell[]): Notebook => ({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells });

const ORIGINAL = nb([
  md("intro", "# 01"),
  code("setup", 'import { checkZscore } from "@drills/checks";', ["setup"]),
  code("zscore-solution", "function zscore(x) {\n  throw todo();\n}", ["solution"]),
  code("zscore-check", "await checkZscore(zscore);", ["check"]),
  md("more", "## Test yourself"),
  code("extra-check", "await checkZscore(zscore); // second check", ["check"]),
]);

const answered = () => {
  const c = structuredClone(ORIGINAL.cells);
  c[2] = code("zscore-solution", "function zscore(x) { return x; }", ["solution"]);
  return c;
};
const ids = (n: Notebook) => n.cells.map((c) => c.id);

test("an untouched notebook has no findings and keeps the candidate's answer", () => {
  const { notebook, findings } = guard(nb(answered()), ORIGINAL);
  assert.equal(findings, []);
  assert.equal(ids(notebook), ids(ORIGINAL));
  assert.is(sourceOf(notebook.cells[2]), "function zscore(x) { return x; }");
});

test("whitespace and line endings are not edits", () => {
  assert.is(contentHash("await checkZscore(zscore);\r\n"), contentHash("await checkZscore(zscore);   "));
  assert.is.not(contentHash("await checkZscore(zscore);"), contentHash("await checkZscore(reference);"));
});

test("edited: flagged, and graded with the original source and no stale outputs", () => {
  const cells = answered();
  cells[3] = {
    ...code("zscore-check", "// await checkZscore(zscore);", ["check"]),
    outputs: [{ output_type: "stream", name: "stdout", text: "✔ fake" }],
  };
  const { notebook, findings } = guard(nb(cells), ORIGINAL);
  assert.equal(
    findings.map((f) => [f.kind, f.cellId]),
    [["edited", "zscore-check"]],
  );
  assert.is(sourceOf(notebook.cells[3]), "await checkZscore(zscore);");
  assert.equal(notebook.cells[3].outputs, []);
});

test("deleted: flagged and restored in its original place", () => {
  const cells = answered().filter((c) => c.id !== "zscore-check" && c.id !== "extra-check");
  const { notebook, findings } = guard(nb(cells), ORIGINAL);
  assert.equal(
    findings.map((f) => [f.kind, f.cellId]),
    [
      ["deleted", "zscore-check"],
      ["deleted", "extra-check"],
    ],
  );
  assert.equal(ids(notebook), ids(ORIGINAL));
});

test("duplicated: a copy with a new id, or a second cell with the same id, is removed", () => {
  const cells = answered();
  cells.splice(
    4,
    0,
    code("copy-1", "await checkZscore(zscore);\n", ["check"]),
    code("zscore-check", "await checkZscore(zscore);", ["check"]),
  );
  const { notebook, findings } = guard(nb(cells), ORIGINAL);
  assert.equal(
    findings.map((f) => [f.kind, f.cellId]),
    [
      ["duplicated", "zscore-check"],
      ["duplicated", "zscore-check"],
    ],
  );
  assert.equal(ids(notebook), ids(ORIGINAL));
});

test("added: any other cell that calls a check (e.g. on a reference answer) is removed", () => {
  const cells = answered();
  cells.push(code("sneaky", "const ref = (x) => x;\nawait checkZscore(ref);"));
  cells.push(code("harmless", "zscore(tf.tensor1d([1, 2]));"));
  cells.push(code("own-helper", "class Block { forward(x) { this.checkInput(x); } checkInput(x) {} }"));
  const { notebook, findings } = guard(nb(cells), ORIGINAL);
  assert.equal(
    findings.map((f) => [f.kind, f.cellId]),
    [["added", "sneaky"]],
  );
  assert.equal(
    ids(notebook),
    [...ids(ORIGINAL), "harmless", "own-helper"],
    "a helper of the candidate's own named check… is not a check call",
  );
});

test("the check functions are the ones @drills/checks exports", () => {
  const names = checkFunctionNames();
  for (const n of ["checkZscore", "checkSlidingWindows", "checkBinaryAuc"])
    assert.ok(names.includes(n), `${n} in ${names.join(", ")}`);
  assert.not.ok(names.includes("checkInput"));
});

test("a notebook without cell ids (nbformat 4.4) is matched by content", () => {
  const cells = answered().map((c) => ({ ...c, id: undefined }));
  const { notebook, findings } = guard(nb(cells), ORIGINAL);
  assert.equal(findings, []);
  assert.equal(ids(notebook).filter(Boolean), ["zscore-check", "extra-check"]);
});

test("a check cell turned into markdown counts as edited", () => {
  const cells = answered();
  cells[3] = md("zscore-check", "await checkZscore(zscore);");
  const { notebook, findings } = guard(nb(cells), ORIGINAL);
  assert.equal(
    findings.map((f) => f.kind),
    ["edited"],
  );
  assert.is(notebook.cells[3].cell_type, "code");
});

test("a check cell of an earlier released exercise is not an edit; any other change still is", () => {
  const older = "await checkZscore(zscore); // as released in an earlier version";
  const cells = answered();
  cells[3] = code("zscore-check", older, ["check"]);
  const released = { "zscore-check": [contentHash("await checkZscore(zscore);"), contentHash(older)] };
  assert.equal(guard(nb(cells), ORIGINAL, undefined, released).findings, []);
  cells[3] = code("zscore-check", "// await checkZscore(zscore);", ["check"]);
  assert.equal(
    guard(nb(cells), ORIGINAL, undefined, released).findings.map((f) => f.kind),
    ["edited"],
  );
});

test("the released-hash file holds every current exercise's check cells", async () => {
  const { readReleased, unreleased } = await import("./released");
  const fs = await import("node:fs");
  const path = await import("node:path");
  const dir = path.resolve(__dirname, "..", "..", "..", "notebooks", "exercises");
  const released = readReleased();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".ipynb"))) {
    const exercise = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
    assert.equal(unreleased(released, exercise.metadata.drills.id, exercise), [], `${f}: run npm run exercises`);
  }
});

test.run();
