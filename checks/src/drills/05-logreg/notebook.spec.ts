/** Drill 05's notebook: solution() reveals each part, the ✏️ lines survive into the exercise, the intro's worked example is right. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { modelAnswer } from "../../experience/reveal";
import { objective, sigmoid64 } from "./oracle";

const NOTEBOOKS = path.resolve(__dirname, "../../../../notebooks");
const read = (kind: string) => JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, kind, "05-logreg.ipynb"), "utf8"));
const text = (nb: { cells: { id: string; source: string[] }[] }, id: string) =>
  ([] as string[]).concat(nb.cells.find((c) => c.id === id)!.source).join("");

test("solution() reveals the core's four functions, and the stretch's fit with early stopping", () => {
  const nb = read("solutions");
  const core = modelAnswer(nb, "logreg", false)!;
  for (const fn of ["sigmoid", "predictProba", "loss", "fitLogreg"])
    assert.match(core, new RegExp(`function ${fn}\\(`));
  assert.match(modelAnswer(nb, "early-stop", false)!, /function fitLogreg\([\s\S]*previous - current < tol/);
});

test("every editable stub in the exercise shows the ✏️ line; the check cells carry no tslab comment", () => {
  const nb = read("exercises");
  for (const id of ["logreg-model-solution", "logreg-fit-solution"]) assert.match(text(nb, id), /✏️ your answer/);
  for (const id of ["logreg-check", "early-stop-check"]) assert.not.match(text(nb, id), /tslab|\/\//);
});

test("the worked example's numbers are the oracle's", () => {
  const intro = text(read("solutions"), "intro");
  const X = [
    [1, 2],
    [-1, 0.5],
    [0, 0],
    [3, -4],
  ];
  const w = [0.5, -0.25];
  const p = X.map((r) =>
    sigmoid64(r[0] * w[0] + r[1] * w[1])
      .toFixed(4)
      .replace(/0+$/, "")
      .replace(/\.$/, ""),
  );
  assert.ok(intro.includes(`[${p.join(", ")}]`), `predictProba ${p.join(", ")}`);
  assert.ok(
    intro.includes(objective(X, [1, 0, 1, 0], w, 0.5).toFixed(4)),
    `loss ${objective(X, [1, 0, 1, 0], w, 0.5)}`,
  );
});

test.run();
