/**
 * Every notebook the project writes is valid nbformat 4.5, checked with the vendored schema (no Python needed): the
 * committed notebooks, the exercises builder's output, and notebooks the runner executed (with a real kernel).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { build, SOLUTIONS } from "../exercises/cli";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { executeNotebook } from "../runner/execute";
import { fixture } from "../runner/testing/fixtures";
import { fileProblems, schemaProblems } from "./validate";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "drills-nbformat-"));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const minimal = () => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    {
      cell_type: "code",
      id: "a",
      metadata: {},
      source: "1",
      execution_count: 1,
      outputs: [{ output_type: "stream", name: "stdout", text: "1\n" }],
    },
  ],
});

function notebooksUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? notebooksUnder(p) : e.name.endsWith(".ipynb") ? [p] : [];
  });
}

test("the validator rejects what nbformat rejects, naming the place", () => {
  assert.equal(schemaProblems(minimal()), []);
  const noId = minimal();
  delete (noId.cells[0] as { id?: string }).id;
  assert.match(schemaProblems(noId).join("\n"), /\/cells\/0: .*"id"/);
  const badOutput = minimal();
  delete (badOutput.cells[0].outputs[0] as { name?: string }).name;
  assert.ok(schemaProblems(badOutput).length > 0, "a stream output without a name is invalid");
  const badId = minimal();
  badId.cells[0].id = "has space";
  assert.ok(
    schemaProblems(badId).some((p) => p.startsWith("/cells/0/id")),
    schemaProblems(badId).join("\n"),
  );
  assert.equal(schemaProblems({ ...minimal(), nbformat: 3 }).length > 0, true);
  fs.writeFileSync(path.join(tmp, "broken.ipynb"), "{ nope");
  assert.match(fileProblems(path.join(tmp, "broken.ipynb"))[0], "broken.ipynb: not JSON");
});

test("every committed notebook under notebooks/ and the runner's passing fixtures is valid", () => {
  const files = [...notebooksUnder(path.join(PROJECT_ROOT, "notebooks")), ...notebooksUnder(fixture("pass"))];
  assert.ok(files.length >= 20, `found ${files.length} notebooks`);
  assert.equal(files.flatMap(fileProblems), []);
});

test("the exercises builder writes valid notebooks", () => {
  const solutions = fs.readdirSync(SOLUTIONS).filter((f) => f.endsWith(".ipynb"));
  assert.ok(solutions.length > 0);
  for (const name of solutions)
    assert.equal(schemaProblems(JSON.parse(build(path.join(SOLUTIONS, name)).text)), [], name);
});

test("the runner writes valid notebooks: executed (streams, displays, updates, an error output) and placeholders", async () => {
  const executed = path.join(tmp, "basic.ipynb");
  const result = await executeNotebook(fixture("pass/basic.ipynb"), { outPath: executed, timeoutSeconds: 60 });
  assert.ok(result.passed, JSON.stringify(result.failures));
  assert.equal(fileProblems(executed), []);
  const nb = JSON.parse(fs.readFileSync(executed, "utf8"));
  assert.ok(
    nb.cells.some((c: { outputs?: { output_type: string }[] }) => c.outputs?.some((o) => o.output_type === "error")),
    "covers an error output",
  );
  // language_info comes from the kernel's kernel_info_reply, not from the input file (which names only the language).
  const info = nb.metadata.language_info;
  assert.equal([info.name, info.file_extension, info.mimetype], ["typescript", ".ts", "text/typescript"]);
  assert.match(info.version, /^\d+\.\d+/);
  // A file that is not JSON gets a placeholder notebook saying why: valid too.
  const placeholder = path.join(tmp, "not-json.ipynb");
  await executeNotebook(fixture("faults/not-json.ipynb"), { outPath: placeholder });
  assert.equal(fileProblems(placeholder), []);
});

test.run();
