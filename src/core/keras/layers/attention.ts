// keras.layers.MultiHeadAttention (keras/src/layers/attention/multi_head_attention.py): query/key/value and
// output projections are EinsumDense layers with kernels (dim, heads, key_dim) / (heads, value_dim, out).
// FLOPs: 2 per multiply-accumulate of each projection and of the two attention products (as
// flop_counter.py counts the equivalent matmuls and bmms).
import { PythonError } from "../../interp/values";
import { tensor, tuple } from "../../interp/construct";
import { bmmFlops, mmFlops } from "../../torch/flops";
import { singleTensor } from "../shapes";
import type { KerasLayerSpec } from "../spec";

function dims(config: import("../../interp/values").BoundArguments): { heads: number; keyDim: number; valueDim: number } {
  const heads = config.int("num_heads");
  const keyDim = config.int("key_dim");
  const valueDim = config.isNone("value_dim") ? keyDim : config.int("value_dim");
  return { heads, keyDim, valueDim };
}

const MultiHeadAttention: KerasLayerSpec = {
  name: "MultiHeadAttention",
  signature: [
    "num_heads", "key_dim", "value_dim=None", "dropout=0.0", "use_bias=True", "output_shape=None", "attention_axes=None", "flash_attention=None",
    "kernel_initializer='glorot_uniform'", "bias_initializer='zeros'", "kernel_regularizer=None", "bias_regularizer=None",
    "activity_regularizer=None", "kernel_constraint=None", "bias_constraint=None", "seed=None",
  ],
  callArguments: ["value", "key", "query_mask", "value_mask", "key_mask", "attention_mask", "return_attention_scores", "training", "use_causal_mask"],
  build(layer, inputs, host, _context, kwargs) {
    const value = kwargs.get("value");
    const key = kwargs.get("key");
    if (!value) throw new PythonError("MultiHeadAttention.call() missing required argument 'value'");
    const keyShape = key && key.kind !== "none" ? singleTensor(key, "MultiHeadAttention").shape : undefined;
    buildAttentionWeights(layer.config, singleTensor(inputs, "MultiHeadAttention").shape, singleTensor(value, "MultiHeadAttention").shape, keyShape, (n, s) => host.addWeight(n, s));
  },
  call(layer, inputs, kwargs, context) {
    const c = layer.config;
    const query = singleTensor(inputs, "MultiHeadAttention");
    const valueArg = kwargs.get("value");
    if (!valueArg) throw new PythonError("MultiHeadAttention.call() missing required argument 'value'");
    const value = singleTensor(valueArg, "MultiHeadAttention");
    const keyArg = kwargs.get("key");
    const key = keyArg && keyArg.kind !== "none" ? singleTensor(keyArg, "MultiHeadAttention") : value;
    if (query.shape.length !== 3 || value.shape.length !== 3 || key.shape.length !== 3) throw new PythonError("MultiHeadAttention: the analyzer supports [batch, length, features] inputs");
    const { heads, keyDim, valueDim } = dims(c);
    const [batch, queryLength, queryFeatures] = query.shape;
    const [, keyLength, keyFeatures] = key.shape;
    const valueFeatures = value.shape[2];
    const outFeatures = c.isNone("output_shape") ? queryFeatures : c.int("output_shape");
    const bias = c.bool("use_bias");
    context.addFlops(mmFlops(batch * queryLength, queryFeatures, heads * keyDim), bias ? "aten.addmm" : "aten.mm");
    context.addFlops(mmFlops(batch * keyLength, keyFeatures, heads * keyDim), bias ? "aten.addmm" : "aten.mm");
    context.addFlops(mmFlops(batch * keyLength, valueFeatures, heads * valueDim), bias ? "aten.addmm" : "aten.mm");
    context.addFlops(bmmFlops(batch * heads, queryLength, keyDim, keyLength), "aten.bmm");
    context.addFlops(0, "aten._softmax");
    context.addFlops(bmmFlops(batch * heads, queryLength, keyLength, valueDim), "aten.bmm");
    context.addFlops(mmFlops(batch * queryLength, heads * valueDim, outFeatures), bias ? "aten.addmm" : "aten.mm");
    const out = tensor([batch, queryLength, outFeatures], query.dtype);
    const scores = kwargs.get("return_attention_scores");
    if (scores?.kind === "bool" && scores.value) return tuple([out, tensor([batch, heads, queryLength, keyLength], query.dtype)]);
    return out;
  },
};

/** MultiHeadAttention's weights need the query, key and value shapes: built from the call's arguments. */
export function buildAttentionWeights(config: import("../../interp/values").BoundArguments, query: number[], value: number[], key: number[] | undefined, addWeight: (name: string, shape: number[]) => void): void {
  const { heads, keyDim, valueDim } = dims(config);
  const bias = config.bool("use_bias");
  const keyShape = key ?? value;
  const queryFeatures = query[query.length - 1];
  const outFeatures = config.isNone("output_shape") ? queryFeatures : config.int("output_shape");
  addWeight("query_kernel", [queryFeatures, heads, keyDim]);
  if (bias) addWeight("query_bias", [heads, keyDim]);
  addWeight("key_kernel", [keyShape[keyShape.length - 1], heads, keyDim]);
  if (bias) addWeight("key_bias", [heads, keyDim]);
  addWeight("value_kernel", [value[value.length - 1], heads, valueDim]);
  if (bias) addWeight("value_bias", [heads, valueDim]);
  addWeight("output_kernel", [heads, valueDim, outFeatures]);
  if (bias) addWeight("output_bias", [outFeatures]);
}

/** The [query, value, key?] list of Attention / AdditiveAttention. */
function queryValueKey(inputs: import("../../interp/values").Value, name: string): { query: number[]; value: number[]; key: number[] } {
  if ((inputs.kind !== "list" && inputs.kind !== "tuple") || inputs.items.length < 2) throw new PythonError(`${name} layer must be called on a list of inputs, namely [query, value] or [query, value, key]`);
  const [query, value, key] = inputs.items.map((t) => singleTensor(t, name).shape);
  if (query.length !== 3 || value.length !== 3) throw new PythonError(`${name}: the analyzer supports [batch, length, features] inputs`);
  return { query, value, key: key ?? value };
}

/** keras.layers.Attention (Luong dot-product) and AdditiveAttention (Bahdanau): scores, softmax, weighted values. */
function dotAttention(name: "Attention" | "AdditiveAttention"): KerasLayerSpec {
  return {
    name,
    signature: name === "Attention" ? ["use_scale=False", "score_mode='dot'", "dropout=0.0", "seed=None"] : ["use_scale=True", "dropout=0.0"],
    build(layer, inputs, host) {
      const { query } = queryValueKey(inputs, name);
      if (!layer.config.bool("use_scale")) return;
      // Attention learns one scale; AdditiveAttention one per feature (keras/src/layers/attention/*.py).
      host.addWeight("scale", name === "Attention" ? [] : [query[2]]);
    },
    call(_layer, inputs, _kwargs, context) {
      const { query, value, key } = queryValueKey(inputs, name);
      const [batch, queryLength, features] = query;
      const valueLength = value[1];
      if (name === "Attention") context.addFlops(bmmFlops(batch, queryLength, features, key[1]), "aten.bmm");
      else context.addFlops(0, "aten.tanh");
      context.addFlops(0, "aten._softmax");
      context.addFlops(bmmFlops(batch, queryLength, valueLength, value[2]), "aten.bmm");
      return tensor([batch, queryLength, value[2]]);
    },
  };
}

export const ATTENTION_LAYERS: KerasLayerSpec[] = [MultiHeadAttention, dotAttention("Attention"), dotAttention("AdditiveAttention")];
