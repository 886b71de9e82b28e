/**
 * What a person must see, as assertions over the cells the page rendered, checked against the .ipynb on disk.
 * Kept apart from the browser so that expectations.spec.ts can prove each one rejects a broken page.
 */
import * as assert from "uvu/assert";
import type { CellView } from "./notebook-page";
import { tagged, type NotebookInfo, type WrongAnswer } from "./notebooks";

export const FAILURE_LABELS = ["Input:", "Expected:", "Actual:", "Hint:"];

/** The page shows every cell of the file, no cell shows an error, and every non-empty code cell ran. */
export function assertRanClean(nb: NotebookInfo, cells: CellView[]): void {
  assert.is(
    cells.length,
    nb.cells.length,
    `${nb.rel}: the page shows ${cells.length} cells, the file has ${nb.cells.length}`,
  );
  const errors = cells.flatMap((c, i) => c.errors.map((e) => `cell ${i} (${nb.cells[i]?.id}): ${e.slice(0, 600)}`));
  assert.equal(errors, [], `${nb.rel}: cells show errors:\n${errors.join("\n")}`);
  const unrun = nb.cells
    .filter((c) => c.type === "code" && c.source.trim() !== "")
    .filter((c) => !Number.isInteger(cells[c.index].executionCount))
    .map((c) => c.id ?? String(c.index));
  assert.equal(unrun, [], `${nb.rel}: code cells without an execution count: ${unrun.join(", ")}`);
  const last = nb.cells.filter((c) => c.type === "code").at(-1);
  assert.ok(last && Number.isInteger(cells[last.index].executionCount), `${nb.rel}: the last code cell did not run`);
}

/** Each check cell rendered at least one report, and every report and every listed case has `status`. */
export function assertChecks(nb: NotebookInfo, cells: CellView[], status: "pass" | "todo"): void {
  const checks = tagged(nb, "check");
  assert.ok(checks.length > 0, `${nb.rel}: no cell is tagged check`);
  for (const c of checks) {
    const reports = cells[c.index].reports;
    assert.ok(reports.length > 0, `${nb.rel}: check cell ${c.id} rendered no drills report`);
    for (const r of reports) {
      const off = r.cases.filter((k) => k.status !== status);
      assert.ok(
        r.status === status && off.length === 0,
        `${nb.rel}: check cell ${c.id} shows ${r.status}${off.length ? ` with ${off.length} case(s) not ${status}` : ""}, expected ${status}:\n${r.text}`,
      );
    }
  }
}

/** The check cell after the edited solution cell failed the named case, showing input, expected, actual, hint. */
export function assertRejected(nb: NotebookInfo, wrong: WrongAnswer, solution: CellView, check: CellView): void {
  assert.equal(solution.errors, [], `${nb.rel}: the typed answer does not compile`);
  assert.ok(Number.isInteger(solution.executionCount), `${nb.rel}: the edited cell did not run`);
  // Without DRILLS_STRICT a failing check renders its report; it must not also throw.
  assert.equal(check.errors, [], `${nb.rel}: the check cell shows an error besides its report`);
  const [report] = check.reports;
  assert.is(report?.status, "fail", `${nb.rel}: the check should fail:\n${report?.text}`);
  const failed = report.cases.find((k) => k.text.includes(wrong.failingCase));
  assert.is(failed?.status, "fail", `${nb.rel}: case "${wrong.failingCase}" should fail:\n${report.text}`);
  for (const label of FAILURE_LABELS) {
    assert.ok(failed!.text.includes(label), `${nb.rel}: the failure does not show "${label}":\n${failed!.text}`);
  }
  assert.match(report.text, wrong.recognised, `${nb.rel}: the report does not name the mistake`);
}
