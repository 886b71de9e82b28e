/**
 * Drill 07's facts: the registry's entry (no library behind it). The core is `forward` (11 points, 1 of them
 * measured inside the kernel: hygiene); masks, attention weights and the depth experiment are stretch parts.
 */
import type { DrillMeta } from "../../meta-types";

export const meta: DrillMeta = {
  id: "07-transformer-block",
  title: "Transformer block (pre-norm)",
  level: "Expert",
  minutes: 20,
  parts: [
    {
      id: "block",
      title: "Pre-norm transformer block: forward",
      check: "checkTransformerBlock",
      entry: "TransformerBlock",
      hints: [
        'Pre-norm order: h = this.layerNorm(x, "norm1"); x = x + dropout(attention(h)); x = x + dropout(ffn(this.layerNorm(x, "norm2"))). The residual stream itself is never normalised.',
        'this.linear(h, "attn.in_proj") gives (batch, seq, 3·d): tf.split it into q, k, v (that order). Heads: reshape to (batch, seq, nHead, headDim), then transpose to (batch, nHead, seq, headDim); head i owns features [i·headDim, (i+1)·headDim).',
        'Scores are q·kᵀ / √headDim, softmax over the last axis, dropout on those weights only in training, then weights·v; transpose back, reshape to (batch, seq, d) and apply "attn.out_proj". The FFN\'s GELU is exact: 0.5·h·(1 + erf(h/√2)). Wrap the body in tf.tidy.',
      ],
      why: "Pre-norm keeps an identity path x → x + F(LN(x)) through every block, so gradients reach the lowest block undiminished; matching PyTorch to float32 precision means every layout (in_proj rows q, k, v; Linear's [out, in]; contiguous heads) and constant (eps 1e-5, exact GELU, 1/√headDim) is right.",
    },
    {
      id: "masks",
      title: "Causal and key-padding masks",
      check: "checkTransformerMasks",
      entry: "MaskedBlock",
      stretch: "★★",
      hints: [
        "Return a boolean tensor that broadcasts to the scores' (batch, nHead, seq, seq): true where query i may not see key j. Your forward replaces those scores with −∞ before the softmax.",
        "Causal: key j > query i is blocked — compare tf.range(0, seq) as a row against the same as a column. Padding: keyPaddingMask (batch, seq) reshaped to (batch, 1, 1, seq); combine the two with tf.logicalOr.",
      ],
      why: "−∞ before the softmax gives those keys exactly zero weight while the rest still sum to 1; PyTorch's boolean masks mean true = masked, the opposite of Keras's.",
    },
    {
      id: "attention-weights",
      title: "Per-head attention weights",
      check: "checkAttentionWeights",
      entry: "InspectableBlock",
      stretch: "★★",
      hints: [
        'Reuse the attention your forward computes: factor it into a method that returns both its output and its softmax weights, and call it on this.layerNorm(x, "norm1") with training false.',
        "The weights are (batch, nHead, seq, seq), taken before dropout, as nn.MultiheadAttention(average_attn_weights=False) returns them.",
      ],
      why: "Attention weights are what you inspect when debugging a model (which keys does each head read?); taking them from the same code path as forward guarantees they are the weights forward used.",
    },
    {
      id: "norm-placement",
      title: "Pre-norm vs post-norm in a deep stack",
      check: "checkNormPlacement",
      entry: "compareNormPlacement",
      stretch: "★★★",
      hints: [
        "Post-norm block: x = LN₁(x + attn(x)); x = LN₂(x + ffn(x)). Subclass your block and override forward with that order.",
        "For ‖∂loss/∂x_l‖ at every block from one backward pass, add a zero 'tap' tensor before each block and take tf.grads of sum(output · probe) with respect to the taps.",
        "Scale each block's attn.out_proj.weight and ffn.3.weight by gain (assign inside tf.tidy), use pDrop 0, and record the std of each block's output over the whole tensor.",
      ],
      why: "Post-norm sends every gradient through one LayerNorm Jacobian per block, dividing by std(x + F(x)) > 1, so lower blocks learn slower as depth grows; pre-norm's identity path keeps the gradient at block 1 at least as large as at the top.",
    },
  ],
};
