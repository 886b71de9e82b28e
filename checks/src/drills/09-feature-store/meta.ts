/**
 * Drill 09's facts: the registry's entry (no library behind it). The core is the written proposal plus the
 * point-in-time join (the mechanism that makes training match serving); drift statistics and schema validation are
 * stretch parts. The proposal's keyword rubric is a self-check: `graded: false`, never scored. Hints are per part.
 */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "09-feature-store",
  title: "Feature store consistency",
  level: "Expert",
  minutes: 20,
  parts: [
    {
      id: "answer",
      title: "Written proposal (keyword self-check, not scored)",
      check: "checkFeatureStoreAnswer",
      entry: "answer",
      graded: false,
      hints: [
        "Four headings: point-in-time correctness (as-of joins, event time vs ingestion time), backfills with versioned data, monitoring (drift, schema, freshness, fallback rate), and a playbook for a breaking change.",
        "Make it operable: give a freshness SLA per feature and the alert on it, say how online and offline stores stay consistent (one definition, materialisation lag measured), and what the model does when a feature is missing (default value — and who watches how often that happens).",
        "For the breaking change: versioned contract, dual write, a shadow comparison of old vs new features (and of the model's scores) before cut-over, severity levels, who gets notified, and how you roll back. Late data: watermarks, and a backfill that recomputes what it missed.",
      ],
      why: 'The self-check only found the words. Compare with the model answer (solution("09-feature-store", "answer")): would an on-call engineer know what to alert on, at what threshold, and who to tell?',
    },
    {
      id: "join",
      title: "Point-in-time join",
      check: "checkPointInTimeJoin",
      entry: "pointInTimeJoin",
      hints: [
        "For each label row: the latest feature row of the same entity whose time is at or before the label time (strictly before with allowExactMatches: false), and no older than the tolerance (inclusive). Labels without one keep nulls — a left join.",
        "polars' joinAsof with `by` does this, but it does not check that the inputs are sorted: sort both sides by their time column yourself, or the matches are silently wrong.",
        "polars has no allowExactMatches: shift the label time back by one tick (1 ms) for the join key, and drop that helper column afterwards. Validate the column names and that `by` has one dtype on both sides (ValueError naming the column).",
      ],
      why: "A backward as-of join per entity gives each training row exactly what serving could have seen at that moment, so offline metrics measure the model you will actually deploy — no feature from the label's future leaks in.",
    },
    {
      id: "drift",
      title: "Drift statistics",
      check: "checkDriftStats",
      entry: "{ psi: psi, ksStatistic: ksStatistic }",
      stretch: "★★",
      hints: [
        "PSI's bins are the reference sample's quantiles at 1/B … (B−1)/B (linear interpolation, numpy's default), outer bins open, right-closed (a, b]: each bin holds ~1/B of the reference. Not equal-width.",
        "PSI = Σ (c − r)·ln(c / r) over bins, with each share floored at ε = 1e-4 so an empty bin does not give ln 0.",
        "KS is the largest gap between the two empirical CDFs, evaluated at every value of either sample (after all copies of a tied value). Sort copies, never the caller's arrays.",
      ],
      why: "Quantile bins put the reference's mass evenly, so every bin's share is estimated from enough points; measuring the current sample on the reference's ruler is what makes PSI comparable from one day to the next.",
    },
    {
      id: "schema",
      title: "Schema validation",
      check: "checkValidateSchema",
      entry: "validateSchema",
      stretch: "★★",
      hints: [
        "Per contract column: missing → report and move on; dtype differs (DataType.equals) → report and move on; otherwise check the null rate and the range independently.",
        "Null rate = nulls / rows, and only a rate strictly above maxNullRate violates. Extra columns are fine.",
        "Range: skip nulls (in JS null < 10 is true), and count NaN as out of range (NaN compares false with every bound; polars does not count it as null).",
      ],
      why: "Reporting every violation as data, instead of throwing at the first, lets a pipeline decide severity per kind — block on a dtype change, warn on a null-rate creep.",
    },
  ],
};
