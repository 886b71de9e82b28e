/** Reply shapes: a reply that fits reaches the judge; one that does not fails, naming the shape and where it broke. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { judgeOutcome, type Case } from "./drill";
import {
  anything,
  either,
  fields,
  float32,
  float64,
  guardCase,
  listOf,
  numbers,
  orNull,
  threw,
  tuple,
  where,
} from "./reply";

const SHAPES = {
  run: ({ n }: { n: number }) => fields({ losses: numbers(2), out: tuple([fields({ values: float32(n), threw })]) }),
};
let judged = 0;
const c = guardCase(SHAPES)({
  id: "c",
  name: "c",
  hint: "h",
  call: "run",
  input: () => ({ n: 3 }),
  judge: () => void judged++,
} as Case);
const judge = (value: unknown) => judgeOutcome(c, { n: 3 }, { kind: "value", value, ms: 0 });

test("a reply of the declared shape reaches the judge", async () => {
  const r = await judge({ losses: [1, NaN], out: [{ values: new Float32Array(3), threw: null }], extra: 1 });
  assert.is(r.status, "pass");
  assert.is(judged, 1);
});

test("any other reply fails by itself: the expected shape, and what came back where", async () => {
  const cases: [unknown, string][] = [
    [null, "null, not an object"],
    [{ losses: [1] }, "losses is an array of 1, not an array of 2"],
    [{ losses: [1, "2"] }, "losses[1] is a string, not a number"],
    [{ losses: [1, 2], out: [{ values: [1, 2, 3] }] }, "out[0].values is an array of 3, not Float32Array(3)"],
    [{ losses: [1, 2], out: [{ values: new Float32Array(3), threw: "E" }] }, "out[0].threw is a string, not null |"],
  ];
  for (const [value, actual] of cases) {
    const r = await judge(value);
    assert.is(r.status, "fail");
    assert.is(
      r.failure?.expected,
      "{ losses: number[2]; out: [{ values: Float32Array(3); threw: null | { name: string; message: string } }] }",
    );
    assert.ok(r.failure?.actual.startsWith(actual), r.failure?.actual);
  }
  assert.is(judged, 1, "the judge never saw a malformed reply");
});

test("a two-form reply is told by its form, and a miss names the chosen form's problem", () => {
  const ran = either(
    fields({ threw }),
    fields({ columns: listOf(anything), second: orNull(numbers()) }),
    (v) => (v as { threw?: unknown })?.threw != null,
  );
  assert.is(ran.problem({ threw: { name: "E", message: "m" } }), undefined);
  assert.is(ran.problem({ columns: [1, "a"], second: null }), undefined);
  assert.is(ran.problem({ threw: 1 }), "threw is a number, not null | { name: string; message: string }");
  assert.is(ran.problem({ columns: [], second: [1, "2"] }), "second[1] is a string, not a number");
  assert.is(ran.problem(7), "a number, not an object");
});

test("parts that must agree with each other: a miss says how, under the path", () => {
  const rows = where(fields({ rows: listOf(float64()), n: numbers(1) }), "one row per n", (v) =>
    v.rows.length === v.n[0] ? undefined : `${v.rows.length} rows for n = ${v.n[0]}`,
  );
  const list = listOf(rows);
  assert.is(list.problem([{ rows: [new Float64Array(2)], n: [1] }]), undefined);
  assert.is(
    list.problem([{ rows: [new Float32Array(2)], n: [1] }]),
    "[0].rows[0] is a Float32Array of 2, not Float64Array",
  );
  assert.is(list.problem([{ rows: [], n: [1] }]), "[0]: 0 rows for n = 1");
});

test.run();
