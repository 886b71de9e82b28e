/**
 * Issue 13's fixes to drill 02, each pinned: the fixture case claims no more than pandas does (fillna(median) gives
 * 34.5 on the int column; the drill's rule gives 34), and the notebook's prose names the types its code uses.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { danfoCheck, polarsCheck } from "./checks";
import { fixture } from "./oracle";
import { modelAnswer } from "../../experience/reveal";

const NOTEBOOKS = path.resolve(__dirname, "../../../../notebooks");

test("the fixture's int column: pandas's median 34.5, the drill's fill 34, and no case says it is fillna's", () => {
  const basic = fixture().frames[0];
  assert.is(basic.median.age, 34.5);
  assert.is(basic.fill.age, 34);
  for (const check of [danfoCheck, polarsCheck]) {
    const names = check.cases.map((c) => c.name);
    assert.equal(
      names.filter((n) => /fillna/.test(n)),
      [],
      "a case name claims pandas's fillna",
    );
    assert.ok(names.some((n) => /rounded half to even/.test(n)));
  }
});

for (const kind of ["solutions", "exercises"]) {
  test(`${kind}/02: the prose names D.DataFrame, as the code's signature does`, () => {
    const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, kind, "02-impute-median.ipynb"), "utf8"));
    const text = (id: string) => [].concat(nb.cells.find((c: { id: string }) => c.id === id).source).join("");
    assert.not.match(text("intro"), /dfd\.DataFrame\)?:|df: dfd\./);
    assert.match(text("intro"), /imputeWithMedian\(df: D\.DataFrame, cols: string\[\]\): D\.DataFrame/);
    assert.match(
      text("danfo-solution"),
      /function imputeWithMedian\(df: D\.DataFrame, cols: string\[\]\): D\.DataFrame/,
    );
    for (const id of ["danfo-solution", "polars-solution", "group-solution"]) assert.match(text(id), /✏️ your answer/);
  });
}

test("solution() reveals each part's own model answer, the stretch's included", () => {
  const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, "solutions", "02-impute-median.ipynb"), "utf8"));
  assert.match(modelAnswer(nb, "danfo", false)!, /function imputeWithMedian\(/);
  assert.not.match(modelAnswer(nb, "danfo", false)!, /imputeWithMedianPl|imputeWithGroupMedian/);
  assert.match(modelAnswer(nb, "polars", false)!, /function imputeWithMedianPl\(/);
  assert.match(modelAnswer(nb, "group", false)!, /function imputeWithGroupMedian\([\s\S]*over\(by\)/);
  assert.match(modelAnswer(nb, "followup-6", false)!, /34\.5/);
});

test.run();
