/**
 * Drill 09's rubric: what a staff ML engineer expects in "minimise training/serving skew". Keyword alternatives are
 * broad on purpose; it is a self-assessment aid (rubric.ts), not a grade.
 */
import type { RubricPoint } from "../rubric/cases";

export const featureStoreRubric: RubricPoint[] = [
  {
    label: "point-in-time correct (as-of) joins for training data",
    anyOf: [/point[- ]in[- ]time/, /as[- ]?of join/, /merge_asof/],
    why: "a training row may only see feature values that existed at its label time.",
  },
  {
    label: "feature freshness, TTL or availability time",
    anyOf: [/\bttl\b/, /fresh/, /stale/, /availab/, /max(imum)? age/],
    why: "a value computed at 02:00 was not there at 01:00, and a week-old value may be worse than none.",
  },
  {
    label: "one feature definition shared by training and serving",
    anyOf: [
      /(one|single|same|shared) (feature )?(definition|code|transformation|logic)/,
      /define once/,
      /no re-?implementation/,
    ],
    why: "two implementations of one feature drift apart: that is skew by construction.",
  },
  {
    label: "logging served features for training",
    anyOf: [/log(ged|s)? (the )?(served|serving)/, /feature logging/, /log[- ]and[- ]wait/],
    why: "training on what was actually served removes skew for the next model.",
  },
  {
    label: "backfills",
    anyOf: [/backfill/],
    why: "new features need history, computed with the same code as production.",
  },
  {
    label: "data and feature versioning / snapshots",
    anyOf: [/version/, /snapshot/, /time[- ]travel/, /immutable/],
    why: "a model must be reproducible from the exact data it trained on.",
  },
  {
    label: "schema contracts (columns, dtypes)",
    anyOf: [/schema/, /contract/, /dtype/],
    why: "most breaking changes are structural and cheap to catch at ingestion.",
  },
  {
    label: "null-rate and value-range checks",
    anyOf: [/null[- ]rate/, /missing[- ]rate/, /\brange/],
    why: "a silent unit change or an upstream outage shows up as nulls and out-of-range values first.",
  },
  {
    label: "a drift statistic (PSI, KS, …)",
    anyOf: [/\bpsi\b/, /population stability/, /\bks\b/, /kolmogorov/, /wasserstein/, /jensen/, /chi[- ]?(square|²|2)/],
    why: "'the distribution moved' needs a number and a threshold to alert on.",
  },
  {
    label: "measuring training–serving skew directly",
    anyOf: [/skew/],
    why: "recompute served rows offline and compare value by value: drift is not the same as skew.",
  },
  {
    label: "alerting and ownership",
    anyOf: [/alert/, /on[- ]?call/, /\bowner/, /\bpage\b/],
    why: "a check nobody is paged for is a dashboard.",
  },
  {
    label: "containment: fallback or rollback",
    anyOf: [/fall ?back/, /roll ?back/, /last good/, /default value/],
    why: "serving must keep working while the fix is built.",
  },
  {
    label: "the fix as a new feature version side by side",
    anyOf: [/dual[- ]write/, /side[- ]by[- ]side/, /\bv2\b/, /new (feature )?version/, /shadow/],
    why: "changing a feature in place breaks every model trained on the old meaning.",
  },
  {
    label: "online/offline store consistency and materialisation lag",
    anyOf: [/materiali[sz]/, /online\/offline/, /online and offline (store|value)/, /consistency check/],
    why: "the online store is a copy: measure how late and how different it is from the offline truth.",
  },
  {
    label: "monitoring the fallback/default rate",
    anyOf: [/(fallback|default)[- ]rate/, /how often .{0,40}default/],
    why: "a missing feature silently replaced by a default looks like drift to the model, and nobody sees it.",
  },
  {
    label: "freshness SLAs with alerts",
    anyOf: [/\bsla\b/, /slo\b/],
    why: "'fresh enough' needs a number per feature and an alert when it is broken.",
  },
  {
    label: "a shadow comparison before cut-over",
    anyOf: [/shadow/],
    why: "compare old and new values (and the model's scores) on live traffic before anyone depends on the new one.",
  },
  {
    label: "late data and watermarks",
    anyOf: [/watermark/, /late[- ](arriving|data|events)/, /allowed lateness/],
    why: "an event-time window must decide when it is complete; late events need a correction path.",
  },
  {
    label: "severity levels and notifying consumers",
    anyOf: [/sev(erity|\d)/, /notify/, /consumers/],
    why: "downstream owners must hear about a break from you, with its impact, before they find it themselves.",
  },
  {
    label: "deprecation through lineage",
    anyOf: [/deprecat/, /lineage/],
    why: "you can only retire v1 when you know nothing reads it.",
  },
];
