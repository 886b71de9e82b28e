import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { NotebookError } from "./errors";
import { Notebook, formatNotebook, normalize, readNotebook, writeNotebook } from "./notebook";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "notebook-spec-"));
const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
};
const code = (source: string, id?: string) => ({
  cell_type: "code" as const,
  source,
  metadata: {},
  ...(id === undefined ? {} : { id }),
});

test("normalize gives every cell a unique valid id and bumps nbformat_minor to 5", () => {
  const notebook: Notebook = {
    nbformat: 4,
    nbformat_minor: 2,
    metadata: {},
    cells: [code("a"), code("b", "keep-me"), code("c", "keep-me"), code("d", "bad id!"), code("e", "x".repeat(65))],
  };
  normalize(notebook);
  const ids = notebook.cells.map((c) => c.id!);
  assert.is(notebook.nbformat_minor, 5);
  assert.is(ids[1], "keep-me");
  assert.is(new Set(ids).size, ids.length, "unique");
  for (const id of ids) assert.ok(/^[a-zA-Z0-9-_]+$/.test(id) && id.length <= 64, id);
  assert.equal(notebook.cells[0].outputs, []);
  assert.is(notebook.cells[0].execution_count, null);
});

test("formatNotebook writes as nbformat does: sorted keys at every depth, one-space indent, trailing newline", () => {
  const nb = {
    nbformat: 4,
    metadata: { z: 1, a: { y: 2, b: 3 } },
    cells: [{ source: ["x"], cell_type: "code", id: "c1", outputs: [], metadata: {}, execution_count: null }],
    nbformat_minor: 5,
  };
  const text = formatNotebook(nb);
  assert.ok(text.endsWith("}\n") && !text.endsWith("\n\n"));
  assert.equal(text.split("\n")[1], ' "cells": [');
  const keys = (o: object) => Object.keys(o);
  const back = JSON.parse(text);
  assert.equal(keys(back), ["cells", "metadata", "nbformat", "nbformat_minor"]);
  assert.equal(keys(back.metadata), ["a", "z"]);
  assert.equal(keys(back.metadata.a), ["b", "y"]);
  assert.equal(keys(back.cells[0]), ["cell_type", "execution_count", "id", "metadata", "outputs", "source"]);
  // Saving again changes nothing: the format is a fixed point.
  assert.is(formatNotebook(back), text);
});

test("the committed notebooks are stored exactly as the writer writes them (a save in Jupyter changes nothing)", () => {
  const root = path.resolve(__dirname, "..", "..", "..", "notebooks");
  for (const dir of ["solutions", "exercises"]) {
    for (const f of fs.readdirSync(path.join(root, dir)).filter((n) => n.endsWith(".ipynb"))) {
      const file = path.join(root, dir, f);
      const text = fs.readFileSync(file, "utf8");
      assert.is(
        formatNotebook(JSON.parse(text)) === text,
        true,
        `${dir}/${f} is not in Jupyter's layout: run it through formatNotebook`,
      );
    }
  }
});

test("readNotebook names the file when the JSON is invalid", () => {
  const file = write("broken.ipynb", "{ nope");
  try {
    readNotebook(file);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, NotebookError);
    assert.is((error as NotebookError).kind, "invalid-notebook");
    assert.match((error as Error).message, file);
    assert.match((error as Error).message, "not valid JSON");
  }
});

test("readNotebook refuses structurally wrong notebooks with the reason", () => {
  const cases: Array<[string, string]> = [
    [JSON.stringify({ nbformat: 3, cells: [] }), "nbformat is 3"],
    [JSON.stringify({ nbformat: 4 }), "cells is not a list"],
    [JSON.stringify({ nbformat: 4, cells: [{ cell_type: "code" }] }), "cell 1 has no string source"],
    [JSON.stringify({ nbformat: 4, cells: [{ cell_type: "weird", source: "" }] }), "cell 1 has cell_type"],
    ["[]", "top level is not an object"],
  ];
  for (const [textValue, reason] of cases) {
    const file = write("bad.ipynb", textValue);
    assert.throws(
      () => readNotebook(file),
      (e: Error) => e.message.includes(reason) && e.message.includes(file),
    );
  }
  assert.throws(() => readNotebook(path.join(tmp, "missing.ipynb")), /cannot read notebook/);
});

test("writeNotebook replaces the file atomically and leaves no temp file", () => {
  const file = path.join(tmp, "out", "deep", "nb.ipynb");
  const notebook = normalize({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [code("1")] });
  writeNotebook(file, notebook);
  writeNotebook(file, notebook);
  assert.equal(JSON.parse(fs.readFileSync(file, "utf8")), notebook);
  assert.equal(fs.readdirSync(path.dirname(file)), ["nb.ipynb"]);
});

test("a failed write keeps the previous file intact and cleans up", () => {
  const file = path.join(tmp, "keep.ipynb");
  fs.writeFileSync(file, "previous");
  const circular: any = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] };
  circular.metadata.self = circular;
  assert.throws(() => writeNotebook(file, circular));
  assert.is(fs.readFileSync(file, "utf8"), "previous");
  assert.equal(
    fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp")),
    [],
  );
});

test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
test.run();
