/** Hints come one at a time, say how many remain, are recorded, resume from the log, and never give the solution. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CATALOGUE, findDrill } from "../registry";
import { HintBook, hintMessage } from "./hints";

const zscoreDrill = findDrill("01-zscore")!;
const zscorePart = zscoreDrill.parts[0];
const HINTS: Record<string, readonly string[]> = Object.fromEntries(
  CATALOGUE.map((d) => [d.id, d.parts.flatMap((p) => p.hints)]),
);

test("every drill has hints, at most three per part, none of them code to paste", () => {
  for (const d of CATALOGUE) {
    const hs = HINTS[d.id];
    assert.ok(hs.length >= 2, `${d.id}: ${hs.length} hints`);
    for (const p of d.parts) assert.ok(p.hints.length <= 3, `${d.id}/${p.id}: ${p.hints.length} hints`);
    for (const h of hs) {
      assert.ok(h.length > 40, `${d.id}: a hint should say something: ${h}`);
      // A hint is prose: no statements, arrow functions or code blocks to copy.
      assert.not.match(h, /=>|;\s*$|```|\breturn\b.*;|function\s*\(/, `${d.id}: looks like code: ${h}`);
    }
  }
});

test("hints are revealed in order, each recorded, then the book is exhausted", () => {
  const recorded: [string, string, number][] = [];
  const book = new HintBook(
    () => 0,
    (d, p, i) => recorded.push([d, p, i]),
  );
  const shown = [1, 2, 3].map(() => book.next(zscoreDrill, zscorePart));
  assert.equal(
    shown.map((r) => [r.index, r.remaining]),
    [
      [1, 2],
      [2, 1],
      [3, 0],
    ],
  );
  assert.equal(
    shown.map((r) => r.texts[0]),
    [...zscorePart.hints],
  );
  assert.equal(recorded, [
    ["01-zscore", "zscore", 1],
    ["01-zscore", "zscore", 2],
    ["01-zscore", "zscore", 3],
  ]);
  const again = book.next(zscoreDrill, zscorePart);
  assert.is(again.index, 0);
  assert.is(again.texts.length, 3);
  assert.is(recorded.length, 3, "re-showing exhausted hints records nothing");
  assert.is(book.count("01-zscore"), 3);
});

test("the count resumes from the log (a kernel restart does not reset it), per drill", () => {
  const book = new HintBook(
    (d) => (d === "01-zscore" ? 2 : 0),
    () => {},
  );
  assert.is(book.next(zscoreDrill, zscorePart).index, 3);
  const auc = findDrill("04-binary-auc")!;
  assert.is(book.next(auc, auc.parts[0]).index, 1);
});

test("a revealed hint can be re-read; one not yet revealed cannot", () => {
  const book = new HintBook(
    () => 0,
    () => {},
  );
  book.next(zscoreDrill, zscorePart);
  assert.is(book.reread(zscoreDrill, zscorePart, 1), zscorePart.hints[0]);
  assert.is(book.reread(zscoreDrill, zscorePart, 2), undefined);
  assert.is(book.reread(zscoreDrill, zscorePart, 0), undefined);
});

test("messages say which hint, how many remain and how to get the next", () => {
  const book = new HintBook(
    () => 0,
    () => {},
  );
  const first = hintMessage(book.next(zscoreDrill, zscorePart));
  assert.match(first, /^💡 Hint 1 of 3 — 01 · Z-score\n/);
  assert.match(first, /2 more hints: run hint\("01-zscore"\) again\.\nRe-read one with hint\("01-zscore", 1\)\.$/);
  assert.match(hintMessage(book.next(zscoreDrill, zscorePart)), /1 more hint: run/);
  assert.match(hintMessage(book.next(zscoreDrill, zscorePart)), /That was the last hint\./);
  const done = hintMessage(book.next(zscoreDrill, zscorePart));
  assert.match(done, /^All 3 hints for 01 · Z-score are shown:\n1\. /);
  assert.match(done, /\n3\. [\s\S]*No more hints/);
});

test.run();
