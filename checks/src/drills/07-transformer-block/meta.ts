/** Drill 07's facts: the registry's entry (no library behind it). */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "07-transformer-block",
  title: "Transformer block (pre-norm)",
  level: "Expert",
  minutes: 20,
  parts: [
    {
      id: "block",
      title: "Pre-norm transformer block",
      check: "checkTransformerBlock",
      entry: "TransformerBlock",
      hints: [
        "Pre-norm order: h = norm1(x); x = x + attention(h); x = x + ffn(norm2(x)). LayerNorm normalises over the last axis with the biased variance and eps 1e-5.",
        "in_proj_weight stacks W_q, W_k, W_v as a [3·d, d] matrix: split it into three along axis 0 and project with x·Wᵀ + b. Heads split the last axis, (batch, seq, nHead, headDim), then move the head axis before seq.",
        "Scores are Q·Kᵀ / √headDim, softmax over the key axis, dropout on those weights only in training, then weights·V; merge the heads back and apply out_proj. The FFN's GELU is the exact erf form, not the tanh approximation.",
      ],
    },
  ],
};
