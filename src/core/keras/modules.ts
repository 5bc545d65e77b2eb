// The Keras and TensorFlow packages as analyzed code imports them: keras, keras.layers, tensorflow.keras, tf.keras,
// keras.src.* (when the analyzed root is a Keras checkout, its application files import these), tf_keras.
import { NONE, bool, int, str, tensor, toInts, tuple, unknown } from "../interp/construct";
import type { Interpreter, TensorOperatorObserver } from "../interp/interpreter";
import type { NativeModuleProvider, ProvidedModules, Runtime } from "../interp/runtime";
import { applicationSources } from "./applications/sources";
import { Unresolved, type ModuleNamespaceValue, type NativeCall, type Value } from "../interp/values";
import { ACTIVATION_NAMES, activationByName } from "./activations";
import { recordFunction, recordOperator } from "./graph";
import { createKerasClasses } from "./classes";
import { KERAS_LAYERS, LAYER_ALIASES } from "./layers/index";
import { MERGE_FUNCTIONS } from "./layers/merge";
import { singleTensor } from "./shapes";
import { padSequences } from "./keras2-modules";
import { toCategorical } from "./to-categorical";
import { imgToArray, loadImg } from "./image-files";
import { timeseriesGenerator, timeseriesGeneratorPackage } from "./timeseries-generator";
import { kerasDatasetLoaders } from "./datasets";
import { tfDataModule } from "./tf-data";
import { directoryDatasetReader } from "./directory-datasets";
import { timeseriesDatasetFromArray } from "./timeseries-dataset";
import { tfDistributeModule } from "./tf-distribute";
import { tfImageModule } from "./tf-image";
import { tfContribPackage } from "./tf-contrib-hparams";
import { tf1MnistModules } from "./tf1-mnist";

type Native = (call: NativeCall) => Value;
const fn = (name: string, call: Native): Value => ({ kind: "native", name, call });

function namespace(name: string, entries: [string, Value][], fallback = true): ModuleNamespaceValue {
  const names = new Map<string, Value>(entries);
  // Anything else under the package is unknown to the analyzer, not an import error.
  if (fallback) names.set("__fallback__", fn(`${name}.__fallback__`, ({ args }) => unknown(`${name}.${args[0]?.kind === "str" ? args[0].value : "?"} is not in the analyzer's Keras catalogue`)));
  return { kind: "namespace", name, scope: { names } };
}

/** keras.ops / tf functions that map onto a torch function of the catalogue (same shapes and FLOPs). */
/** keras.backend (Keras 2) functions that are keras.ops functions of the same name and meaning. */
const KERAS2_BACKEND_MATH = new Set(["exp", "square", "mean", "sum", "sqrt", "log", "abs", "shape", "reshape", "concatenate", "stack", "transpose", "expand_dims", "squeeze", "max", "min", "argmax", "softmax", "sigmoid", "tanh", "cast", "ones_like", "zeros_like", "pow", "maximum", "minimum", "clip", "tile", "softplus", "sign", "std", "var", "prod", "cumsum"]);

function opsEntries(interp: () => Interpreter): [string, Value][] {
  const torch = (name: string): Native => {
    return (c) => {
      const f = interp().torch.functions.get(`torch.${name}`);
      if (!f) return unknown(`torch.${name}`);
      return f(c);
    };
  };
  const renamed = (torchName: string, keys: Record<string, string>): Native => (c) => {
    const kwargs = new Map<string, Value>();
    for (const [k, v] of c.kwargs) kwargs.set(keys[k] ?? k, v);
    return torch(torchName)({ ...c, kwargs });
  };
  const axisKeys = { axis: "dim", keepdims: "keepdim" };
  // Keras dtypes are strings ("int32"); the shapes do not depend on them.
  const withoutDtype = (torchName: string): Native => (c) => torch(torchName)({ ...c, kwargs: new Map([...c.kwargs].filter(([k]) => k !== "dtype")) });
  const entries: [string, Native][] = [
    ["reshape", renamed("reshape", { newshape: "shape" })],
    ["concatenate", renamed("cat", axisKeys)],
    ["concat", renamed("cat", axisKeys)],
    ["stack", renamed("stack", axisKeys)],
    ["matmul", torch("matmul")],
    ["einsum", torch("einsum")],
    ["transpose", (c) => (c.args[1] ?? c.kwargs.get("axes") ?? c.kwargs.get("perm")) && (c.args[1] ?? c.kwargs.get("axes") ?? c.kwargs.get("perm"))!.kind !== "none" ? torch("permute")({ ...c, args: [c.args[0], c.args[1] ?? c.kwargs.get("axes") ?? c.kwargs.get("perm")!], kwargs: new Map() }) : torch("t")({ ...c, args: [c.args[0]], kwargs: new Map() })],
    ["expand_dims", renamed("unsqueeze", axisKeys)],
    ["squeeze", renamed("squeeze", axisKeys)],
    ["mean", renamed("mean", axisKeys)],
    ["reduce_mean", renamed("mean", axisKeys)],
    ["sum", renamed("sum", axisKeys)],
    ["reduce_sum", renamed("sum", axisKeys)],
    ["add", torch("add")],
    ["subtract", torch("sub")],
    ["multiply", torch("mul")],
    ["divide", torch("div")],
    ["sqrt", torch("sqrt")],
    ["exp", torch("exp")],
    ["relu", torch("relu")],
    ["sigmoid", torch("sigmoid")],
    ["tanh", torch("tanh")],
    ["softmax", renamed("softmax", axisKeys)],
    ["floor", torch("floor")],
    ["arange", (c) => {
      // ops.arange(start, stop=None, step=1): keywords as positional bounds for torch.arange.
      const bounds = [...c.args];
      for (const k of ["start", "stop", "step"]) {
        const v = c.kwargs.get(k);
        if (v && v.kind !== "none") bounds.push(v);
      }
      return torch("arange")({ ...c, args: bounds, kwargs: new Map() });
    }],
    // tf.range(start, limit=None, delta=1) (TensorFlow 2 API docs): torch.arange's bounds under other names.
    ["range", (c) => {
      const bounds = [...c.args];
      for (const k of ["start", "limit", "delta"]) {
        const v = c.kwargs.get(k);
        if (v && v.kind !== "none") bounds.push(v);
      }
      return torch("arange")({ ...c, args: bounds, kwargs: new Map() });
    }],
    ["not_equal", torch("ne")],
    ["equal", torch("eq")],
    ["ones_like", withoutDtype("ones_like")],
    ["zeros_like", withoutDtype("zeros_like")],
    ["full_like", withoutDtype("full_like")],
    ["ones", (c) => tensor(toInts(c.args[0] ?? c.kwargs.get("shape") ?? NONE, "shape"))],
    ["where", torch("where")],
    ["maximum", torch("maximum")],
    ["minimum", torch("minimum")],
    ["square", torch("square")],
    ["abs", torch("abs")],
    ["log", torch("log")],
    ["power", torch("pow")],
    ["pow", torch("pow")],
    ["max", renamed("amax", axisKeys)],
    ["reduce_max", renamed("amax", axisKeys)],
    ["min", renamed("amin", axisKeys)],
    ["reduce_min", renamed("amin", axisKeys)],
    ["argmax", renamed("argmax", axisKeys)],
    ["tile", torch("tile")],
    ["repeat", renamed("repeat_interleave", { axis: "dim" })],
    ["split", (c) => unknown("ops.split sections")],
    ["clip", renamed("clamp", { x_min: "min", x_max: "max" })],
    ["clip_by_value", renamed("clamp", { clip_value_min: "min", clip_value_max: "max" })],
    ["erf", torch("erf")],
    ["sin", torch("sin")],
    ["cos", torch("cos")],
    ["rsqrt", torch("rsqrt")],
    ["softplus", torch("softplus")],
    ["log_softmax", renamed("log_softmax", axisKeys)],
    ["cumsum", renamed("cumsum", axisKeys)],
    ["broadcast_to", torch("broadcast_to")],
    ["var", renamed("var", axisKeys)],
    ["std", renamed("std", axisKeys)],
    ["prod", renamed("prod", axisKeys)],
    ["tril", torch("tril")],
    ["triu", torch("triu")],
    ["eye", torch("eye")],
    ["sign", torch("sign")],
    ["negative", torch("neg")],
    ["reciprocal", torch("reciprocal")],
    ["gelu", (c) => activationByName("gelu", singleTensor(c.args[0] ?? NONE, "gelu"), c.context)],
    ["silu", (c) => activationByName("silu", singleTensor(c.args[0] ?? NONE, "silu"), c.context)],
    ["swish", (c) => activationByName("silu", singleTensor(c.args[0] ?? NONE, "swish"), c.context)],
    ["shape", (c) => {
      const x = c.args[0];
      return x?.kind === "tensor" ? tuple(x.shape.map(int)) : unknown("shape of a non-tensor");
    }],
    ["cast", (c) => c.args[0] ?? NONE],
    ["convert_to_tensor", (c) => (c.args[0]?.kind === "tensor" ? c.args[0] : unknown("tensor contents"))],
    ["zeros", (c) => tensor(toInts(c.args[0] ?? c.kwargs.get("shape") ?? NONE, "shape"))],
  ];
  // Functions on Keras tensors between layer calls are nodes of a functional graph (Keras 3 makes them Operations).
  const traced = (f: Native): Native => (c) => {
    const result = f(c);
    recordFunction(c.args, c.kwargs, result, (args, kwargs) => f({ ...c, args, kwargs }));
    return result;
  };
  return entries.map(([k, f]) => [k, fn(`keras.ops.${k}`, traced(f))]);
}

/** The provider that adds Keras and TensorFlow's Keras to a runtime's native modules. */
export const kerasModules: NativeModuleProvider = function kerasModules(runtime: Runtime): ProvidedModules {
  const interp = () => runtime.interpreter;
  const classes = createKerasClasses(interp, runtime.moduleClasses.module, KERAS_LAYERS);
  // Operators between layer calls (residual `inputs + x`) are nodes of a functional graph too.
  const tensorOperatorObserver: TensorOperatorObserver = (op, left, right, result) =>
    recordOperator(left, right, result, (l, r) => {
      const interpreter = runtime.interpreter;
      if (op !== "[]") return interpreter.torch.binaryOperator(op, l, r, interpreter.context);
      if (l.kind !== "tensor") throw new Unresolved("subscript of a non-tensor in a functional graph");
      return interpreter.torch.getItem(l, r, interpreter.context);
    });
  const modules = new Map<string, ModuleNamespaceValue>();

  const layerEntries: [string, Value][] = [...classes.layers];
  for (const [alias, target] of Object.entries(LAYER_ALIASES)) layerEntries.push([alias, classes.layers.get(target)!]);
  for (const [name, className] of Object.entries(MERGE_FUNCTIONS)) {
    // layers.add([a, b], **kwargs) builds the layer and calls it (keras/src/layers/merging/add.py add()).
    layerEntries.push([name, fn(`keras.layers.${name}`, ({ args, kwargs }) => {
      const made = interp().call(classes.layers.get(className)!, [], new Map([...kwargs].filter(([k]) => k !== "inputs")));
      return interp().call(made, [args[0] ?? kwargs.get("inputs") ?? NONE], new Map());
    })]);
  }
  layerEntries.push(["Layer", classes.layer], ["InputLayer", classes.inputLayer], ["Input", classes.input]);
  const layers = namespace("keras.layers", layerEntries);
  // Keras 2 kept its layers in submodules that keras.layers re-exports (keras 2.3 keras/layers/convolutional.py,
  // normalization.py, advanced_activations.py, ...; 2.6-2.15 packages such as keras/layers/normalization/
  // batch_normalization.py): `from keras.layers.normalization import BatchNormalization` is the same class.
  layers.coversSubmodules = true;
  // TF 2.x spelled preprocessing layers tf.keras.layers.experimental.preprocessing.Rescaling.
  const preprocessing = namespace("keras.layers.experimental.preprocessing", layerEntries);
  layers.scope.names.set("experimental", namespace("keras.layers.experimental", [["preprocessing", preprocessing]]));

  const models = namespace("keras.models", [["Model", classes.model], ["Sequential", classes.sequential], ["Functional", classes.functional], ["load_model", fn("load_model", () => unknown("a model loaded from a file"))]]);
  const activationEntries: [string, Value][] = ACTIVATION_NAMES.map((name) => [name, fn(`keras.activations.${name}`, (c) => activationByName(name, singleTensor(c.args[0] ?? NONE, name), c.context))]);
  // activations.get(name) returns the function of that name (keras/src/activations/__init__.py get): a layer calls
  // it (self.activation(x) in a custom layer), and layers take it as their activation. Anything else is returned.
  const activationFunctions = new Map(activationEntries);
  activationEntries.push(["get", fn("keras.activations.get", ({ args }) => {
    const id = args[0] === undefined || args[0].kind === "none" ? str("linear") : args[0];
    return (id.kind === "str" ? activationFunctions.get(id.value) : undefined) ?? id;
  })]);
  const activations = namespace("keras.activations", activationEntries);
  const ops = namespace("keras.ops", opsEntries(interp));
  const opaque = (name: string) => fn(name, () => str(name));
  const initializers = namespace("keras.initializers", [], false);
  initializers.scope.names.set("__fallback__", fn("keras.initializers.__fallback__", ({ args }) => opaque(`initializer ${args[0]?.kind === "str" ? args[0].value : ""}`)));
  const regularizers = namespace("keras.regularizers", [], false);
  regularizers.scope.names.set("__fallback__", fn("keras.regularizers.__fallback__", () => opaque("regularizer")));
  const backend = namespace("keras.backend", [
    ["image_data_format", fn("image_data_format", () => str("channels_last"))],
    ["set_image_data_format", fn("set_image_data_format", () => NONE)],
    // Keras 1's name for it, kept in Keras 2 up to 2.2 (keras/backend/common.py): 'tf' for channels_last.
    ["image_dim_ordering", fn("image_dim_ordering", () => str("tf"))],
    ["set_image_dim_ordering", fn("set_image_dim_ordering", () => NONE)],
    ["is_keras_tensor", fn("is_keras_tensor", ({ args }) => bool(args[0]?.kind === "tensor"))],
    ["name_scope", fn("name_scope", () => tuple([]))],
    ["get_uid", fn("get_uid", () => int(1))],
    ["floatx", fn("floatx", () => str("float32"))],
    ["epsilon", fn("epsilon", () => ({ kind: "float", value: 1e-7 }))],
    ["backend", fn("backend", () => str("tensorflow"))],
    ["clear_session", fn("clear_session", () => NONE)],
    ["int_shape", fn("int_shape", ({ args }) => (args[0]?.kind === "tensor" ? tuple(args[0].shape.map(int)) : unknown("int_shape of a non-tensor")))],
    // Keras 2's backend math (keras.io/2.x, `from keras import backend as K`): the same functions keras.ops has now.
    ...opsEntries(interp).filter(([name]) => KERAS2_BACKEND_MATH.has(name)),
    // K.relu(x, alpha=0.0, max_value=None, threshold=0.0) (keras 2.3 backend): a leaky, capped ReLU (relu6 is
    // max_value=6): element-wise, the input's shape.
    ["relu", fn("relu", (c) => activationByName(c.kwargs.has("max_value") || c.args.length > 2 ? "relu6" : "relu", singleTensor(c.args[0] ?? c.kwargs.get("x") ?? NONE, "relu"), c.context))],
    ["random_normal", fn("random_normal", (c) => tensor(toInts(c.args[0] ?? c.kwargs.get("shape") ?? NONE, "shape")))],
    ["flatten", fn("flatten", ({ args }) => (args[0]?.kind === "tensor" ? tensor([args[0].shape.reduce((a, b) => a * b, 1)]) : unknown("flatten of a non-tensor")))],
  ]);
  const fileUtils = namespace("keras.src.utils.file_utils", [
    // Weights are never loaded: files do not exist and downloads return a name only.
    ["exists", fn("exists", () => bool(false))],
    ["get_file", fn("get_file", ({ args }) => args[0] ?? str("weights"))],
  ]);
  const operationUtils = namespace("keras.src.ops.operation_utils", [["get_source_inputs", fn("get_source_inputs", ({ args }) => ({ kind: "list", items: args[0] ? [args[0]] : [], id: 0 }))]]);
  const identityDecorator = fn("decorator", ({ args }) => args[0] ?? NONE);
  const apiExport = namespace("keras.src.api_export", [["keras_export", fn("keras_export", () => identityDecorator)]]);
  // Keras 2's engine (keras 2.3 keras/engine/topology.py, base_layer.py; tf.keras 2.x keras/engine/): the base classes
  // and input helpers the applications of that time import from there. InputSpec only checks inputs.
  const engine = namespace("keras.engine", [
    ["Layer", classes.layer], ["InputLayer", classes.inputLayer], ["Input", classes.input], ["Model", classes.model],
    ["get_source_inputs", operationUtils.scope.names.get("get_source_inputs")!], ["InputSpec", fn("InputSpec", () => NONE)],
  ]);
  engine.coversSubmodules = true;
  const utils = namespace("keras.utils", [["file_utils", fileUtils], ["get_file", fileUtils.scope.names.get("get_file")!], ["plot_model", fn("plot_model", () => NONE)], ["set_random_seed", fn("set_random_seed", () => NONE)], ["get_source_inputs", operationUtils.scope.names.get("get_source_inputs")!], ["pad_sequences", fn("pad_sequences", padSequences)], ["to_categorical", fn("to_categorical", toCategorical)]]);
  // keras.utils.data_utils.get_file, keras.utils.layer_utils (Keras 2): the same helpers; the rest unknown by name.
  utils.coversSubmodules = true;
  // keras.utils.image/text/audio_dataset_from_directory (TF 2.3-2.8 spelled them keras.preprocessing.*): datasets of
  // the files of a class-per-folder dataset the workspace holds (directory-datasets.ts).
  const directoryReaders = ["image_dataset_from_directory", "text_dataset_from_directory", "audio_dataset_from_directory"].map((name): [string, Value] => [name, fn(name, directoryDatasetReader(name, interp))]);
  for (const [name, reader] of directoryReaders) utils.scope.names.set(name, reader);
  // keras.utils.timeseries_dataset_from_array (keras.preprocessing.* in TF 2.3-2.8): windows over an array (timeseries-dataset.ts).
  const timeseriesDataset = fn("timeseries_dataset_from_array", timeseriesDatasetFromArray);
  utils.scope.names.set("timeseries_dataset_from_array", timeseriesDataset);

  // keras.random (Keras 3, keras.io/api/random): samplers whose first argument is the shape; scripts make stand-in
  // data with them (`x = keras.random.normal((2000, 20))`), whose first dimension a fit's samples are.
  const sampler = (name: string, dtype: "float32" | "int32") => fn(name, (c) => tensor(toInts(c.args[0] ?? c.kwargs.get("shape") ?? NONE, "shape"), dtype));
  const kerasRandom = namespace("keras.random", [
    ...(["normal", "uniform", "truncated_normal", "gamma", "beta", "binomial"] as const).map((name) => [name, sampler(name, "float32")] as [string, Value]),
    ["randint", sampler("randint", "int32")],
    ["SeedGenerator", fn("SeedGenerator", () => NONE)],
  ]);
  const keras = namespace("keras", [
    ["random", kerasRandom],
    ["layers", layers], ["models", models], ["activations", activations], ["ops", ops], ["backend", backend], ["initializers", initializers],
    ["regularizers", regularizers], ["utils", utils],
    ["Model", classes.model], ["Sequential", classes.sequential], ["Input", classes.input], ["Layer", classes.layer], ["Functional", classes.functional],
    ["__version__", str("3.13.0")],
  ]);
  // keras.applications: our own definitions of the common builders (virtual files), loaded on first use.
  for (const [path, text] of applicationSources) runtime.builtinPackages.set(path, text);
  const kerasFallback = keras.scope.names.get("__fallback__")!;
  keras.scope.names.set("__fallback__", fn("keras.__fallback__", (c) => {
    if (c.args[0]?.kind === "str" && c.args[0].value === "applications") {
      const loaded = interp().loader.importModule("keras.applications", 0, interp().currentLocation?.file ?? "");
      if (loaded) return loaded;
    }
    return interp().call(kerasFallback, c.args, c.kwargs);
  }));
  const src = namespace("keras.src", [
    ["layers", layers], ["models", models], ["activations", activations], ["ops", ops], ["backend", backend], ["initializers", initializers],
    ["regularizers", regularizers], ["utils", utils], ["api_export", apiExport],
  ]);
  const layerModule = namespace("keras.src.layers.layer", [["Layer", classes.layer]]);
  const tfNn = namespace("tensorflow.nn", opsEntries(interp));
  const tfRandom = namespace("tensorflow.random", [
    ["normal", fn("normal", (c) => tensor(toInts(c.args[0] ?? c.kwargs.get("shape") ?? NONE, "shape")))],
    ["uniform", fn("uniform", (c) => tensor(toInts(c.args[0] ?? c.kwargs.get("shape") ?? NONE, "shape")))],
    ["set_seed", fn("set_seed", () => NONE)],
  ]);
  const tfMath = namespace("tensorflow.math", opsEntries(interp));
  const tfData = tfDataModule();
  const tfDistribute = tfDistributeModule();
  const tfImage = tfImageModule();
  const tensorflow = namespace("tensorflow", [
    ["keras", keras], ["nn", tfNn], ["random", tfRandom], ["math", tfMath], ["data", tfData], ["distribute", tfDistribute], ["image", tfImage], ...opsEntries(interp),
    ["newaxis", NONE],
    ["function", fn("tf.function", ({ args }) => args[0] ?? identityDecorator)],
    ["float32", str("float32")], ["int32", str("int32")], ["int64", str("int64")], ["float16", str("float16")],
    ["__version__", str("2.20.0")],
  ]);
  // tf.contrib (TensorFlow 1.x): only contrib.training's HParams, our own Python (virtual files) loaded on first use.
  for (const [path, text] of tfContribPackage) runtime.builtinPackages.set(path, text);
  const tfFallback = tensorflow.scope.names.get("__fallback__")!;
  tensorflow.scope.names.set("__fallback__", fn("tensorflow.__fallback__", (c) => {
    if (c.args[0]?.kind === "str" && c.args[0].value === "contrib") {
      const loaded = interp().loader.importModule("tensorflow.contrib", 0, interp().currentLocation?.file ?? "");
      if (loaded) return loaded;
    }
    // TF 1.x's `tf.app.flags` and `tf.flags` are absl's flags re-exported (tensorflow/python/platform/flags.py):
    // the built-in absl package's, so `FLAGS.epochs` reads the DEFINE_integer default.
    if (c.args[0]?.kind === "str" && (c.args[0].value === "app" || c.args[0].value === "flags")) {
      const flags = interp().loader.importModule("absl.flags", 0, interp().currentLocation?.file ?? "");
      if (flags) return c.args[0].value === "flags" ? flags : namespace("tensorflow.app", [["flags", flags]]);
    }
    return interp().call(tfFallback, c.args, c.kwargs);
  }));

  const set = (name: string, ns: ModuleNamespaceValue) => modules.set(name, ns);
  const trainingSide = new Map(["optimizers", "losses", "metrics", "callbacks", "datasets", "preprocessing", "mixed_precision", "constraints", "saving"].map((part) => [part, namespace(`keras.${part}`, [])]));
  // keras.mixed_precision.Policy("mixed_float16") (TF 2.1-2.3: keras.mixed_precision.experimental.Policy): a policy is
  // known by its name, with 16-bit compute and fp32 variables for the mixed ones (keras.io/api/mixed_precision/policy).
  const policy = fn("keras.mixed_precision.Policy", ({ args, kwargs }) => {
    const name = args[0] ?? kwargs.get("name");
    if (name?.kind !== "str") return unknown("mixed_precision.Policy: its name is not known");
    const compute = name.value.startsWith("mixed_") ? name.value.slice("mixed_".length) : name.value;
    return namespace("Policy", [["name", name], ["compute_dtype", str(compute)], ["variable_dtype", str(name.value.startsWith("mixed_") ? "float32" : compute)]]);
  });
  const mixedPrecision = trainingSide.get("mixed_precision")!;
  mixedPrecision.scope.names.set("Policy", policy);
  const mixedExperimental = namespace("keras.mixed_precision.experimental", [["Policy", policy]]);
  mixedPrecision.scope.names.set("experimental", mixedExperimental);
  const datasets = kerasDatasetLoaders().map(([name, load]): [string, ModuleNamespaceValue] => [name, namespace(`keras.datasets.${name}`, [["load_data", fn(`keras.datasets.${name}.load_data`, load)]])]);
  for (const [name, ns] of datasets) trainingSide.get("datasets")!.scope.names.set(name, ns);
  // keras.preprocessing.sequence.TimeseriesGenerator (Keras 2): our own Python, a virtual file loaded on first use.
  for (const [path, text] of timeseriesGeneratorPackage) runtime.builtinPackages.set(path, text);
  const sequence = namespace("keras.preprocessing.sequence", [["pad_sequences", fn("pad_sequences", padSequences)], ["TimeseriesGenerator", fn("TimeseriesGenerator", timeseriesGenerator(interp))]]);
  trainingSide.get("preprocessing")!.scope.names.set("sequence", sequence);
  for (const [name, reader] of directoryReaders) trainingSide.get("preprocessing")!.scope.names.set(name, reader);
  trainingSide.get("preprocessing")!.scope.names.set("timeseries_dataset_from_array", timeseriesDataset);
  keras.scope.names.set("preprocessing", trainingSide.get("preprocessing")!);
  // Images read one file at a time (image-files.ts): keras.preprocessing.image in Keras 2, keras.utils since 2.9.
  const imageFiles: [string, Value][] = [["load_img", fn("load_img", loadImg)], ["img_to_array", fn("img_to_array", imgToArray)]];
  const preprocessingImage = namespace("keras.preprocessing.image", imageFiles);
  trainingSide.get("preprocessing")!.scope.names.set("image", preprocessingImage);
  for (const [name, value] of imageFiles) utils.scope.names.set(name, value);
  for (const root of ["keras", "tensorflow.keras", "tf_keras", "keras.src"]) {
    set(`${root}.layers`, layers);
    set(`${root}.preprocessing.sequence`, sequence);
    set(`${root}.preprocessing.image`, preprocessingImage);
    set(`${root}.layers.experimental.preprocessing`, preprocessing);
    set(`${root}.layers.experimental`, layers.scope.names.get("experimental") as ModuleNamespaceValue);
    // Training-side packages: importable, their contents unknown (they do not change a model's cost).
    for (const part of ["optimizers", "losses", "metrics", "callbacks", "datasets", "preprocessing", "mixed_precision", "constraints", "saving"]) {
      set(`${root}.${part}`, trainingSide.get(part)!);
    }
    for (const [name, ns] of datasets) set(`${root}.datasets.${name}`, ns);
    set(`${root}.mixed_precision.experimental`, mixedExperimental);
    set(`${root}.models`, models);
    set(`${root}.activations`, activations);
    set(`${root}.ops`, ops);
    set(`${root}.backend`, backend);
    set(`${root}.initializers`, initializers);
    set(`${root}.regularizers`, regularizers);
    set(`${root}.utils`, utils);
    set(`${root}.engine`, engine);
    set(`${root}.random`, kerasRandom);
  }
  // TF 1.x tutorials' MNIST loader (tensorflow.examples.tutorials.mnist.input_data).
  for (const [name, ns] of tf1MnistModules()) set(name, ns);
  // TF 2.0-2.5 code imports tf.keras's own files (tensorflow/python/keras/layers/...): the same package.
  // tf.data's own package (tensorflow/python/data/__init__.py exports Dataset, Iterator, ...): Google's Machine Learning
  // Crash Course exercises import `from tensorflow.python.data import Dataset`.
  const python = namespace("tensorflow.python", [["keras", keras], ["data", tfData]]);
  set("keras", keras);
  set("tensorflow.keras", keras);
  set("tf_keras", keras);
  set("keras.src", src);
  set("keras.src.layers.layer", layerModule);
  set("keras.src.models.model", models);
  set("keras.src.models.functional", models);
  set("keras.src.models.sequential", models);
  set("keras.src.utils.file_utils", fileUtils);
  set("keras.src.ops.operation_utils", operationUtils);
  set("keras.src.api_export", apiExport);
  set("tensorflow", tensorflow);
  set("tensorflow.nn", tfNn);
  set("tensorflow.math", tfMath);
  set("tensorflow.random", tfRandom);
  set("tensorflow.data", tfData);
  set("tensorflow.distribute", tfDistribute);
  set("tensorflow.image", tfImage);
  set("tensorflow.python", python);
  set("tensorflow.python.data", tfData);
  for (const [name, ns] of [...modules]) if (name.startsWith("keras.") && !name.startsWith("keras.src")) set(`tensorflow.python.${name}`, ns);
  set("tensorflow.python.keras", keras);
  return { modules, tensorOperatorObserver };
};
