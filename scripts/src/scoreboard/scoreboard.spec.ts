/** The scoreboard: best status, best interactive first pass, hints and attempts per drill; text, HTML and CLI. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CheckRecord, HintRecord, ProgressRecord } from "@drills/checks";
import { summarise } from "./board";
import { boardText } from "./text";
import { boardHtml } from "./html";
import { scoreboard } from "./cli";

const MIN = 60_000;
let clock = 0;
const at = () => new Date(Date.UTC(2026, 0, 1) + clock++ * 1000).toISOString();

function check(
  drill: string,
  status: CheckRecord["status"],
  elapsedMs: number,
  o: Partial<CheckRecord> = {},
): CheckRecord {
  return {
    v: 1,
    kind: "check",
    at: at(),
    session: "s1",
    mode: "interactive",
    drill,
    title: drill,
    status,
    checks: [],
    elapsedMs,
    minutes: 10,
    hints: 0,
    attempt: 1,
    ...o,
  };
}
const hintRec = (drill: string, hint: number): HintRecord => ({
  v: 1,
  kind: "hint",
  at: at(),
  session: "s1",
  mode: "interactive",
  drill,
  hint,
  elapsedMs: 0,
});

const LOG: ProgressRecord[] = [
  check("01-zscore", "todo", 1 * MIN),
  hintRec("01-zscore", 1),
  check("01-zscore", "fail", 4 * MIN, { hints: 1 }),
  check("01-zscore", "pass", 7 * MIN + 5000, { hints: 1 }),
  check("01-zscore", "pass", 9 * MIN, { hints: 1 }),
  check("01-zscore", "fail", 2 * MIN, { session: "s2" }), // a later regression does not undo the pass
  check("01-zscore", "pass", 1000, { session: "s3", mode: "headless" }), // a runner's time is never the best time
  check("04-binary-auc", "pass", 17 * MIN, { minutes: 15 }),
  check("05-logreg", "fail", 3 * MIN),
  hintRec("05-logreg", 1),
  hintRec("05-logreg", 2),
  check("03-sliding-windows", "pass", 1000, { mode: "headless" }),
];

test("summarise: best status, best interactive first pass, hints, attempts", () => {
  const rows = Object.fromEntries(summarise(LOG).map((r) => [r.drill.id, r]));
  assert.equal(
    [
      rows["01-zscore"].status,
      rows["01-zscore"].bestMs,
      rows["01-zscore"].withinBox,
      rows["01-zscore"].hints,
      rows["01-zscore"].attempts,
    ],
    ["pass", 7 * MIN + 5000, true, 1, 6],
  );
  assert.equal([rows["04-binary-auc"].bestMs, rows["04-binary-auc"].withinBox], [17 * MIN, false]);
  assert.equal([rows["05-logreg"].status, rows["05-logreg"].hints, rows["05-logreg"].bestMs], ["fail", 2, undefined]);
  assert.equal([rows["03-sliding-windows"].status, rows["03-sliding-windows"].bestMs], ["pass", undefined]);
  assert.equal([rows["09-feature-store"].status, rows["09-feature-store"].attempts], ["not started", 0]);
});

test("a drill with several checks passes when all have passed, timed at the last one's first pass", () => {
  const two = (title: string, status: CheckRecord["status"], ms: number, session = "a") =>
    check("02-impute-median", status, ms, { title, session });
  const row = (log: ProgressRecord[]) => summarise(log).find((r) => r.drill.id === "02-impute-median")!;
  assert.is(row([two("danfo", "pass", 3 * MIN), two("polars", "todo", 3 * MIN)]).status, "todo");
  assert.is(row([two("danfo", "pass", 3 * MIN), two("polars", "fail", 3 * MIN)]).status, "fail");
  const done = row([
    two("danfo", "pass", 3 * MIN),
    two("polars", "fail", 5 * MIN),
    two("polars", "pass", 9 * MIN),
    two("danfo", "pass", 10 * MIN),
    two("danfo", "pass", 1 * MIN, "b"),
  ]);
  // Session b passed only one of the two checks, so it has no time; session a completed at 9 minutes.
  assert.equal([done.status, done.bestMs, done.withinBox, done.attempts], ["pass", 9 * MIN, true, 3]);
});

test("text: sections in order, one line per drill with status, best time, box, stretch, hints, answers seen, attempts", () => {
  const text = boardText(summarise(LOG), "log.jsonl");
  const lines = text.split("\n");
  assert.is(lines[0], "Drills scoreboard — 3 of 9 passed, 1 within the time box, 3 hints used");
  assert.ok(lines.indexOf("Easy") < lines.indexOf("Medium") && lines.indexOf("Medium") < lines.indexOf("Expert"));
  const row = (id: string) => lines.find((l) => l.includes(id))!.split(/\s{2,}/);
  assert.equal(row("01-zscore"), ["✔ 01-zscore", "Z-score", "pass", "7 min 05 s", "10 min", "—", "1", "0", "6"]);
  assert.equal(row("04-binary-auc"), [
    "✔ 04-binary-auc",
    "Custom AUC",
    "pass",
    "17 min 00 s (over)",
    "15 min",
    "—",
    "0",
    "0",
    "1",
  ]);
  assert.equal(row("05-logreg").slice(2), ["fail", "—", "20 min", "0/1", "2", "0", "1"]);
  assert.equal(row("09-feature-store").slice(2), ["not started", "—", "20 min", "0/2", "0", "0", "0"]);
  assert.not.match(text, /No progress yet/);
  assert.match(boardText(summarise([])), /No progress yet: open notebooks\/exercises\/01-zscore\.ipynb/);
});

test("core and stretch apart: a stretch pass counts beside the drill, not in its status; a reveal is counted once per part", () => {
  const at = "2026-12-02T10:00:00.000Z";
  const base = {
    v: 1 as const,
    at,
    session: "s",
    mode: "interactive" as const,
    drill: "02-impute-median",
    elapsedMs: 60_000,
  };
  const rows = summarise([
    {
      ...base,
      kind: "check",
      title: "grouped",
      part: "group",
      status: "pass",
      checks: [],
      minutes: 15,
      hints: 0,
      attempt: 1,
    },
    {
      ...base,
      kind: "check",
      title: "danfo",
      part: "danfo",
      status: "fail",
      checks: [],
      minutes: 15,
      hints: 0,
      attempt: 1,
    },
    { ...base, kind: "reveal", part: "danfo" },
    { ...base, kind: "reveal", part: "danfo" },
    { ...base, kind: "reveal", part: "followup-1" },
  ]);
  const row = rows.find((r) => r.drill.id === "02-impute-median")!;
  assert.equal([row.status, row.stretch, row.reveals], ["fail", { passed: 1, total: 1 }, 2]);
});

test("html: a chart as inline SVG and one row per drill", async () => {
  const html = await boardHtml(summarise(LOG), new Date(0));
  assert.match(html, /<svg[^>]*class="marks"/);
  assert.match(html, /Best time to first pass vs time box/);
  assert.is((html.match(/<tr data-drill=/g) ?? []).length, 9);
  assert.match(html, /<tr data-drill="01-zscore" data-status="pass">/);
  // Three sections, in order.
  assert.ok(
    html.indexOf("<h2>Easy</h2>") < html.indexOf("<h2>Medium</h2>") &&
      html.indexOf("<h2>Medium</h2>") < html.indexOf("<h2>Expert</h2>"),
  );
});

test("cli: reads --log, writes --html, rejects unknown options", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drills-board-"));
  try {
    const log = path.join(dir, "p.jsonl");
    fs.writeFileSync(log, LOG.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const out: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(`stderr: ${s}`) };
    const code = await scoreboard(["--log", log, "--html", path.join(dir, "r", "board.html")], io);
    assert.is(code, 0);
    assert.match(out[0], /^Drills scoreboard — 3 of 9 passed/);
    assert.ok(fs.readFileSync(path.join(dir, "r", "board.html"), "utf8").includes("<svg"));
    const bad = { out: [] as string[], err: [] as string[] };
    const badIo = { stdout: (s: string) => bad.out.push(s), stderr: (s: string) => bad.err.push(s) };
    assert.is(await scoreboard(["--nope"], badIo), 2);
    assert.equal(bad.out, [], "errors go to stderr, not stdout");
    assert.match(bad.err[0], /^scoreboard: unknown option: --nope\nRun with --help/);
    // A log path that does not exist is a typo, not an empty board.
    assert.is(await scoreboard(["--log", path.join(dir, "missing.jsonl")], badIo), 2);
    assert.match(bad.err[1], `no such progress log: ${path.join(dir, "missing.jsonl")}`);
    assert.is(await scoreboard(["stray"], badIo), 2);
    assert.match(bad.err[2], "unexpected argument: stray");
    assert.equal(bad.out, []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("cli: --run fails (exit 1) when a notebook could not run, after printing the board", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drills-board-"));
  try {
    const log = path.join(dir, "p.jsonl");
    fs.writeFileSync(log, LOG.map((r) => JSON.stringify(r)).join("\n") + "\n");
    // Not JSON: the runner fails it without starting a kernel, as npm start would meet a corrupted exercise.
    const broken = path.join(__dirname, "..", "..", "test-notebooks", "faults", "not-json.ipynb");
    const out: string[] = [];
    const err: string[] = [];
    const code = await scoreboard(["--log", log, `--run=${broken}`], {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
    });
    assert.is(code, 1);
    assert.match(out[0], /^Drills scoreboard — 3 of 9 passed/);
    assert.match(err.join("\n"), "some notebooks could not run");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
