/**
 * A throwaway tenth drill, added through the registry alone (registerDrill + its folder), is picked up by every tool
 * that derives from the registry: the scoreboard's rows, the tamper guard's check names, hidden-file validation, the
 * report parser behind the runner and the gate's counts, and the grader's totals and verdicts — judged outside a
 * (here in-process) kernel through the same payload and outcome lines a grading kernel uses. Nothing lists drills
 * by hand.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { REGISTRY, registerDrill, type DrillMeta } from "@drills/checks/meta";
import { loadCalls, setDrillFolder, validateHidden } from "@drills/checks/grading";
import { callCaseFor, decodeRequest } from "./in-process";
import { summarise } from "../scoreboard/board";
import { checkFunctionNames } from "../grade/tamper";
import { judgeDrill, possiblePoints, type ExecResult, type KernelSession } from "../grade/verdicts";
import { collectChecks } from "../runner/checks";

const ID = `${String(REGISTRY.length + 1).padStart(2, "0")}-extra`;
const dir = path.resolve(__dirname, "..", "..", "..", "build", `extra-drill-${process.pid}`);
const checksDist = path.resolve(__dirname, "..", "..", "..", "checks", "dist");

const META: DrillMeta = {
  id: ID,
  title: "Extra",
  level: "Expert",
  minutes: 15,
  parts: [
    {
      id: "double",
      title: "Double",
      check: "checkDouble",
      entry: "double",
      hints: ["multiply by two"],
      why: "2x is x + x.",
    },
  ],
};

// The drill's folder, as tsc would emit it: a kernel half and a judge half.
const CALLS = `exports.calls = { twice: (impl, { x }) => ({ y: impl(x) }) };`;
const CHECKS = `
const { ok } = require(${JSON.stringify(path.join(checksDist, "assert"))});
const { calls } = require("./calls");
const judge = (x) => ({ y }) => ok(y === 2 * x, { what: "double(x) should be 2x", expected: String(2 * x), actual: String(y) });
const cases = [1, 2, 3].map((x) => ({ id: "x" + x, name: "doubles " + x, hint: "multiply by two", call: "twice", input: () => ({ x }), judge: judge(x) }));
exports.checks = { double: { id: ${JSON.stringify(ID)}, part: "double", title: "Double", calls, cases } };
exports.hidden = { big: { part: "double", what: "doubles a big number", hint: "still two", call: "twice", input: (s) => ({ x: Number(s.input.x) }), judge: ({ y }, { x }) => ok(y === 2 * x, { what: "double", expected: String(2 * x), actual: String(y) }) } };
`;

let unregister: () => void;
let unfolder: () => void;

test.before(() => {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "calls.js"), CALLS);
  fs.writeFileSync(path.join(dir, "checks.js"), CHECKS);
  unregister = registerDrill(META);
  unfolder = setDrillFolder(ID, dir);
});

test("the scoreboard lists it, in its section", () => {
  const rows = summarise([
    {
      v: 1,
      kind: "check",
      at: "2026-12-02T10:00:00Z",
      session: "s",
      mode: "interactive",
      drill: ID,
      title: "Double",
      part: "double",
      status: "pass",
      checks: [],
      elapsedMs: 60_000,
      minutes: 15,
      hints: 0,
      attempt: 1,
    },
  ]);
  const row = rows.find((r) => r.drill.id === ID)!;
  assert.ok(row, "a row for the extra drill");
  assert.is(row.status, "pass");
});

test("the tamper guard knows its check function; hidden specs for it validate", () => {
  assert.ok(checkFunctionNames().includes("checkDouble"));
  assert.equal(validateHidden({ version: 1, drills: { [ID]: [{ property: "big", input: { x: 1e6 } }] } }), []);
  assert.match(
    validateHidden({ version: 1, drills: { [ID]: [{ property: "nope", input: {} }] } }).join("\n"),
    /property should be one of big/,
  );
});

test("the runner's report parser and roll-up count its reports", () => {
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      {
        cell_type: "code" as const,
        id: "c",
        metadata: {},
        source: "",
        outputs: [
          {
            output_type: "display_data",
            metadata: {},
            data: {
              "application/vnd.drills.check+json": {
                v: 2,
                drill: ID,
                part: "double",
                title: "Double",
                status: "fail",
                checks: [
                  { id: "x1", name: "doubles 1", status: "pass", ms: 1 },
                  { id: "x2", name: "doubles 2", status: "fail", ms: 1 },
                ],
              },
            },
          },
        ],
      },
    ],
  };
  assert.equal(
    collectChecks(nb).map((d) => [d.drill, d.status, d.checks.length]),
    [[ID, "fail", 2]],
  );
});

test("the grader totals it from the registry and judges it outside the kernel", async () => {
  const hidden = { version: 1 as const, drills: { [ID]: [{ property: "big", input: { x: 21 }, points: 2 }] } };
  assert.equal(possiblePoints(ID, hidden), { core: 5, stretch: 0 });
  // A kernel whose `double` is wrong on odd numbers: the in-process kernel half runs it exactly as serve() would.
  const impl = (x: number) => (x % 2 ? 2 * x + 1 : 2 * x);
  const session: KernelSession = {
    async execute(code: string): Promise<ExecResult> {
      const { drill, payload } = decodeRequest(code);
      const lines = await callCaseFor(loadCalls(drill), impl, payload);
      return { status: "ok", stdout: lines.join("\n"), stderr: "", ms: 1 };
    },
    async restart() {},
  };
  const scores = await judgeDrill(session, ID, hidden, 1000);
  assert.equal(
    scores.map((s) => [s.id, s.status, s.earned]),
    [
      ["x1", "fail", 0],
      ["x2", "pass", 1],
      ["x3", "fail", 0],
      ["hidden-1", "fail", 0],
    ],
  );
});

test.after(() => {
  unfolder();
  unregister();
  fs.rmSync(dir, { recursive: true, force: true });
});

test.run();
