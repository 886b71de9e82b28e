/** The registry is authoritative: every solution notebook that exists agrees with it (id, level, time box, check cells). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { REGISTRY as CATALOGUE, LEVELS, findDrill, registerDrill, checkFunctions } from "./registry";

const SOLUTIONS = path.resolve(__dirname, "../../notebooks/solutions");

test("ids numbered in order from 01, sections in order, time boxes of 10–20 minutes", () => {
  assert.ok(CATALOGUE.length >= 1);
  CATALOGUE.forEach((d, i) => {
    assert.match(d.id, new RegExp(`^${String(i + 1).padStart(2, "0")}-[a-z0-9-]+$`));
    assert.ok(d.minutes >= 10 && d.minutes <= 20, `${d.id}: ${d.minutes} minutes`);
  });
  const order = CATALOGUE.map((d) => LEVELS.indexOf(d.level));
  assert.equal(
    order,
    [...order].sort((a, b) => a - b),
    "Easy drills come before Medium, Medium before Expert",
  );
});

test("parts: unique ids and check names, a graded core part first in every drill", () => {
  const names = checkFunctions().map((c) => c.name);
  assert.equal(names.length, new Set(names).size, `check names repeat: ${names.join(", ")}`);
  for (const d of CATALOGUE) {
    const ids = d.parts.map((p) => p.id);
    assert.equal(ids.length, new Set(ids).size, `${d.id}: part ids repeat`);
    assert.ok(
      d.parts.some((p) => p.graded !== false && !p.stretch),
      `${d.id}: no graded core part`,
    );
    for (const p of d.parts) assert.match(p.check, /^check[A-Z]\w*$/);
  }
});

test("a tenth drill registers at the end and is found; a bad id or a duplicate is refused", () => {
  const remove = registerDrill({
    id: `${String(CATALOGUE.length + 1).padStart(2, "0")}-extra`,
    title: "Extra",
    level: "Expert",
    minutes: 15,
    parts: [{ id: "x", title: "X", check: "checkExtra", entry: "x", hints: ["h"] }],
  });
  try {
    assert.is(findDrill("extra")?.title, "Extra");
    assert.ok(checkFunctions().some((c) => c.name === "checkExtra"));
    assert.throws(() => registerDrill({ ...CATALOGUE[0] }), /already registered/);
    assert.throws(() => registerDrill({ ...CATALOGUE[0], id: "ten" }), /should look like "10-name"/);
  } finally {
    remove();
  }
  assert.is(findDrill("extra"), undefined);
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
    assert.equal(meta && { id: meta.id, level: meta.level, minutes: meta.minutes }, {
      id: entry.id,
      level: entry.level,
      minutes: entry.minutes,
    });
    const intro = []
      .concat(nb.cells.find((c: { cell_type: string }) => c.cell_type === "markdown")?.source ?? [])
      .join("");
    assert.ok(
      intro.includes(`${entry.minutes} minutes`),
      `${file}: the intro should state the time box, "${entry.minutes} minutes"`,
    );
    assert.ok(intro.includes(entry.level), `${file}: the intro should state the level, "${entry.level}"`);
  });
}

test.run();
