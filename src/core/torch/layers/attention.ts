// nn.MultiheadAttention, as torch.nn.functional.multi_head_attention_forward runs it.
import { NONE, bool, int, tensor, tuple } from "../../interp/construct";
import { PythonError, type InstanceValue, type LayerInstance, type LayerSpec, type OpContext, type TensorValue, type Value } from "../../interp/values";
import { bmmFlops, mmFlops, sdpaFlops } from "../flops";
import { constructChild } from "../layer-instance";
import { DEVICE_DTYPE, defineLayer, input, parameter } from "./define";
import { NonDynamicallyQuantizableLinear } from "./linear";

const CHILD_SPECS = new Map<string, LayerSpec>([["NonDynamicallyQuantizableLinear", NonDynamicallyQuantizableLinear]]);

/** Whether torch.nn.MultiheadAttention packs q/k/v weights into in_proj_weight. */
function packed(layer: LayerInstance): boolean {
  const e = layer.config.int("embed_dim");
  const kdim = layer.config.isNone("kdim") ? e : layer.config.int("kdim");
  const vdim = layer.config.isNone("vdim") ? e : layer.config.int("vdim");
  return kdim === e && vdim === e;
}

export const MultiheadAttention = defineLayer({
  name: "MultiheadAttention",
  signature: ["embed_dim", "num_heads", "dropout=0.0", "bias=True", "add_bias_kv=False", "add_zero_attn=False", "kdim=None", "vdim=None", "batch_first=False", ...DEVICE_DTYPE],
  forwardSignature: ["query", "key", "value", "key_padding_mask=None", "need_weights=True", "attn_mask=None", "average_attn_weights=True", "is_causal=False"],
  build: (a, context) => {
    const e = a.int("embed_dim");
    const heads = a.int("num_heads");
    if (e <= 0 || heads <= 0) throw new PythonError(`embed_dim and num_heads must be greater than 0, got embed_dim=${e} and num_heads=${heads} instead`);
    if (e % heads !== 0) throw new PythonError("embed_dim must be divisible by num_heads");
    const kdim = a.isNone("kdim") ? e : a.int("kdim");
    const vdim = a.isNone("vdim") ? e : a.int("vdim");
    const same = kdim === e && vdim === e;
    const bias = a.bool("bias");
    // Registration order of torch.nn.MultiheadAttention.__init__ (named_parameters follows it).
    const parameters: [string, number[] | null][] = same
      ? [["in_proj_weight", [3 * e, e]], ["q_proj_weight", null], ["k_proj_weight", null], ["v_proj_weight", null]]
      : [["q_proj_weight", [e, e]], ["k_proj_weight", [e, kdim]], ["v_proj_weight", [e, vdim]], ["in_proj_weight", null]];
    parameters.push(["in_proj_bias", bias ? [3 * e] : null]);
    const addBiasKv = a.bool("add_bias_kv");
    parameters.push(["bias_k", addBiasKv ? [1, 1, e] : null], ["bias_v", addBiasKv ? [1, 1, e] : null]);
    const outProj = constructChild(CHILD_SPECS, "NonDynamicallyQuantizableLinear", [int(e), int(e)], new Map([["bias", bool(bias)]]), context);
    return { parameters, children: [["out_proj", outProj]] };
  },
  forward: (layer, args, context) => {
    const query = input(args, "MultiheadAttention", "query");
    const key = input(args, "MultiheadAttention", "key");
    const value = input(args, "MultiheadAttention", "value");
    return multiheadAttention(layer, query, key, value, args.bool("need_weights"), args.bool("average_attn_weights"), !args.isNone("attn_mask"), context);
  },
});

function outProjection(layer: LayerInstance): { weight?: TensorValue; bias?: TensorValue } {
  const out = layer.state.children.get("out_proj") as InstanceValue | undefined;
  const w = out?.module?.parameters.get("weight");
  const b = out?.module?.parameters.get("bias");
  return { weight: w?.kind === "tensor" ? w : undefined, bias: b?.kind === "tensor" ? b : undefined };
}

/**
 * multi_head_attention_forward: in-projection linears (one packed for self-attention, else per input), attention as two
 * bmms when weights are returned (else one SDPA kernel: same count), then the out-projection linear over [L·N, E].
 */
export function multiheadAttention(layer: LayerInstance, query: TensorValue, key: TensorValue, value: TensorValue, needWeights: boolean, averageWeights: boolean, hasMask: boolean, context: OpContext): Value {
  const a = layer.config;
  const e = a.int("embed_dim");
  const heads = a.int("num_heads");
  const kdim = a.isNone("kdim") ? e : a.int("kdim");
  const vdim = a.isNone("vdim") ? e : a.int("vdim");
  const batched = query.shape.length === 3;
  if (!batched && query.shape.length !== 2) throw new PythonError(`query should be unbatched 2D or batched 3D tensor but received ${query.shape.length}-D query tensor`);
  if (key.shape.length !== query.shape.length || value.shape.length !== query.shape.length) throw new PythonError("MultiheadAttention: query, key and value must have the same number of dims");
  const batchFirst = batched && a.bool("batch_first");
  const split = (t: TensorValue) => (!batched ? { length: t.shape[0], batch: 1 } : batchFirst ? { length: t.shape[1], batch: t.shape[0] } : { length: t.shape[0], batch: t.shape[1] });
  const q = split(query);
  const k = split(key);
  const v = split(value);
  if (k.batch !== q.batch || v.batch !== q.batch) throw new PythonError(`MultiheadAttention: batch sizes differ (query ${q.batch}, key ${k.batch}, value ${v.batch})`);
  if (k.length !== v.length) throw new PythonError(`key's sequence and batch dims [${key.shape.join(", ")}] do not match value's [${value.shape.join(", ")}]`);
  if (query.shape[query.shape.length - 1] !== e) throw new PythonError(`was expecting embedding dimension of ${e}, but got ${query.shape[query.shape.length - 1]}`);
  if (key.shape[key.shape.length - 1] !== kdim) throw new PythonError(`MultiheadAttention: key has ${key.shape[key.shape.length - 1]} features, expected kdim=${kdim}`);
  if (value.shape[value.shape.length - 1] !== vdim) throw new PythonError(`MultiheadAttention: value has ${value.shape[value.shape.length - 1]} features, expected vdim=${vdim}`);
  const n = q.batch;
  const L = q.length;
  const linearOp = a.bool("bias") ? "aten.addmm" : "aten.mm";
  if (packed(layer) && query === key && key === value) {
    context.addFlops(mmFlops(L * n, e, 3 * e), linearOp);
  } else if (packed(layer) && key === value) {
    context.addFlops(mmFlops(L * n, e, e), linearOp);
    context.addFlops(mmFlops(k.length * n, e, 2 * e), linearOp);
  } else {
    context.addFlops(mmFlops(L * n, e, e), linearOp);
    context.addFlops(mmFlops(k.length * n, kdim, e), linearOp);
    context.addFlops(mmFlops(v.length * n, vdim, e), linearOp);
  }
  let S = k.length;
  if (parameter(layer, "bias_k")) S += 1;
  if (a.bool("add_zero_attn")) S += 1;
  const headDim = e / heads;
  if (needWeights) {
    context.addFlops(bmmFlops(n * heads, L, headDim, S), hasMask ? "aten.baddbmm" : "aten.bmm");
    context.addFlops(0, "aten._softmax");
    context.addFlops(bmmFlops(n * heads, L, S, headDim), "aten.bmm");
  } else {
    context.addFlops(sdpaFlops(n, heads, L, S, headDim, headDim), "aten._scaled_dot_product_flash_attention");
  }
  const { weight, bias } = outProjection(layer);
  const outFeatures = weight?.shape[0] ?? e;
  context.addFlops(mmFlops(L * n, e, outFeatures), bias ? "aten.addmm" : "aten.mm");
  const outShape = !batched ? [L, e] : batchFirst ? [n, L, e] : [L, n, e];
  const output = tensor(outShape, query.dtype);
  if (!needWeights) return tuple([output, NONE]);
  const weightsShape = averageWeights ? (batched ? [n, L, S] : [L, S]) : batched ? [n, heads, L, S] : [heads, L, S];
  if (averageWeights) context.addFlops(0, "aten.mean");
  return tuple([output, tensor(weightsShape, query.dtype)]);
}

export const ATTENTION_LAYERS: LayerSpec[] = [MultiheadAttention, NonDynamicallyQuantizableLinear];
