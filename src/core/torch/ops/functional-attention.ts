// torch.nn.functional.multi_head_attention_forward called directly (CLIP's attention pool passes its own
// projection weights). Counted as nn.MultiheadAttention is (layers/attention.ts): input projections as linears,
// attention as two bmms or one SDPA kernel (same count), the output projection as a linear.
import { NONE, tensor, tuple } from "../../interp/construct";
import { PythonError, type TensorValue } from "../../interp/values";
import { tensorArg } from "../args";
import { bmmFlops, mmFlops, sdpaFlops } from "../flops";
import { defineOp, type OpImpl } from "./define";

const SIGNATURE = [
  "query", "key", "value", "embed_dim_to_check", "num_heads", "in_proj_weight", "in_proj_bias", "bias_k", "bias_v",
  "add_zero_attn", "dropout_p", "out_proj_weight", "out_proj_bias", "training=True", "key_padding_mask=None",
  "need_weights=True", "attn_mask=None", "use_separate_proj_weight=False", "q_proj_weight=None", "k_proj_weight=None",
  "v_proj_weight=None", "static_k=None", "static_v=None", "average_attn_weights=True", "is_causal=False",
];

/** F.multi_head_attention_forward on (L, N, E) / (L, E) inputs: returns (output, weights or None). */
export const multiHeadAttentionForward: OpImpl = defineOp("F.multi_head_attention_forward", SIGNATURE, (a, c) => {
  const query = tensorArg(a, "query", "multi_head_attention_forward");
  const key = tensorArg(a, "key", "multi_head_attention_forward");
  const value = tensorArg(a, "value", "multi_head_attention_forward");
  const e = a.int("embed_dim_to_check");
  const heads = a.int("num_heads");
  const batched = query.shape.length === 3;
  if (query.shape[query.shape.length - 1] !== e) throw new PythonError(`was expecting embedding dimension of ${e}, but got ${query.shape[query.shape.length - 1]}`);
  if (e % heads !== 0) throw new PythonError(`embed_dim ${e} not divisible by num_heads ${heads}`);
  const L = query.shape[0];
  const S0 = key.shape[0];
  const n = batched ? query.shape[1] : 1;
  const biasOp = (b: string) => (a.isNone(b) ? "aten.mm" : "aten.addmm");
  const features = (t: TensorValue) => t.shape[t.shape.length - 1];
  if (a.bool("use_separate_proj_weight")) {
    c.addFlops(mmFlops(L * n, e, e), biasOp("in_proj_bias"));
    c.addFlops(mmFlops(S0 * n, features(key), e), biasOp("in_proj_bias"));
    c.addFlops(mmFlops(S0 * n, features(value), e), biasOp("in_proj_bias"));
  } else if (query === key && key === value) {
    c.addFlops(mmFlops(L * n, e, 3 * e), biasOp("in_proj_bias"));
  } else {
    c.addFlops(mmFlops(L * n, e, e), biasOp("in_proj_bias"));
    c.addFlops(mmFlops(S0 * n, e, 2 * e), biasOp("in_proj_bias"));
  }
  let S = S0;
  if (!a.isNone("bias_k")) S += 1;
  if (a.bool("add_zero_attn")) S += 1;
  const headDim = e / heads;
  const needWeights = a.bool("need_weights");
  if (needWeights) {
    c.addFlops(bmmFlops(n * heads, L, headDim, S), a.isNone("attn_mask") ? "aten.bmm" : "aten.baddbmm");
    c.addFlops(0, "aten._softmax");
    c.addFlops(bmmFlops(n * heads, L, S, headDim), "aten.bmm");
  } else c.addFlops(sdpaFlops(n, heads, L, S, headDim, headDim), "aten._scaled_dot_product_flash_attention");
  const outWeight = tensorArg(a, "out_proj_weight", "multi_head_attention_forward");
  const outFeatures = outWeight.shape[0];
  c.addFlops(mmFlops(L * n, e, outFeatures), biasOp("out_proj_bias"));
  const output = tensor(batched ? [L, n, outFeatures] : [L, outFeatures], query.dtype);
  if (!needWeights) return tuple([output, NONE]);
  const averaged = a.bool("average_attn_weights");
  const weights = averaged ? (batched ? [n, L, S] : [L, S]) : batched ? [n, heads, L, S] : [heads, L, S];
  return tuple([output, tensor(weights, query.dtype)]);
});
