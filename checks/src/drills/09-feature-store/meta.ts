/** Drill 09's facts: the registry's entry (no library behind it). */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "09-feature-store",
  title: "Feature store consistency",
  level: "Expert",
  minutes: 20,
  parts: [
    {
      id: "answer",
      title: "Written answer",
      check: "checkFeatureStoreAnswer",
      entry: "answer",
      graded: false,
      hints: [
        "Written part: point-in-time correctness, backfills with versioned data, drift and schema monitoring, and a playbook for a breaking change (versioned contract, dual write, shadow comparison, cut-over, rollback).",
        "A point-in-time join is a backward as-of join per entity: for each label row, the latest feature row of the same entity at or before the label time, within the tolerance (inclusive). polars's joinAsof with by does not check sortedness: sort both sides by time yourself, and keep every label row.",
        "PSI: the bin edges come from the reference sample only (its quantiles, open outer edges, right-closed bins); floor each share at ε before the log. KS is the largest gap between the two empirical CDFs, evaluated at every point of either sample.",
      ],
    },
    {
      id: "join",
      title: "Point-in-time join",
      check: "checkPointInTimeJoin",
      entry: "pointInTimeJoin",
      hints: [],
    },
    {
      id: "drift",
      title: "Drift statistics",
      check: "checkDriftStats",
      entry: "{ psi: psi, ksStatistic: ksStatistic }",
      hints: [],
    },
    {
      id: "schema",
      title: "Schema validation",
      check: "checkValidateSchema",
      entry: "validateSchema",
      hints: [],
    },
  ],
};
