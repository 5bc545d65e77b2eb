// keras.layers core, activation, regularisation, reshaping and preprocessing layers that run in the model:
// Dense, Embedding, Activation/ReLU/..., Dropout/..., Flatten, Reshape, Permute, RepeatVector, Lambda,
// Rescaling, Normalization, Resizing, CenterCrop, RandomCrop, Identity.
import { PythonError, Unresolved, type BoundArguments, type Value } from "../../interp/values";
import { numel, tensor, toInts } from "../../interp/construct";
import { linear } from "../../torch/ops/linear-algebra";
import { activationByName, applyActivation } from "../activations";
import { axisOf, emit, singleTensor } from "../shapes";
import type { KerasLayerSpec } from "../spec";

const Dense: KerasLayerSpec = {
  name: "Dense",
  signature: [
    "units", "activation=None", "use_bias=True", "kernel_initializer='glorot_uniform'", "bias_initializer='zeros'", "kernel_regularizer=None",
    "bias_regularizer=None", "activity_regularizer=None", "kernel_constraint=None", "bias_constraint=None", "lora_rank=None",
  ],
  build(layer, inputs, host) {
    const x = singleTensor(inputs, "Dense");
    const units = layer.config.int("units");
    if (units <= 0) throw new PythonError(`Received an invalid value for \`units\`, expected a positive integer. Received: units=${units}`);
    host.addWeight("kernel", [x.shape[x.shape.length - 1], units]);
    if (layer.config.bool("use_bias")) host.addWeight("bias", [units]);
  },
  call(layer, inputs, _kwargs, context) {
    const x = singleTensor(inputs, "Dense");
    const kernel = layer.weight("kernel");
    // A Dense whose build never ran (its first call failed on an input the analyzer does not know) has no kernel:
    // say so rather than fail the whole file.
    if (!kernel) throw new Unresolved("Dense called before it was built (its first input was unknown)");
    // The same product as torch.nn.Linear (weight [out, in]), so op names and FLOPs match PyTorch's.
    const out = linear(x, tensor([kernel.shape[1], kernel.shape[0]]), layer.weight("bias"), context);
    return applyActivation(layer.config.get("activation"), out, context);
  },
};

const Embedding: KerasLayerSpec = {
  name: "Embedding",
  signature: ["input_dim", "output_dim", "embeddings_initializer='uniform'", "embeddings_regularizer=None", "embeddings_constraint=None", "mask_zero=False", "weights=None", "lora_rank=None", "input_length=None"],
  build(layer, _inputs, host) {
    host.addWeight("embeddings", [layer.config.int("input_dim"), layer.config.int("output_dim")]);
  },
  call(layer, inputs, _kwargs, context) {
    const x = singleTensor(inputs, "Embedding");
    return emit(context, "aten.embedding", 0, [...x.shape, layer.config.int("output_dim")]);
  },
};

/** A layer whose output is its input (regularisation layers at inference). */
function passThrough(name: string, signature: string[]): KerasLayerSpec {
  return { name, signature, call: (_layer, inputs) => inputs };
}

/** A layer that applies one fixed activation. */
function activationLayer(name: string, signature: string[], activation: (config: BoundArguments) => string): KerasLayerSpec {
  return { name, signature, call: (layer, inputs, _kwargs, context) => activationByName(activation(layer.config), singleTensor(inputs, name), context) };
}

const Activation: KerasLayerSpec = {
  name: "Activation",
  signature: ["activation"],
  call: (layer, inputs, _kwargs, context) => applyActivation(layer.config.get("activation"), singleTensor(inputs, "Activation"), context),
};

const PReLU: KerasLayerSpec = {
  name: "PReLU",
  signature: ["alpha_initializer='Zeros'", "alpha_regularizer=None", "alpha_constraint=None", "shared_axes=None"],
  build(layer, inputs, host) {
    const x = singleTensor(inputs, "PReLU");
    const shape = x.shape.slice(1);
    if (!layer.config.isNone("shared_axes")) for (const a of toInts(layer.config.get("shared_axes"))) shape[a - 1] = 1;
    host.addWeight("alpha", shape);
  },
  call: (_layer, inputs, _kwargs, context) => activationByName("leaky_relu", singleTensor(inputs, "PReLU"), context),
};

const Flatten: KerasLayerSpec = {
  name: "Flatten",
  signature: ["data_format=None"],
  call(_layer, inputs) {
    const x = singleTensor(inputs, "Flatten");
    return tensor([x.shape[0], numel(x.shape.slice(1))], x.dtype);
  },
};

const Reshape: KerasLayerSpec = {
  name: "Reshape",
  signature: ["target_shape"],
  call(layer, inputs) {
    const x = singleTensor(inputs, "Reshape");
    const target = toInts(layer.config.get("target_shape"), "Reshape(target_shape)");
    const total = numel(x.shape.slice(1));
    const known = numel(target.filter((d) => d !== -1));
    const unknownCount = target.filter((d) => d === -1).length;
    if (unknownCount > 1) throw new PythonError("Reshape: there can only be one unknown dimension (-1) in target_shape");
    const dims = target.map((d) => (d === -1 ? total / known : d));
    if (numel(dims) !== total || !dims.every(Number.isInteger)) throw new PythonError(`Reshape: total size of new array must be unchanged, input_shape = [${x.shape.slice(1).join(", ")}], output_shape = [${target.join(", ")}]`);
    return tensor([x.shape[0], ...dims], x.dtype);
  },
};

const Permute: KerasLayerSpec = {
  name: "Permute",
  signature: ["dims"],
  call(layer, inputs) {
    const x = singleTensor(inputs, "Permute");
    const dims = toInts(layer.config.get("dims"));
    if ([...dims].sort().some((d, i) => d !== i + 1) || dims.length !== x.shape.length - 1) throw new PythonError(`Invalid permutation argument \`dims\` for Permute Layer: (${dims.join(", ")})`);
    return tensor([x.shape[0], ...dims.map((d) => x.shape[d])], x.dtype);
  },
};

const RepeatVector: KerasLayerSpec = {
  name: "RepeatVector",
  signature: ["n"],
  call(layer, inputs) {
    const x = singleTensor(inputs, "RepeatVector");
    if (x.shape.length !== 2) throw new PythonError(`RepeatVector expects a 2D input, got shape (${x.shape.join(", ")})`);
    return tensor([x.shape[0], layer.config.int("n"), x.shape[1]], x.dtype);
  },
};

const Lambda: KerasLayerSpec = {
  name: "Lambda",
  signature: ["function", "output_shape=None", "mask=None", "arguments=None"],
  call(layer, inputs, _kwargs, context) {
    const args = layer.config.get("arguments");
    const kwargs = new Map<string, Value>();
    if (args.kind === "dict") for (const { key, value } of args.entries.values()) if (key.kind === "str") kwargs.set(key.value, value);
    return context.callValue(layer.config.get("function"), [inputs], kwargs);
  },
};

const Rescaling: KerasLayerSpec = {
  name: "Rescaling",
  signature: ["scale", "offset=0.0"],
  call: (_layer, inputs, _kwargs, context) => {
    const x = singleTensor(inputs, "Rescaling");
    return emit(context, "aten.mul", 0, x.shape, x.dtype);
  },
};

/** keras.layers.Normalization: without mean/variance it holds adapt()'s mean, variance and count as non-trainable weights. */
const Normalization: KerasLayerSpec = {
  name: "Normalization",
  signature: ["axis=-1", "mean=None", "variance=None", "invert=False"],
  build(layer, inputs, host) {
    const x = singleTensor(inputs, "Normalization");
    if (!layer.config.isNone("mean")) return;
    const axisValue = layer.config.get("axis");
    const axes = axisValue.kind === "none" ? [] : toInts(axisValue).map((a) => axisOf(a, x.shape.length, "Normalization"));
    // keras/src/layers/preprocessing/normalization.py: the kept axes' sizes, the others reduced.
    const shape = axes.map((a) => x.shape[a]);
    host.addWeight("mean", shape, false);
    host.addWeight("variance", shape, false);
    host.addWeight("count", [], false);
  },
  call: (_layer, inputs, _kwargs, context) => {
    const x = singleTensor(inputs, "Normalization");
    context.addFlops(0, "aten.sub");
    return emit(context, "aten.div", 0, x.shape, x.dtype);
  },
};

const Resizing: KerasLayerSpec = {
  name: "Resizing",
  signature: ["height", "width", "interpolation='bilinear'", "crop_to_aspect_ratio=False", "pad_to_aspect_ratio=False", "fill_mode='constant'", "fill_value=0.0", "data_format=None"],
  call(layer, inputs, _kwargs, context) {
    const x = singleTensor(inputs, "Resizing");
    if (x.shape.length !== 4) throw new Unresolved("Resizing of a non-image tensor");
    return emit(context, "aten.upsample_bilinear2d", 0, [x.shape[0], layer.config.int("height"), layer.config.int("width"), x.shape[3]], x.dtype);
  },
};

const CenterCrop: KerasLayerSpec = {
  name: "CenterCrop",
  signature: ["height", "width", "data_format=None"],
  call(layer, inputs) {
    const x = singleTensor(inputs, "CenterCrop");
    if (x.shape.length !== 4) throw new Unresolved("CenterCrop of a non-image tensor");
    return tensor([x.shape[0], layer.config.int("height"), layer.config.int("width"), x.shape[3]], x.dtype);
  },
};

/** keras.layers.RandomCrop (keras/src/layers/preprocessing/image_preprocessing/random_crop.py, Keras 3): a random crop
 *  in training, a center crop (resized where smaller) at inference; either way (batch, height, width, channels). */
const RandomCrop: KerasLayerSpec = {
  name: "RandomCrop",
  signature: ["height", "width", "seed=None", "data_format=None"],
  call(layer, inputs) {
    const x = singleTensor(inputs, "RandomCrop");
    if (x.shape.length !== 4) throw new Unresolved("RandomCrop of a non-image tensor");
    return tensor([x.shape[0], layer.config.int("height"), layer.config.int("width"), x.shape[3]], x.dtype);
  },
};

const Softmax = activationLayer("Softmax", ["axis=-1"], () => "softmax");

export const CORE_LAYERS: KerasLayerSpec[] = [
  Dense, Embedding, Activation, PReLU, Flatten, Reshape, Permute, RepeatVector, Lambda, Rescaling, Normalization, Resizing, CenterCrop, RandomCrop, Softmax,
  activationLayer("ReLU", ["max_value=None", "negative_slope=0.0", "threshold=0.0"], (c) => (c.isNone("max_value") ? "relu" : "relu6")),
  activationLayer("LeakyReLU", ["negative_slope=0.3", "alpha=None"], () => "leaky_relu"),
  activationLayer("ELU", ["alpha=1.0"], () => "elu"),
  passThrough("Identity", []),
  passThrough("Dropout", ["rate", "noise_shape=None", "seed=None"]),
  passThrough("SpatialDropout1D", ["rate", "seed=None"]),
  passThrough("SpatialDropout2D", ["rate", "data_format=None", "seed=None"]),
  passThrough("SpatialDropout3D", ["rate", "data_format=None", "seed=None"]),
  passThrough("GaussianNoise", ["stddev", "seed=None"]),
  passThrough("GaussianDropout", ["rate", "seed=None"]),
  passThrough("AlphaDropout", ["rate", "noise_shape=None", "seed=None"]),
  passThrough("ActivityRegularization", ["l1=0.0", "l2=0.0"]),
  passThrough("Masking", ["mask_value=0.0"]),
  // Data augmentation layers are the identity at inference (keras/src/layers/preprocessing/image_preprocessing).
  passThrough("RandomFlip", ["mode='horizontal_and_vertical'", "seed=None"]),
  passThrough("RandomRotation", ["factor", "fill_mode='reflect'", "interpolation='bilinear'", "seed=None", "fill_value=0.0", "value_range=(0, 255)", "data_format=None"]),
  passThrough("RandomZoom", ["height_factor", "width_factor=None", "fill_mode='reflect'", "interpolation='bilinear'", "seed=None", "fill_value=0.0", "data_format=None"]),
  passThrough("RandomTranslation", ["height_factor", "width_factor", "fill_mode='reflect'", "interpolation='bilinear'", "seed=None", "fill_value=0.0", "data_format=None"]),
  passThrough("RandomContrast", ["factor", "seed=None", "value_range=(0, 255)"]),
  passThrough("RandomBrightness", ["factor", "value_range=(0, 255)", "seed=None"]),
];

