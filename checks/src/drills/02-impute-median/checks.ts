/**
 * Drill 02 — median imputation with danfojs and nodejs-polars (the core), and per group (the ★★ stretch). One check
 * per part; every case is split: a call in calls.ts runs the candidate's imputer on a plain frame in the kernel, the
 * judge here compares the plain columns and dtypes it returns with the oracle. Every judge runs behind replies.ts,
 * so a reply of another shape fails by itself rather than crash it.
 *
 * Points: every case weighs 1. Measured in the kernel (a snapshot of the input frame before and after): only
 * "no-mutation", one case of 11 in each core part and one of 8 in the stretch — a minority, as the grader requires.
 */
import type { Check } from "../../drill";
import { calls, type GroupImpute, type ImputeDanfo, type ImputePolars } from "./calls";
import { groupCases } from "./cases-group";
import { plainCases } from "./cases-plain";
import { hidden as properties } from "./hidden";
import { guard, guardHidden } from "./replies";
import { DANFO_DTYPE, POLARS_DTYPE } from "./table";

const ID = "02-impute-median";

export const danfoCheck: Check<ImputeDanfo> = {
  id: ID,
  part: "danfo",
  title: "Median imputer (danfojs)",
  calls,
  cases: plainCases("danfo", DANFO_DTYPE).map(guard),
};
export const polarsCheck: Check<ImputePolars> = {
  id: ID,
  part: "polars",
  title: "Median imputer (nodejs-polars)",
  calls,
  cases: plainCases("polars", POLARS_DTYPE).map(guard),
};
export const groupCheck: Check<GroupImpute> = {
  id: ID,
  part: "group",
  title: "Group median imputer (nodejs-polars) ★★",
  calls,
  cases: groupCases.map(guard),
};

export const checks = { danfo: danfoCheck, polars: polarsCheck, group: groupCheck };
/** The hidden properties, each judging only data of the right shape. */
export const hidden = Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, guardHidden(p)]));
