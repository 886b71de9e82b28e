/**
 * Progressive hints, three per drill: the first orients (what to compute, what to validate), the second names the
 * trap most candidates fall into, the third gives the shape of a solution in words. None is code to paste, and
 * none states an expected output.
 */
export const HINTS: Record<string, readonly string[]> = {
  "01-zscore": [
    "You need two numbers from x: its mean and its population standard deviation (divide by n, not n − 1). tf.moments returns both as tensors, no values read into JS.",
    "A constant vector has std 0, and 0 / 0 is NaN. Compute the division, then choose zeros wherever std is 0 (tf.where + tf.equal) instead of guarding in JS.",
    "Order of work: validate x (rank 1, size > 0, else ValueError naming x); then do all tensor ops inside tf.tidy so intermediates are freed; return the new tensor and never dispose or modify x.",
  ],
  "02-impute-median": [
    "Go column by column over cols: check the column exists, is numeric and has at least one present value before computing anything; otherwise throw ValueError naming that column. Missing means null, undefined or NaN in both libraries.",
    "Never touch the input: danfojs's copy() shares rows and its non-inplace fillNa writes into them. Build the output from fresh arrays. In polars, fillNull leaves NaN alone and median ranks NaN as the largest value: turn NaN into null first.",
    "Integer columns stay integer: a fractional median such as 2.5 is rounded half to even, never truncated — polars's fillNull(median) silently promotes Int64 to Float64 and .cast truncates. Compare the output's dtypes with the input's before you return.",
  ],
  "03-sliding-windows": [
    "Row i is x[i], …, x[i + k − 1], so there are n − k + 1 rows. Validate k first: an integer with 1 ≤ k ≤ n, otherwise ValueError naming k.",
    "A view shares x's memory, a copy does not: for typed arrays, subarray() returns a view and slice() copies. The check writes into x and looks for the change in your rows.",
    "If you build views by hand with new Float64Array(buffer, byteOffset, length), the offset is in bytes and is relative to the buffer, not to x: add x.byteOffset, because x may itself be a view.",
  ],
  "04-binary-auc": [
    "Validate before anything else: equal lengths, non-empty, labels only 0 or 1, both classes present, finite scores — each a ValueError naming the argument. Then sort by score, highest first.",
    "Ties: every sample that shares a score crosses the threshold together. Emit one ROC point per distinct score, not per sample, so a tie draws a diagonal segment instead of a staircase that depends on the sort order.",
    "Walk the distinct thresholds accumulating true and false positives; fpr = FP / negatives, tpr = TP / positives, starting from (0, 0). The AUC is the trapezoid sum of Δfpr × (tpr + previous tpr) / 2.",
  ],
  "05-logreg": [
    "exp(1000) is Infinity in float32. A stable sigmoid only ever exponentiates a non-positive number: for z ≥ 0 use 1 / (1 + e^−z), for z < 0 use e^z / (1 + e^z); tf.where picks the branch per element.",
    "Compute the loss from the logits z = X·w, never as log of a probability (log of 0 is −Infinity): both log σ(z) and log(1 − σ(z)) have stable forms built from max(·, 0) and log(1 + e^−|z|). Then add (λ / 2)·‖w‖².",
    "The gradient is Xᵀ(σ(Xw) − y) / n + λ·w — forgetting the λ·w term is the classic bug. Step, recompute the loss, and stop after the first epoch that improved it by less than tol. Dispose the previous w (or work inside tf.tidy) so nothing leaks.",
  ],
  "06-mlp": [
    "Mirror PyTorch's layout: nn.Linear stores its weight as [out, in] and computes x·Wᵀ + b. In the state dict net.0 is the first Linear and net.3 the second (net.1 = ReLU and net.2 = Dropout have no weights).",
    "Dropout only in training mode, scaled by 1 / (1 − p) so eval needs no rescaling. tfjs has no global seed: derive a fresh seed per step from the one set by setSeed, for dropout and for shuffling, so runs repeat exactly.",
    "Use BCE with logits, max(z, 0) − z·y + log(1 + e^−|z|): finite for logits ±1000, where sigmoid then log is not. A training step computes the loss inside optimizer.minimize; evaluate() runs forward in eval mode and never calls minimize; neither disposes the loader's batches.",
  ],
  "07-transformer-block": [
    "Pre-norm order: h = norm1(x); x = x + attention(h); x = x + ffn(norm2(x)). LayerNorm normalises over the last axis with the biased variance and eps 1e-5.",
    "in_proj_weight stacks W_q, W_k, W_v as a [3·d, d] matrix: split it into three along axis 0 and project with x·Wᵀ + b. Heads split the last axis, (batch, seq, nHead, headDim), then move the head axis before seq.",
    "Scores are Q·Kᵀ / √headDim, softmax over the key axis, dropout on those weights only in training, then weights·V; merge the heads back and apply out_proj. The FFN's GELU is the exact erf form, not the tanh approximation.",
  ],
  "08-metrics-design": [
    "Written part, three layers: offline (a ranking metric with a position discount, calibration, coverage or diversity, and why offline can disagree with online), online (one primary metric and its guardrails, and a check for sample-ratio mismatch), rollout (stages, rollback criteria).",
    "precision@k divides by k, recall@k by the number of relevant items, NDCG by the DCG of the ideal ordering of the same gains. Ties: a tied group shares the positions it spans, so sort by score and work group by group rather than item by item.",
    "The z-test's standard error uses the pooled rate under the null hypothesis, and the p-value is two-sided. The canary rule compares each guardrail's whole interval with its allowed regression: entirely beyond it is a rollback, entirely within it for every guardrail is a promote, anything else is a hold.",
  ],
  "09-feature-store": [
    "Written part: point-in-time correctness, backfills with versioned data, drift and schema monitoring, and a playbook for a breaking change (versioned contract, dual write, shadow comparison, cut-over, rollback).",
    "A point-in-time join is a backward as-of join per entity: for each label row, the latest feature row of the same entity at or before the label time, within the tolerance (inclusive). polars's joinAsof with by does not check sortedness: sort both sides by time yourself, and keep every label row.",
    "PSI: the bin edges come from the reference sample only (its quantiles, open outer edges, right-closed bins); floor each share at ε before the log. KS is the largest gap between the two empirical CDFs, evaluated at every point of either sample.",
  ],
};
