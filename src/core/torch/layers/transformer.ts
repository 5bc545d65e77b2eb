// nn.TransformerEncoderLayer / DecoderLayer / Encoder / Decoder / Transformer: composite modules whose children and
// forward follow torch/nn/modules/transformer.py, so parameter counts and named_modules paths match PyTorch's.
import { bool } from "../../interp/construct";
import { PythonError, Unresolved, type BoundArguments, type InstanceValue, type LayerInstance, type LayerSpec, type OpContext, type TensorValue, type Value } from "../../interp/values";
import { toTensor } from "../args";
import { callChild, cloneModule, constructChild, moduleListOf } from "../layer-instance";
import { elementwise, unary } from "../ops/elementwise";
import { DEVICE_DTYPE, defineLayer, input } from "./define";

const LAYER_OPTIONS = ["d_model", "nhead", "dim_feedforward=2048", "dropout=0.1", "activation='relu'", "layer_norm_eps=1e-05", "batch_first=False", "norm_first=False", "bias=True", ...DEVICE_DTYPE];

let registry: ReadonlyMap<string, LayerSpec> = new Map();
/** The specs composite layers build their children from when the host offers no constructor (set by the catalogue). */
export function setChildRegistry(layers: ReadonlyMap<string, LayerSpec>): void {
  registry = layers;
}

function build(name: string, args: Value[], kwargs: [string, Value][], context: OpContext): InstanceValue {
  return constructChild(registry, name, args, new Map(kwargs), context);
}

function tensorOf(v: Value, what: string): TensorValue {
  if (v.kind === "tuple") return toTensor(v.items[0], what);
  return toTensor(v, what);
}

/** Applies the layer's activation: 'relu'/'gelu', a function (F.gelu) or a module (nn.GELU()). */
function activate(layer: LayerInstance, x: TensorValue, context: OpContext): TensorValue {
  const own = layer.state.children.get("activation");
  if (own && own.kind === "instance") return tensorOf(callChild(own, [x], context, undefined, layer.self), "activation output");
  const act = layer.config.get("activation");
  if (act.kind === "str") {
    if (act.value !== "relu" && act.value !== "gelu") throw new PythonError(`activation should be relu/gelu, not ${act.value}`);
    return unary(act.value, x, context);
  }
  if (act.kind === "native" || act.kind === "function" || act.kind === "bound" || act.kind === "partial") return tensorOf(context.callValue(act, [x]), "activation output");
  throw new Unresolved("Transformer activation is not a known function");
}

function buildLayerChildren(a: LayerInstance["config"], context: OpContext, decoder: boolean): [string, InstanceValue][] {
  const d = a.get("d_model");
  const bias = bool(a.bool("bias"));
  const p = a.get("dropout");
  const attention = () => build("MultiheadAttention", [d, a.get("nhead")], [["dropout", p], ["bias", bias], ["batch_first", bool(a.bool("batch_first"))]], context);
  const norm = () => build("LayerNorm", [d], [["eps", a.get("layer_norm_eps")], ["bias", bias]], context);
  const dropout = () => build("Dropout", [p], [], context);
  const children: [string, InstanceValue][] = [["self_attn", attention()]];
  if (decoder) children.push(["multihead_attn", attention()]);
  children.push(
    ["linear1", build("Linear", [d, a.get("dim_feedforward")], [["bias", bias]], context)],
    ["dropout", dropout()],
    ["linear2", build("Linear", [a.get("dim_feedforward"), d], [["bias", bias]], context)],
    ["norm1", norm()], ["norm2", norm()],
  );
  if (decoder) children.push(["norm3", norm()]);
  children.push(["dropout1", dropout()], ["dropout2", dropout()]);
  if (decoder) children.push(["dropout3", dropout()]);
  const act = a.get("activation");
  if (act.kind === "instance" && act.module) children.push(["activation", act]);
  return children;
}

function childOf(layer: LayerInstance, name: string): Value {
  const c = layer.state.children.get(name);
  if (!c || c.kind !== "instance") throw new Unresolved(`${layer.state.typeName}.${name} is missing`);
  return c;
}

function attentionBlock(layer: LayerInstance, name: string, q: TensorValue, kv: TensorValue, mask: Value, padding: Value, causal: Value, dropout: string, context: OpContext): TensorValue {
  const kwargs = new Map<string, Value>([["attn_mask", mask], ["key_padding_mask", padding], ["need_weights", bool(false)], ["is_causal", causal]]);
  const out = tensorOf(callChild(childOf(layer, name), [q, kv, kv], context, kwargs, layer.self), `${name} output`);
  return tensorOf(callChild(childOf(layer, dropout), [out], context, undefined, layer.self), `${dropout} output`);
}

function feedForward(layer: LayerInstance, x: TensorValue, context: OpContext, dropout: string): TensorValue {
  let h = tensorOf(callChild(childOf(layer, "linear1"), [x], context, undefined, layer.self), "linear1 output");
  h = activate(layer, h, context);
  h = tensorOf(callChild(childOf(layer, "dropout"), [h], context, undefined, layer.self), "dropout output");
  h = tensorOf(callChild(childOf(layer, "linear2"), [h], context, undefined, layer.self), "linear2 output");
  return tensorOf(callChild(childOf(layer, dropout), [h], context, undefined, layer.self), `${dropout} output`);
}

function norm(layer: LayerInstance, name: string, x: TensorValue, context: OpContext): TensorValue {
  return tensorOf(callChild(childOf(layer, name), [x], context, undefined, layer.self), `${name} output`);
}

function add(x: TensorValue, y: TensorValue, context: OpContext): TensorValue {
  return elementwise("add", [x, y], context);
}

// The blocks torch's layers are written in (transformer.py): subclasses override forward and call them.
const SELF_ATTENTION_BLOCK = {
  signature: ["x", "attn_mask", "key_padding_mask", "is_causal=False"],
  call: (layer: LayerInstance, a: BoundArguments, context: OpContext) =>
    attentionBlock(layer, "self_attn", tensorOf(a.get("x"), "x"), tensorOf(a.get("x"), "x"), a.get("attn_mask"), a.get("key_padding_mask"), a.get("is_causal"), "dropout1", context),
};
const feedForwardBlock = (dropout: string) => ({
  signature: ["x"],
  call: (layer: LayerInstance, a: BoundArguments, context: OpContext) => feedForward(layer, tensorOf(a.get("x"), "x"), context, dropout),
});
const CROSS_ATTENTION_BLOCK = {
  signature: ["x", "mem", "attn_mask", "key_padding_mask", "is_causal=False"],
  call: (layer: LayerInstance, a: BoundArguments, context: OpContext) =>
    attentionBlock(layer, "multihead_attn", tensorOf(a.get("x"), "x"), tensorOf(a.get("mem"), "mem"), a.get("attn_mask"), a.get("key_padding_mask"), a.get("is_causal"), "dropout2", context),
};

export const TransformerEncoderLayer = defineLayer({
  name: "TransformerEncoderLayer",
  signature: LAYER_OPTIONS,
  methods: { _sa_block: SELF_ATTENTION_BLOCK, _ff_block: feedForwardBlock("dropout2") },
  forwardSignature: ["src", "src_mask=None", "src_key_padding_mask=None", "is_causal=False"],
  build: (a, context) => ({ parameters: [], children: buildLayerChildren(a, context, false) }),
  forward: (layer, args, context) => {
    let x = input(args, "TransformerEncoderLayer", "src");
    const mask = args.get("src_mask");
    const padding = args.get("src_key_padding_mask");
    const causal = args.get("is_causal");
    if (layer.config.bool("norm_first")) {
      const normed = norm(layer, "norm1", x, context);
      x = add(x, attentionBlock(layer, "self_attn", normed, normed, mask, padding, causal, "dropout1", context), context);
      x = add(x, feedForward(layer, norm(layer, "norm2", x, context), context, "dropout2"), context);
    } else {
      x = norm(layer, "norm1", add(x, attentionBlock(layer, "self_attn", x, x, mask, padding, causal, "dropout1", context), context), context);
      x = norm(layer, "norm2", add(x, feedForward(layer, x, context, "dropout2"), context), context);
    }
    return x;
  },
});

export const TransformerDecoderLayer = defineLayer({
  name: "TransformerDecoderLayer",
  signature: LAYER_OPTIONS,
  methods: { _sa_block: SELF_ATTENTION_BLOCK, _mha_block: CROSS_ATTENTION_BLOCK, _ff_block: feedForwardBlock("dropout3") },
  forwardSignature: ["tgt", "memory", "tgt_mask=None", "memory_mask=None", "tgt_key_padding_mask=None", "memory_key_padding_mask=None", "tgt_is_causal=False", "memory_is_causal=False"],
  build: (a, context) => ({ parameters: [], children: buildLayerChildren(a, context, true) }),
  forward: (layer, args, context) => {
    let x = input(args, "TransformerDecoderLayer", "tgt");
    const memory = input(args, "TransformerDecoderLayer", "memory");
    const self = (h: TensorValue) => attentionBlock(layer, "self_attn", h, h, args.get("tgt_mask"), args.get("tgt_key_padding_mask"), args.get("tgt_is_causal"), "dropout1", context);
    const cross = (h: TensorValue) => attentionBlock(layer, "multihead_attn", h, memory, args.get("memory_mask"), args.get("memory_key_padding_mask"), args.get("memory_is_causal"), "dropout2", context);
    if (layer.config.bool("norm_first")) {
      x = add(x, self(norm(layer, "norm1", x, context)), context);
      x = add(x, cross(norm(layer, "norm2", x, context)), context);
      x = add(x, feedForward(layer, norm(layer, "norm3", x, context), context, "dropout3"), context);
    } else {
      x = norm(layer, "norm1", add(x, self(x), context), context);
      x = norm(layer, "norm2", add(x, cross(x), context), context);
      x = norm(layer, "norm3", add(x, feedForward(layer, x, context, "dropout3"), context), context);
    }
    return x;
  },
});

function stackChildren(template: Value, count: number, context: OpContext, what: string): InstanceValue {
  if (template.kind !== "instance" || !template.module) throw new Unresolved(`${what} is not a module`);
  if (count < 0) throw new PythonError(`num_layers must be non-negative, got ${count}`);
  // _get_clones: deep copies; the template itself is not registered.
  return moduleListOf(Array.from({ length: count }, () => cloneModule(template, context)), context);
}

function runStack(layer: LayerInstance, first: TensorValue, extra: Value[], kwargs: Map<string, Value>, context: OpContext): TensorValue {
  const layers = layer.state.children.get("layers");
  let x = first;
  if (layers && layers.kind === "instance" && layers.module) {
    for (const c of layers.module.children.values()) if (c.kind === "instance") x = tensorOf(callChild(c, [x, ...extra], context, kwargs, layer.self), "layer output");
  }
  const n = layer.state.children.get("norm");
  if (n && n.kind === "instance") x = tensorOf(callChild(n, [x], context, undefined, layer.self), "norm output");
  return x;
}

function definedKwargs(pairs: [string, Value][]): Map<string, Value> {
  return new Map(pairs.filter(([, v]) => v.kind !== "none"));
}

export const TransformerEncoder = defineLayer({
  name: "TransformerEncoder",
  signature: ["encoder_layer", "num_layers", "norm=None", "enable_nested_tensor=True", "mask_check=True"],
  forwardSignature: ["src", "mask=None", "src_key_padding_mask=None", "is_causal=None"],
  build: (a, context) => {
    const children: [string, InstanceValue][] = [["layers", stackChildren(a.get("encoder_layer"), a.int("num_layers"), context, "encoder_layer")]];
    const n = a.get("norm");
    if (n.kind === "instance") children.push(["norm", n]);
    return { parameters: [], children };
  },
  forward: (layer, args, context) => runStack(layer, input(args, "TransformerEncoder", "src"), [], definedKwargs([["src_mask", args.get("mask")], ["src_key_padding_mask", args.get("src_key_padding_mask")], ["is_causal", args.get("is_causal")]]), context),
});

export const TransformerDecoder = defineLayer({
  name: "TransformerDecoder",
  signature: ["decoder_layer", "num_layers", "norm=None"],
  forwardSignature: ["tgt", "memory", "tgt_mask=None", "memory_mask=None", "tgt_key_padding_mask=None", "memory_key_padding_mask=None", "tgt_is_causal=None", "memory_is_causal=False"],
  build: (a, context) => {
    const children: [string, InstanceValue][] = [["layers", stackChildren(a.get("decoder_layer"), a.int("num_layers"), context, "decoder_layer")]];
    const n = a.get("norm");
    if (n.kind === "instance") children.push(["norm", n]);
    return { parameters: [], children };
  },
  forward: (layer, args, context) => {
    const memory = input(args, "TransformerDecoder", "memory");
    const kwargs = definedKwargs([["tgt_mask", args.get("tgt_mask")], ["memory_mask", args.get("memory_mask")], ["tgt_key_padding_mask", args.get("tgt_key_padding_mask")], ["memory_key_padding_mask", args.get("memory_key_padding_mask")], ["tgt_is_causal", args.get("tgt_is_causal")]]);
    return runStack(layer, input(args, "TransformerDecoder", "tgt"), [memory], kwargs, context);
  },
});

export const Transformer = defineLayer({
  name: "Transformer",
  signature: ["d_model=512", "nhead=8", "num_encoder_layers=6", "num_decoder_layers=6", "dim_feedforward=2048", "dropout=0.1", "activation='relu'", "custom_encoder=None", "custom_decoder=None", "layer_norm_eps=1e-05", "batch_first=False", "norm_first=False", "bias=True", ...DEVICE_DTYPE],
  forwardSignature: ["src", "tgt", "src_mask=None", "tgt_mask=None", "memory_mask=None", "src_key_padding_mask=None", "tgt_key_padding_mask=None", "memory_key_padding_mask=None", "src_is_causal=None", "tgt_is_causal=None", "memory_is_causal=False"],
  build: (a, context) => {
    const layerArgs: [string, Value][] = [
      ["dim_feedforward", a.get("dim_feedforward")], ["dropout", a.get("dropout")], ["activation", a.get("activation")], ["layer_norm_eps", a.get("layer_norm_eps")],
      ["batch_first", bool(a.bool("batch_first"))], ["norm_first", bool(a.bool("norm_first"))], ["bias", bool(a.bool("bias"))],
    ];
    const d = a.get("d_model");
    const normFor = () => build("LayerNorm", [d], [["eps", a.get("layer_norm_eps")], ["bias", bool(a.bool("bias"))]], context);
    const encoder = a.get("custom_encoder").kind === "instance" ? (a.get("custom_encoder") as InstanceValue)
      : build("TransformerEncoder", [build("TransformerEncoderLayer", [d, a.get("nhead")], layerArgs, context), a.get("num_encoder_layers"), normFor()], [], context);
    const decoder = a.get("custom_decoder").kind === "instance" ? (a.get("custom_decoder") as InstanceValue)
      : build("TransformerDecoder", [build("TransformerDecoderLayer", [d, a.get("nhead")], layerArgs, context), a.get("num_decoder_layers"), normFor()], [], context);
    return { parameters: [], children: [["encoder", encoder], ["decoder", decoder]] };
  },
  forward: (layer, args, context) => {
    const src = input(args, "Transformer", "src");
    const tgt = input(args, "Transformer", "tgt");
    const d = layer.config.int("d_model");
    const batched = src.shape.length === 3;
    const batchDim = layer.config.bool("batch_first") ? 0 : 1;
    if (batched && src.shape[batchDim] !== tgt.shape[batchDim]) throw new PythonError("the batch number of src and tgt must be equal");
    if (src.shape[src.shape.length - 1] !== d || tgt.shape[tgt.shape.length - 1] !== d) throw new PythonError("the feature number of src and tgt must be equal to d_model");
    const memory = tensorOf(callChild(childOf(layer, "encoder"), [src], context, definedKwargs([["mask", args.get("src_mask")], ["src_key_padding_mask", args.get("src_key_padding_mask")], ["is_causal", args.get("src_is_causal")]]), layer.self), "encoder output");
    return callChild(childOf(layer, "decoder"), [tgt, memory], context, definedKwargs([["tgt_mask", args.get("tgt_mask")], ["memory_mask", args.get("memory_mask")], ["tgt_key_padding_mask", args.get("tgt_key_padding_mask")], ["memory_key_padding_mask", args.get("memory_key_padding_mask")], ["tgt_is_causal", args.get("tgt_is_causal")], ["memory_is_causal", args.get("memory_is_causal")]]), layer.self);
  },
});

export const TRANSFORMER_LAYERS: LayerSpec[] = [TransformerEncoderLayer, TransformerDecoderLayer, TransformerEncoder, TransformerDecoder, Transformer];
