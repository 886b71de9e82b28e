/** The catalogue is authoritative: every solution notebook that exists agrees with it (id, level, time box). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { CATALOGUE, LEVELS, findDrill } from "./catalogue";

const SOLUTIONS = path.resolve(__dirname, "../../notebooks/solutions");

test("nine drills, ids numbered in order, sections in order, time boxes of 10–20 minutes", () => {
  assert.is(CATALOGUE.length, 9);
  CATALOGUE.forEach((d, i) => {
    assert.match(d.id, new RegExp(`^0${i + 1}-[a-z-]+$`));
    assert.ok(d.minutes >= 10 && d.minutes <= 20, `${d.id}: ${d.minutes} minutes`);
  });
  const order = CATALOGUE.map((d) => LEVELS.indexOf(d.level));
  assert.equal(order, [...order].sort((a, b) => a - b), "Easy drills come before Medium, Medium before Expert");
});

test("findDrill accepts the id, the bare name and the number", () => {
  assert.is(findDrill("01-zscore")?.id, "01-zscore");
  assert.is(findDrill("binary-auc")?.id, "04-binary-auc");
  assert.is(findDrill("7")?.id, "07-transformer-block");
  assert.is(findDrill(9)?.id, "09-feature-store");
  assert.is(findDrill("nope"), undefined);
  assert.is(findDrill("10"), undefined);
});

const notebooks = fs.existsSync(SOLUTIONS) ? fs.readdirSync(SOLUTIONS).filter((f) => f.endsWith(".ipynb")) : [];

test("at least the pattern drill's notebook exists", () => {
  assert.ok(notebooks.includes("01-zscore.ipynb"), `found: ${notebooks.join(", ")}`);
});

for (const file of notebooks) {
  test(`${file}: metadata.drills and the intro agree with the catalogue`, () => {
    const nb = JSON.parse(fs.readFileSync(path.join(SOLUTIONS, file), "utf8"));
    const stem = file.replace(/\.ipynb$/, "");
    const entry = CATALOGUE.find((d) => d.id === stem);
    assert.ok(entry, `${file} is not a drill of the catalogue`);
    const meta = nb.metadata?.drills;
    assert.equal(meta && { id: meta.id, level: meta.level, minutes: meta.minutes }, { id: entry.id, level: entry.level, minutes: entry.minutes });
    const intro = [].concat(nb.cells.find((c: { cell_type: string }) => c.cell_type === "markdown")?.source ?? []).join("");
    assert.ok(intro.includes(`${entry.minutes} minutes`), `${file}: the intro should state the time box, "${entry.minutes} minutes"`);
    assert.ok(intro.includes(entry.level), `${file}: the intro should state the level, "${entry.level}"`);
  });
}

test.run();
