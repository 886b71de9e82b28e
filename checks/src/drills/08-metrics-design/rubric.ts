/**
 * Drill 08's rubric: what a staff ML engineer expects in "offline metrics, online metrics and guardrails, canary".
 * Keyword alternatives are deliberately broad (synonyms, abbreviations): the check should miss a point only when
 * the answer never touches it. It is a self-assessment aid (rubric.ts), not a grade.
 */
import type { RubricPoint } from "../rubric/cases";

export const metricsRubric: RubricPoint[] = [
  {
    label: "a ranking metric with a position discount (NDCG, MAP, MRR)",
    anyOf: [/ndcg/, /\bmap@?\b/, /mean average precision/, /\bmrr\b/, /reciprocal rank/, /position[- ]discount/],
    why: "users see the top of the list: the offline metric must weigh position.",
  },
  {
    label: "calibration of the scores",
    anyOf: [/calibrat/, /log[- ]?loss/, /brier/, /reliability (curve|diagram)/],
    why: "scores feed thresholds, blending and auctions: their scale matters, not only their order.",
  },
  {
    label: "coverage or diversity beyond accuracy",
    anyOf: [/coverage/, /diversit/, /popularity bias/, /long[- ]tail/, /catalog(ue)? share/],
    why: "a model can win NDCG by recommending only best-sellers.",
  },
  {
    label: "a leakage-free, time-based offline evaluation",
    anyOf: [/time[- ]based/, /temporal(ly)? split/, /out[- ]of[- ]time/, /leak/, /split by time/],
    why: "a random split lets the model see the future of the users it is tested on.",
  },
  {
    label: "the offline–online gap (logged-data bias, offline metrics are proxies)",
    anyOf: [
      /offline[\s–—-]+(to[\s-]+)?online/,
      /proxy/,
      /counterfactual/,
      /off[- ]?policy/,
      /(position|exposure|selection) bias/,
      /\bips\b/,
    ],
    why: "logged data only shows what the old model chose to show; offline wins do not always transfer.",
  },
  {
    label: "a primary online metric (OEC / north star)",
    anyOf: [/primary (online )?metric/, /north[- ]star/, /\boec\b/, /overall evaluation criterion/],
    why: "one pre-registered decision metric keeps the A/B readout honest.",
  },
  {
    label: "a latency guardrail",
    anyOf: [/latency/, /\bp9[59]\b/],
    why: "a better model that is slower can lose more than it wins.",
  },
  {
    label: "an error-rate guardrail",
    anyOf: [/error[- ]rate/, /\b5xx\b/, /crash/, /timeouts?/],
    why: "failures and fallbacks must not rise while the metric looks fine.",
  },
  {
    label: "sample-ratio mismatch (SRM) check",
    anyOf: [/sample[- ]ratio/, /\bsrm\b/],
    why: "a broken split invalidates every other number in the readout.",
  },
  {
    label: "power / sample size / MDE planned up front",
    anyOf: [/\bpower\b/, /sample size/, /\bmde\b/, /minimum detectable/],
    why: "without it, 'no significant difference' means nothing.",
  },
  {
    label: "canary stages with traffic ramps",
    anyOf: [/ramp/, /\bstages?\b/, /\d+\s?%\s*(→|->|,|to)\s*\d+\s?%/],
    why: "exposure should grow only as evidence accumulates.",
  },
  {
    label: "explicit rollback criteria",
    anyOf: [/roll[- ]?back/, /kill[- ]switch/],
    why: "decide before launch what makes you pull the canary, and automate it.",
  },
  {
    label: "numeric guardrail thresholds",
    anyOf: [/[+−-]\s?\d+(\.\d+)?\s?(ms|pp|%)/],
    why: "a guardrail without a number fixed in advance is argued about after the fact.",
  },
  {
    label: "bake time per stage",
    anyOf: [/bake/, /soak/, /dwell/, /\bfor \d+\s?(h|hours?|days?)\b/],
    why: "each stage must live through a daily cycle and enough traffic before the next.",
  },
  {
    label: "automated rollback and how fast",
    anyOf: [/automat\w* roll ?back/, /auto[- ]?roll ?back/, /roll ?back .{0,60}(minutes?|seconds?)/],
    why: "at 3 a.m. a human is the slowest part of the rollback.",
  },
  {
    label: "why the canary gates on operational metrics and the A/B test decides the business metric",
    anyOf: [/operational/, /canary .{0,80}(too small|underpowered|cannot detect|can't detect)/],
    why: "1% of traffic can see a latency spike in minutes but not a 1% conversion change.",
  },
  {
    label: "slicing by segment and platform",
    anyOf: [/segment/, /platform/, /\bslic/, /\bios\b|android/],
    why: "an average can hide a loss on one platform or for new users.",
  },
  {
    label: "interference or feedback loops",
    anyOf: [/interference/, /spill ?over/, /feedback loop/, /network effect/, /sutva/],
    why: "treated and control users share inventory, and a recommender trains on the traffic it shaped.",
  },
  {
    label: "sequential testing or the peeking problem",
    anyOf: [/sequential/, /peek/, /always[- ]valid/, /alpha[- ]spending/, /msprt/, /o'?brien/],
    why: "checking a canary every hour with a fixed-horizon test inflates false alarms.",
  },
  {
    label: "novelty effects or long-term holdouts",
    anyOf: [/novelty effect/, /primacy/, /long[- ]term/, /holdout/, /holdback/],
    why: "a two-week lift can fade; some effects only show up over months.",
  },
];
