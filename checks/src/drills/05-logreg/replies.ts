/**
 * What each of drill 05's calls returns: the judges read these fields without testing them, so a reply of another
 * shape (in grading, anything the candidate's kernel sends) fails the case here, by itself.
 */
import {
  either,
  fields,
  float32,
  guardCase,
  guardProperty,
  listOf,
  number,
  numbers,
  orNull,
  string,
  threw,
} from "../../reply";
import type { ReplyShapes } from "../../reply";

/** Values read back from a tensor; a plain array is judged just as well, so it is not a malformed reply. */
const values = either(float32(), numbers(), ArrayBuffer.isView);
const tensorNames = listOf(string);

const SHAPES: ReplyShapes = {
  sigmoid: () => fields({ values }),
  proba: () => fields({ values }),
  "sigmoid-kernels": () => fields({ kernels: listOf(string) }),
  losses: () => fields({ values }),
  "loss-problems": () => fields({ values: listOf(values) }),
  fit: () => fields({ w: values }),
  "fit-twice": () => fields({ first: values, second: orNull(values), disposed: tensorNames, yAfter: orNull(values) }),
  "fit-leaks": () => fields({ leaked: number }),
  hygiene: () => fields({ runs: listOf(fields({ label: string, leaked: number, disposed: tensorNames })) }),
  rejects: () => fields({ threw }),
};

export const guard = guardCase(SHAPES);
export const guardHidden = guardProperty(SHAPES);
