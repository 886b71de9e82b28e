/**
 * What each of drill 03's calls returns, from the input sent: the judges read these fields without testing them,
 * so a reply of another shape (in grading, anything the candidate's kernel sends) fails the case here, by itself.
 */
import type { ReplyShapes } from "../../reply";
import * as r from "../../reply";

/** Windows as read back from a tensor: any shape (judging it names the cause), but one its values fill exactly. */
const matrix = r.where(
  r.fields({ values: r.float32(), shape: r.numbers() }),
  "shape's product is values.length",
  (m) => {
    const dims = m.shape as number[];
    if (!dims.every((d) => Number.isInteger(d) && d >= 0)) return `shape has ${dims.length} entries, not all counts`;
    const size = dims.reduce((a, b) => a * b, 1);
    return size === m.values.length ? undefined : `shape holds ${size} values but values has ${m.values.length}`;
  },
);
const layout = r.fields({ type: r.string, length: r.number, sameBuffer: r.boolean, byteOffset: r.number });
const probe = r.fields({ j: r.number, i: r.number, seen: r.boolean });
/** The stretch's rows (copies) with what the kernel saw of each: one layout per row. */
const views = r.where(
  r.fields({
    rows: r.listOf(r.float64()),
    layout: r.listOf(layout),
    xByteOffset: r.number,
    probes: r.listOf(probe),
    xAfter: r.float64(),
  }),
  "one layout per row",
  (v) => (v.layout.length === v.rows.length ? undefined : `${v.layout.length} layouts for ${v.rows.length} rows`),
);
type Many = { cases: unknown[] };

const SHAPES: ReplyShapes = {
  matrix: () => matrix,
  matrices: ({ cases }: Many) => r.listOf(matrix, cases.length),
  reads: () => r.fields({ reads: r.recordOf(r.number) }),
  hygiene: () => r.fields({ leaked: r.number, disposed: r.boolean, after: r.orNull(r.float32()) }),
  rejects: () => r.fields({ threw: r.threw }),
  views: () => views,
  viewsMany: ({ cases }: Many) => r.listOf(views, cases.length),
  viewsRejects: () => r.fields({ threw: r.threw }),
};

export const guard = r.guardCase(SHAPES);
export const guardHidden = r.guardProperty(SHAPES);
