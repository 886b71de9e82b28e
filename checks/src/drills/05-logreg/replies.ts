/**
 * What each of drill 05's calls returns: the judges read these fields without testing them, so a reply of another
 * shape (in grading, anything the candidate's kernel sends) fails the case here, by itself.
 */
import * as r from "../../reply";
import type { ReplyShapes } from "../../reply";

/** Values read back from a tensor; a plain array is judged just as well, so it is not a malformed reply. */
const values = r.either(r.float32(), r.numbers(), ArrayBuffer.isView);
/** Names: of tensors disposed, of tf kernels run. */
const names = r.listOf(r.string);

const SHAPES: ReplyShapes = {
  sigmoid: () => r.fields({ values }),
  proba: () => r.fields({ values }),
  "sigmoid-kernels": () => r.fields({ kernels: names }),
  losses: () => r.fields({ values }),
  "loss-problems": () => r.fields({ values: r.listOf(values) }),
  fit: () => r.fields({ w: values }),
  "fit-twice": () => r.fields({ first: values, second: r.orNull(values), disposed: names, yAfter: r.orNull(values) }),
  "fit-leaks": () => r.fields({ leaked: r.number }),
  hygiene: () => r.fields({ runs: r.listOf(r.fields({ label: r.string, leaked: r.number, disposed: names })) }),
  rejects: () => r.fields({ threw: r.threw }),
};

export const guard = r.guardCase(SHAPES);
export const guardHidden = r.guardProperty(SHAPES);
