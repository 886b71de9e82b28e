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
    "Go column by column over cols: check the column exists and is numeric before computing anything. A missing column, a non-numeric one, or one with no values at all is a ValueError naming that column.",
    "Never touch the input: danfojs's copy() and non-inplace fillNa share and mutate the underlying data. Build the output from fresh arrays; in polars, expressions already return a new frame.",
    "Decide (and write down) the dtype rule for an integer column whose median is fractional, e.g. 2.5, and apply it on purpose: a cast that silently truncates is the bug the check looks for. In polars, fillNull(median) promotes Int64 to Float64 and .cast truncates.",
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
    "exp(1000) is Infinity in float32. A stable sigmoid only ever exponentiates a non-positive number: for z ≥ 0 use 1 / (1 + e^−z), for z < 0 use e^z / (1 + e^z).",
    "The loss is the mean binary cross-entropy plus (λ / 2)·‖w‖². Keep log away from 0 (clip p, or use the log-sigmoid form). Its gradient is Xᵀ(p − y) / n plus λ·w — forgetting λ·w is the classic bug.",
    "Gradient descent: w ← w − lr · gradient, up to `epochs` steps. After each step compare the loss with the previous one and stop once it improved by less than tol. Dispose the previous w (or work inside tf.tidy) so nothing leaks.",
  ],
  "06-mlp": [
    "Mirror PyTorch's layout: nn.Linear stores its weight as [out, in] and computes x·Wᵀ + b. In the state dict net.0 is the first Linear and net.3 the second (net.1 = ReLU and net.2 = Dropout have no weights).",
    "Dropout only in training mode, scaled by 1 / (1 − p) so eval needs no rescaling. tfjs has no global seed: derive a fresh seed per step from the one set by setSeed, for dropout and for shuffling, so runs repeat exactly.",
    "Use BCE with logits, max(z, 0) − z·y + log(1 + e^−|z|): finite for logits ±1000, where sigmoid then log is not. A training step computes the loss inside optimizer.minimize; evaluate() runs forward in eval mode and never calls minimize.",
  ],
  "07-transformer-block": [
    "Pre-norm order: h = norm1(x); x = x + attention(h); x = x + ffn(norm2(x)). LayerNorm normalises over the last axis with the biased variance and eps 1e-5.",
    "in_proj_weight stacks W_q, W_k, W_v as a [3·d, d] matrix: split it into three along axis 0 and project with x·Wᵀ + b. Heads split the last axis, (batch, seq, nHead, headDim), then move the head axis before seq.",
    "Scores are Q·Kᵀ / √headDim, softmax over the key axis, dropout on those weights only in training, then weights·V; merge the heads back and apply out_proj. The FFN's GELU is the exact erf form, not the tanh approximation.",
  ],
  "08-metrics-design": [
    "Written part, three layers: offline (a ranking metric with a position discount, calibration, coverage or diversity, and why offline can disagree with online), online (one primary metric and its guardrails), rollout (stages and rollback triggers).",
    "precision@k divides by k; recall@k divides by the number of relevant items; NDCG divides DCG by the DCG of the ideal ordering of the same gains, with a log2(rank + 1) discount.",
    "The two-proportion z-test pools the rate under the null hypothesis for its standard error, and the p-value is two-sided. A canary rule compares each guardrail's interval with its limit: rollback when it is clearly bad, promote only when every one is clearly fine, hold otherwise.",
  ],
  "09-feature-store": [
    "Written part: point-in-time correctness, backfills with versioned data, drift and schema monitoring, and a playbook for a breaking change (versioned contract, dual write, shadow comparison, cut-over, rollback).",
    "A point-in-time join is a backward as-of join per entity: for each label row, the latest feature row of the same entity with feature time ≤ label time (within the tolerance, inclusive). Sort both sides by time first.",
    "PSI sums (cur% − ref%) · ln(cur% / ref%) over bins whose edges are the reference's quantiles, with open outer edges and a small epsilon for empty bins. KS is the largest gap between the two empirical CDFs over all sample points.",
  ],
};
