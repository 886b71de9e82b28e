/**
 * What each of drill 02's calls returns: the judges read these fields without testing them, so a reply of another
 * shape (in grading, anything the candidate's kernel sends) fails the case here, by itself.
 */
import {
  anything,
  either,
  fields,
  guardCase,
  guardProperty,
  listOf,
  orNull,
  recordOf,
  string,
  threw,
} from "../../reply";
import type { ReplyShapes } from "../../reply";

/** Where the input frame changed; `before` and `after` are only shown, never read into. */
const mutated = orNull(fields({ part: string }));
/**
 * One run (table.ts Ran): what it threw, or the returned frame's columns and dtype names. Cells are compared whole
 * with the oracle's, so any values pass here; a returned frame has no `threw` at all.
 */
const ran = either(
  fields({ threw, mutated }),
  fields({ mutated, columns: recordOf(listOf(anything)), dtypes: recordOf(string) }),
  (v) => (v as { threw?: unknown } | null)?.threw != null,
);
const many = () => fields({ results: listOf(ran) });

const SHAPES: ReplyShapes = {
  danfo: () => ran,
  "danfo-many": many,
  polars: () => ran,
  "polars-many": many,
  group: () => ran,
  "group-many": many,
};

export const guard = guardCase(SHAPES);
export const guardHidden = guardProperty(SHAPES);
