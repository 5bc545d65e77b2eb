import { computeMro, nativeClass } from "../interp/classes";
import { NONE, bool, float, int, size, str, toInts, unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";
import { PythonError, type ClassValue, type InstanceValue, type ModuleNamespaceValue, type NativeCall, type TensorDtype, type Value } from "../interp/values";
import { deviceClass } from "./device";
import { cudaQueryFunctions } from "./cuda-queries";
import { DISTRIBUTION_FILES, createDistributions } from "./distributions";
import { FLOAT_INFO } from "./dtypes";
import type { TorchCatalogue } from "./catalogue";
import { legacyTensor } from "./ops/creation";
import { nnModuleUtils } from "./nn-module-utils";
import { createOptim } from "./optim";
import { rnnUtilityFunctions } from "./rnn-utils";
import { spectralNorm, weightNorm } from "./weight-reparametrization";
import { FloatFunctional } from "./layers/float-functional";
import { deepCopy, namedModules } from "./module-tree";
import { createParallelWrappers } from "./nn/parallel";
import { createLossBases } from "./nn/loss-bases";
import { torchUtilsData } from "./tensor-dataset";
import type { ModuleClasses } from "../interp/runtime";

type Native = (call: NativeCall) => Value;

/** The typed legacy constructors (torch.FloatTensor(3, 4), torch.LongTensor([1, 2])) and their dtypes. */
const LEGACY_TENSOR_TYPES: [string, TensorDtype][] = [
  ["FloatTensor", "float32"], ["DoubleTensor", "float64"], ["HalfTensor", "float16"], ["BFloat16Tensor", "bfloat16"],
  ["LongTensor", "int64"], ["IntTensor", "int32"], ["CharTensor", "int8"], ["ByteTensor", "uint8"], ["BoolTensor", "bool"],
];

function fn(name: string, call: Native): Value {
  return { kind: "native", name, call };
}

function namespace(name: string, entries: Map<string, Value>, fallback?: (attribute: string) => Value): ModuleNamespaceValue {
  if (fallback) entries.set("__fallback__", fn(`${name}.__fallback__`, ({ args }) => fallback(args[0].kind === "str" ? args[0].value : "")));
  return { kind: "namespace", name, scope: { names: entries } };
}

/** A value usable both as a context manager (`with torch.no_grad():`) and as a decorator. */
function contextOrDecorator(name: string): Value {
  return fn(name, ({ args }) => (args.length === 1 && (args[0].kind === "function" || args[0].kind === "bound") ? args[0] : unknownContext));
}
const unknownContext: Value = { kind: "tuple", items: [] };

/** A legacy tensor type (torch.FloatTensor): a constructor, and a type isinstance asks with `instanceCheck`. */
const legacyType = (name: string, dtype: TensorDtype, instanceCheck: (v: Value) => boolean): Value =>
  ({ kind: "native", name, call: ({ args, context }) => legacyTensor(args, dtype, context), instanceCheck });

const identity = (name: string) => fn(name, ({ args }) => args[0] ?? NONE);

/** The torch package as the analyzed code sees it (torch, torch.nn, torch.nn.functional, ...), with the classes type() of a tensor gives. */
export function createTorchModules(catalogue: TorchCatalogue, classes: ModuleClasses, interp: () => Interpreter, objectClass: ClassValue): { modules: Map<string, ModuleNamespaceValue>; tensorClasses: { tensor: ClassValue; parameter: ClassValue } } {
  const modules = new Map<string, ModuleNamespaceValue>();
  const byPrefix = (prefix: string): Map<string, Value> => {
    const out = new Map<string, Value>();
    for (const [full, f] of catalogue.functions) {
      if (!full.startsWith(prefix)) continue;
      const rest = full.slice(prefix.length);
      if (rest.includes(".")) continue;
      out.set(rest, fn(full, f));
    }
    return out;
  };

  const functional = namespace("torch.nn.functional", byPrefix("torch.nn.functional."));
  const init = namespace("torch.nn.init", byPrefix("torch.nn.init."), (name) => identity(`torch.nn.init.${name}`));

  const nnEntries = new Map<string, Value>();
  for (const [name, spec] of catalogue.layers) nnEntries.set(name, classes.layerClass(spec));
  nnEntries.set("Module", classes.module);
  nnEntries.set("Parameter", classes.parameter);
  nnEntries.set("Buffer", classes.buffer);
  nnEntries.set("Sequential", classes.sequential);
  nnEntries.set("ModuleList", classes.moduleList);
  nnEntries.set("ModuleDict", classes.moduleDict);
  nnEntries.set("ParameterList", classes.parameterList);
  nnEntries.set("ParameterDict", classes.parameterDict);
  nnEntries.set("functional", functional);
  nnEntries.set("init", init);
  const lossModule = createLossBases(classes.module, nnEntries, namespace);
  nnEntries.set("loss", lossModule);
  const nn = namespace("torch.nn", nnEntries);
  nnEntries.set("modules", nn);
  nnEntries.set("parameter", namespace("torch.nn.parameter", new Map<string, Value>([["Parameter", classes.parameter], ["Buffer", classes.buffer]])));
  const checkpoint = namespace("torch.utils.checkpoint", new Map<string, Value>([
    ["checkpoint", fn("checkpoint", ({ args, context }) => context.checkpointed(args.slice(1), () => context.callValue(args[0], args.slice(1))))],
    ["checkpoint_sequential", fn("checkpoint_sequential", ({ args, context }) => context.checkpointed(args.slice(2), () => context.callValue(args[0], args.slice(2))))],
  ]));
  const utilsData = torchUtilsData(objectClass, namespace);
  const utilsEntries = new Map<string, Value>([["checkpoint", checkpoint], ["data", utilsData]]);
  const nnUtils = namespace("torch.nn.utils", new Map<string, Value>([
    ["clip_grad_norm_", fn("clip_grad_norm_", () => unknown("a gradient norm"))],
    ["weight_norm", fn("torch.nn.utils.weight_norm", weightNorm)],
    ["spectral_norm", fn("torch.nn.utils.spectral_norm", spectralNorm)],
  ]));
  nnEntries.set("utils", nnUtils);
  // torch >= 2.1's parametrizations: the same parameters (original0/original1 there, counted alike), one forward.
  nnUtils.scope.names.set("parametrizations", namespace("torch.nn.utils.parametrizations", new Map<string, Value>([
    ["weight_norm", fn("torch.nn.utils.parametrizations.weight_norm", weightNorm)],
    ["spectral_norm", fn("torch.nn.utils.parametrizations.spectral_norm", spectralNorm)],
  ]), (name) => unknown(`torch.nn.utils.parametrizations.${name} is not in the analyzer's catalogue`)));
  const rnnUtils = namespace("torch.nn.utils.rnn", new Map<string, Value>(Object.entries(rnnUtilityFunctions()).map(([k, f]): [string, Value] => [k, fn(`torch.nn.utils.rnn.${k}`, f)])), (name) => unknown(`torch.nn.utils.rnn.${name}`));
  nnUtils.scope.names.set("rnn", rnnUtils);
  // Kernel selection for F.scaled_dot_product_attention: it changes the kernel, not what is computed or counted.
  const attention = namespace("torch.nn.attention", new Map<string, Value>([
    ["sdpa_kernel", contextOrDecorator("torch.nn.attention.sdpa_kernel")],
    ["SDPBackend", namespace("torch.nn.attention.SDPBackend", new Map<string, Value>(
      ["ERROR", "MATH", "FLASH_ATTENTION", "EFFICIENT_ATTENTION", "CUDNN_ATTENTION", "OVERRIDEABLE"].map((n, i): [string, Value] => [n, int(i - 1)]),
    ))],
  ]));
  nnEntries.set("attention", attention);
  const wrappers = createParallelWrappers(interp, classes.module);
  for (const [name, cls] of wrappers) nnEntries.set(name, cls);
  const parallel = namespace("torch.nn.parallel", new Map<string, Value>(wrappers), (name) => unknown(`torch.nn.parallel.${name} is not in the analyzer's catalogue`));
  nnEntries.set("parallel", parallel);
  const quantization = createQuantization(classes);
  nnUtils.scope.names.set("prune", quantization.prune);
  // torch.nn.quantized is torch.ao.nn.quantized: of its modules, the float-side FloatFunctional (its operations)
  const nnQuantized = namespace("torch.ao.nn.quantized", new Map<string, Value>([["FloatFunctional", classes.layerClass(FloatFunctional)]]), (name) => unknown(`torch.ao.nn.quantized.${name} is not in the analyzer's catalogue`));
  nnEntries.set("quantized", nnQuantized);

  const linalg = namespace("torch.linalg", byPrefix("torch.linalg."), (name) => unknown(`torch.linalg.${name} is not in the analyzer's catalogue`));
  const special = namespace("torch.special", byPrefix("torch.special."), (name) => unknown(`torch.special.${name} is not in the analyzer's catalogue`));
  const fft = namespace("torch.fft", byPrefix("torch.fft."), (name) => unknown(`torch.fft.${name} is not in the analyzer's catalogue`));
  const tensorClass = nativeClass("torch.Tensor", [objectClass]);
  tensorClass.construct = ({ args, context }) => legacyTensor(args, "float32", context);
  // nn.Parameter is a Tensor subclass: issubclass(type(p), torch.Tensor) holds, and type() of a tensor gives this class.
  classes.parameter.bases = [tensorClass];
  classes.parameter.mro = computeMro(classes.parameter);
  const torchEntries = byPrefix("torch.");
  for (const [k, v] of catalogue.constants) if (!k.includes(".")) torchEntries.set(k, v);
  const { optim, lrScheduler, gradScaler } = createOptim(objectClass, namespace);
  const amp = namespace("torch.amp", new Map<string, Value>([["autocast", contextOrDecorator("torch.amp.autocast")], ["GradScaler", gradScaler]]), (name) => unknown(`torch.amp.${name}`));
  const cudaAmp = namespace("torch.cuda.amp", new Map<string, Value>([["autocast", contextOrDecorator("autocast")], ["GradScaler", gradScaler]]), (name) => unknown(`torch.cuda.amp.${name}`));
  const cuda = namespace("torch.cuda", new Map<string, Value>([
    // The device questions answer from the analysis's target GPU (cuda-queries.ts): the run target rules in
    // rules/run-target.ts read `"cuda" if torch.cuda.is_available() else "cpu"` as CUDA, and the script's own checks
    // (`if not torch.cuda.device_count(): precision = 32`) take the branch the run takes on that GPU.
    ...cudaQueryFunctions(interp),
    // no CUDA graph is being captured while the analyzer runs a forward (library code asks before data-dependent checks)
    ["is_current_stream_capturing", fn("torch.cuda.is_current_stream_capturing", () => bool(false))],
    ["amp", cudaAmp],
    ["manual_seed", fn("manual_seed", () => NONE)],
    ["synchronize", fn("synchronize", () => NONE)],
    // the caching allocator's housekeeping (point-cloud code frees memory between steps): nothing is computed
    ["empty_cache", fn("torch.cuda.empty_cache", () => NONE)],
    ["reset_peak_memory_stats", fn("torch.cuda.reset_peak_memory_stats", () => NONE)],
    // torch.cuda.FloatTensor and its kin: the same shapes and dtypes as torch.FloatTensor, on the GPU
    // isinstance(x, torch.cuda.FloatTensor) (pre-0.4 models pick a multi-GPU path by it) holds for a tensor of the
    // type's dtype: the run is on the one CUDA GPU, as is_available() above answers, where the CPU types do not hold.
    ...LEGACY_TENSOR_TYPES.map(([name, dtype]): [string, Value] => [name, legacyType(`torch.cuda.${name}`, dtype, (v) => v.kind === "tensor" && v.dtype === dtype)]),
  ]), (name) => unknown(`torch.cuda.${name}`));
  // Variable is the pre-0.4 tensor wrapper, now the tensor itself; Function stays unknown so custom autograd
  // Functions keep their `apply` handling (interpreter.autogradApply).
  const autograd = namespace("torch.autograd", new Map<string, Value>([["Variable", identity("torch.autograd.Variable")]]), (name) => unknown(`torch.autograd.${name}`));
  const distributions = createDistributions(objectClass, (name, entries) => namespace(name, entries));
  const entries: [string, Value][] = [
    ["nn", nn],
    ["optim", optim],
    ["amp", amp],
    ["linalg", linalg],
    ["ao", namespace("torch.ao", new Map<string, Value>([["quantization", quantization.torchQuantization], ["nn", namespace("torch.ao.nn", new Map<string, Value>([["quantized", nnQuantized]]), (name) => unknown(`torch.ao.nn.${name}`))]]), (name) => unknown(`torch.ao.${name}`))],
    ["quantization", quantization.torchQuantization],
    ["special", special],
    ["fft", fft],
    ["Tensor", tensorClass],
    ...LEGACY_TENSOR_TYPES.map(([name, dtype]): [string, Value] => [name, legacyType(`torch.${name}`, dtype, () => false)]),
    ["distributions", distributions],
    ["finfo", fn("torch.finfo", ({ args }) => {
      const d = args[0] ?? { kind: "dtype", name: "float32" };
      if (d.kind !== "dtype") return unknown("torch.finfo of an unknown dtype");
      const info = FLOAT_INFO[d.name];
      if (!info) throw new PythonError(`torch.finfo() requires a floating point input type, got ${d.name}`);
      return namespace("torch.finfo", new Map<string, Value>([
        ["bits", int(info.bits)], ["max", float(info.max)], ["min", float(-info.max)], ["eps", float(info.eps)],
        ["tiny", float(info.tiny)], ["smallest_normal", float(info.tiny)], ["resolution", float(info.resolution)], ["dtype", str(d.name)],
      ]));
    })],
    ["Size", fn("torch.Size", ({ args }) => size(args.length ? toInts(args[0]) : []))],
    ["device", deviceClass],
    ["no_grad", contextOrDecorator("torch.no_grad")],
    ["enable_grad", contextOrDecorator("torch.enable_grad")],
    ["inference_mode", contextOrDecorator("torch.inference_mode")],
    ["autocast", contextOrDecorator("torch.autocast")],
    ["set_grad_enabled", contextOrDecorator("torch.set_grad_enabled")],
    ["cuda", cuda],
    ["utils", namespace("torch.utils", utilsEntries, (name) => unknown(`torch.utils.${name}`))],
    ["jit", namespace("torch.jit", new Map<string, Value>([["script", identity("torch.jit.script")], ["trace", identity("torch.jit.trace")], ["ignore", identity("torch.jit.ignore")], ["unused", identity("torch.jit.unused")], ["script_method", identity("torch.jit.script_method")], ["export", identity("torch.jit.export")], ["ScriptModule", classes.module], ["is_scripting", fn("is_scripting", () => bool(false))], ["is_tracing", fn("is_tracing", () => bool(false))], ["annotate", fn("torch.jit.annotate", ({ args, kwargs }) => args[1] ?? kwargs.get("the_value") ?? NONE)], ["interface", identity("torch.jit.interface")]]), (name) => unknown(`torch.jit.${name}`))],
    ["compile", fn("torch.compile", ({ args }) => args[0] ?? identity("compiled"))],
    // Analysis is never under torch.compile: library code asks before taking compile-only paths.
    ["compiler", namespace("torch.compiler", new Map<string, Value>([["is_compiling", fn("is_compiling", () => bool(false))], ["is_dynamo_compiling", fn("is_dynamo_compiling", () => bool(false))], ["disable", contextOrDecorator("torch.compiler.disable")], ["allow_in_graph", identity("torch.compiler.allow_in_graph")]]), (name) => unknown(`torch.compiler.${name}`))],
    ["is_autocast_enabled", fn("torch.is_autocast_enabled", () => bool(false))],
    ["manual_seed", fn("torch.manual_seed", () => NONE)],
    // The default floating dtype: parameters made after set_default_dtype(torch.float64) are float64 (a run in fp64).
    ["set_default_dtype", fn("torch.set_default_dtype", ({ args, kwargs }) => {
      const d = args[0] ?? kwargs.get("d");
      if (d?.kind === "dtype") interp().setDefaultFloat(d.name);
      return NONE;
    })],
    ["get_default_dtype", fn("torch.get_default_dtype", () => ({ kind: "dtype", name: interp().defaultFloat }))],
    // set_default_tensor_type(torch.DoubleTensor) or its name as a string (deprecated since 2.1, for set_default_dtype).
    ["set_default_tensor_type", fn("torch.set_default_tensor_type", ({ args, kwargs }) => {
      const t = args[0] ?? kwargs.get("t");
      const name = t?.kind === "str" ? t.value : t?.kind === "class" || t?.kind === "native" ? t.name : "";
      const dtype = LEGACY_TENSOR_TYPES.find(([type]) => new RegExp(`(^|\\.)${type}$`).test(name))?.[1];
      if (dtype === "float64" || dtype === "float32" || dtype === "float16" || dtype === "bfloat16") interp().setDefaultFloat(dtype);
      return NONE;
    })],
    ["set_float32_matmul_precision", fn("set_float32_matmul_precision", () => NONE)],
    ["is_tensor", fn("torch.is_tensor", ({ args }) => bool(args[0].kind === "tensor"))],
    ["load", fn("torch.load", () => unknown("contents of a checkpoint file"))],
    ["save", fn("torch.save", () => NONE)],
    ["autograd", autograd],
    // Kernel choices (torch.backends.cuda.sdp_kernel, PyTorch 2.0's form of torch.nn.attention.sdpa_kernel; the flash /
    // memory-efficient switches): they change which kernel runs, not what is computed or counted.
    ["backends", namespace("torch.backends", new Map<string, Value>([
      ["cuda", namespace("torch.backends.cuda", new Map<string, Value>([
        ["sdp_kernel", contextOrDecorator("torch.backends.cuda.sdp_kernel")],
        ...["enable_flash_sdp", "enable_mem_efficient_sdp", "enable_math_sdp", "enable_cudnn_sdp"].map((n): [string, Value] => [n, fn(`torch.backends.cuda.${n}`, () => NONE)]),
        ["is_built", fn("torch.backends.cuda.is_built", () => bool(false))],
      ]), (name) => unknown(`torch.backends.cuda.${name}`))],
    ]), (name) => unknown(`torch.backends.${name}`))],
    // torch._C's usage logging (torchvision's and torch's own constructors call it): no effect on any model.
    ["_C", namespace("torch._C", new Map<string, Value>([["_log_api_usage_once", fn("_log_api_usage_once", () => NONE)]]), (name) => unknown(`torch._C.${name} is not in the analyzer's catalogue`))],
    // The plain run (`python train.py`) is one process: after init_process_group its world has size 1 and this
    // process is rank 0, so `global_batch_size // dist.get_world_size()` is the whole batch on the one GPU (a launcher
    // starting N processes is read from its own files: parallel/launch-files.ts).
    ["distributed", namespace("torch.distributed", new Map<string, Value>([
      ["is_initialized", fn("is_initialized", () => bool(false))],
      ["is_available", fn("is_available", () => bool(false))],
      ["get_world_size", fn("get_world_size", () => int(1))],
      ["get_rank", fn("get_rank", () => int(0))],
    ]), (name) => unknown(`torch.distributed.${name}`))],
    ["__version__", { kind: "str", value: "2.11.0" }],
    // The tensors the analyzer runs are real tensors, never tracing stand-ins: library code that asks
    // isinstance(x, torch.fx.Proxy) or torch._subclasses.FakeTensor (transformers' is_tracing) gets False.
    ["fx", namespace("torch.fx", new Map<string, Value>([["Proxy", nativeClass("torch.fx.Proxy", [objectClass])]]), (name) => unknown(`torch.fx.${name}`))],
    ["_subclasses", namespace("torch._subclasses", new Map<string, Value>([["FakeTensor", nativeClass("torch._subclasses.FakeTensor", [objectClass])]]), (name) => unknown(`torch._subclasses.${name}`))],
  ];
  for (const [k, v] of entries) if (!torchEntries.has(k)) torchEntries.set(k, v);
  const torch = namespace("torch", torchEntries, (name) => unknown(`torch.${name} is not in the analyzer's catalogue`));

  modules.set("torch", torch);
  modules.set("torch.optim", optim);
  modules.set("torch.optim.lr_scheduler", lrScheduler);
  modules.set("torch.amp", amp);
  modules.set("torch.cuda.amp", cudaAmp);
  modules.set("torch.nn", nn);
  modules.set("torch.nn.functional", functional);
  modules.set("torch.nn.init", init);
  modules.set("torch.nn.modules", nn);
  modules.set("torch.nn.modules.utils", nnModuleUtils(interp));
  modules.set("torch.nn.modules.loss", lossModule);
  modules.set("torch.nn.parameter", nnEntries.get("parameter") as ModuleNamespaceValue);
  modules.set("torch.nn.utils", nnUtils);
  modules.set("torch.nn.utils.rnn", rnnUtils);
  modules.set("torch.nn.attention", attention);
  modules.set("torch.nn.parallel", parallel);
  modules.set("torch.distributions", distributions);
  modules.set("torch.autograd", autograd);
  for (const [file, names] of DISTRIBUTION_FILES) {
    // `from torch.distributions.bernoulli import Bernoulli`: each family's own module, as in PyTorch's package
    const entries = new Map(names.map((n): [string, Value] => [n, distributions.scope.names.get(n)!]));
    modules.set(`torch.distributions.${file}`, namespace(`torch.distributions.${file}`, entries));
  }
  modules.set("torch.utils", torchEntries.get("utils") as ModuleNamespaceValue);
  modules.set("torch.utils.checkpoint", checkpoint);
  modules.set("torch.utils.data", utilsData);
  modules.set("torch.cuda", cuda);
  modules.set("torch.distributed", torchEntries.get("distributed") as ModuleNamespaceValue);
  modules.set("torch.linalg", linalg);
  modules.set("torch.ao", torchEntries.get("ao") as ModuleNamespaceValue);
  modules.set("torch.ao.quantization", quantization.torchQuantization);
  modules.set("torch.ao.nn", (torchEntries.get("ao") as ModuleNamespaceValue).scope.names.get("nn") as ModuleNamespaceValue);
  modules.set("torch.ao.nn.quantized", nnQuantized);
  modules.set("torch.nn.quantized", nnQuantized);
  modules.set("torch.quantization", quantization.torchQuantization);
  modules.set("torch.nn.utils.prune", quantization.prune);
  modules.set("torchao", quantization.torchao);
  modules.set("torchao.quantization", quantization.torchao.scope.names.get("quantization") as ModuleNamespaceValue);
  modules.set("torch.special", special);
  modules.set("torch.fft", fft);
  modules.set("torch.fx", torchEntries.get("fx") as ModuleNamespaceValue);
  modules.set("torch._subclasses", torchEntries.get("_subclasses") as ModuleNamespaceValue);
  return { modules, tensorClasses: { tensor: tensorClass, parameter: classes.parameter } };
}

const DYNAMIC_QUANTIZATION_DEFAULT = new Set(["Linear", "LSTM", "GRU", "LSTMCell", "GRUCell", "RNNCell"]);

/** Marks a model's layers of these types as holding int8 weights (with int8 activations), or weight-only ones;
 *  `keep` picks among them by path (a qconfig_spec of submodule names, torchao's filter_fn). */
function markInt8(model: Value, types: Set<string>, weightOnlyBits?: 8 | 4, keep: (path: string, module: InstanceValue) => boolean = () => true): void {
  if (model.kind !== "instance" || !model.module) return;
  for (const [path, m] of namedModules(model)) {
    if (!m.cls.layer || !types.has(m.cls.layer.name) || !keep(path, m)) continue;
    if (weightOnlyBits) m.module!.weightOnlyBits = weightOnlyBits;
    else m.module!.quantized = true;
  }
}

/** torchao configs by the weight bits of their weight-only schemes (the others quantize activations too). */
const WEIGHT_ONLY_CONFIGS: Record<string, 8 | 4> = { Int8WeightOnlyConfig: 8, int8_weight_only: 8, Int4WeightOnlyConfig: 4, int4_weight_only: 4 };

/** Layer type names of a quantize_dynamic qconfig_spec ({nn.Linear, nn.LSTM}); undefined when not a set of classes. */
function specTypes(spec: Value | undefined): Set<string> | undefined {
  const names = specItems(spec).filter((v): v is Extract<Value, { kind: "class" }> => v.kind === "class").map((c) => c.layer?.name ?? c.name);
  return names.length ? new Set(names) : undefined;
}

/** Submodule names of a qconfig_spec ({"fc1"}): each quantizes that module and what it holds, of the default types. */
function specNames(spec: Value | undefined): string[] {
  return specItems(spec).flatMap((v) => (v.kind === "str" ? [v.value] : []));
}

function specItems(spec: Value | undefined): Value[] {
  if (!spec || spec.kind === "none") return [];
  return spec.kind === "set" ? [...spec.entries.values()] : spec.kind === "list" || spec.kind === "tuple" ? spec.items : spec.kind === "dict" ? [...spec.entries.values()].map((e) => e.key) : [];
}

/**
 * Quantization and pruning calls, so that a model the quick fixes quantized is costed as int8: PyTorch's dynamic
 * quantization (int8 weights of Linear and recurrent layers, a new model unless inplace), torchao's in-place
 * quantize_ (Linear layers), and torch.nn.utils.prune (masks change no shape, parameter count or FLOP count).
 */
function createQuantization(classes: ModuleClasses) {
  void classes;
  const quantizeDynamic = fn("torch.ao.quantization.quantize_dynamic", ({ args, kwargs }) => {
    const model = args[0] ?? kwargs.get("model") ?? NONE;
    const spec = args[1] ?? kwargs.get("qconfig_spec");
    const dtype = args[2] ?? kwargs.get("dtype");
    const inplace = args[4] ?? kwargs.get("inplace");
    // dtype=torch.float16 quantizes to fp16, not int8: no int8 weights then.
    if (dtype?.kind === "dtype" && dtype.name === "float16") return model;
    const target = inplace?.kind === "bool" && inplace.value ? model : deepCopy(model);
    const types = specTypes(spec);
    const names = specNames(spec);
    if (types || names.length === 0) markInt8(target, types ?? DYNAMIC_QUANTIZATION_DEFAULT);
    // Names: the module so named and its children (propagate_qconfig_), of the default mapping's types.
    if (names.length > 0) markInt8(target, DYNAMIC_QUANTIZATION_DEFAULT, undefined, (path) => names.some((n) => path === n || path.startsWith(`${n}.`)));
    return target;
  });
  const torchQuantization = namespace("torch.ao.quantization", new Map<string, Value>([["quantize_dynamic", quantizeDynamic]]), (name) => unknown(`torch.ao.quantization.${name}`));
  const config = (name: string) => fn(name, () => ({ kind: "str", value: name }));
  const torchaoQuantization = namespace("torchao.quantization", new Map<string, Value>([
    ["quantize_", fn("torchao.quantization.quantize_", ({ args, kwargs, context }) => {
      const config = args[1] ?? kwargs.get("config");
      const bits = config?.kind === "str" ? WEIGHT_ONLY_CONFIGS[config.value] : undefined;
      // filter_fn(module, fqn) picks the layers (torchao's default: every Linear); one it cannot decide is kept.
      const filter = args[2] ?? kwargs.get("filter_fn");
      const keep = filter && filter.kind !== "none" ? (path: string, module: InstanceValue) => {
        const picked = context.callValue(filter, [module, { kind: "str", value: path }]);
        return !(picked.kind === "bool" && !picked.value);
      } : undefined;
      markInt8(args[0] ?? kwargs.get("model") ?? NONE, new Set(["Linear"]), bits, keep);
      return NONE;
    })],
    ["Int8WeightOnlyConfig", config("Int8WeightOnlyConfig")],
    ["Int4WeightOnlyConfig", config("Int4WeightOnlyConfig")],
    ["int4_weight_only", config("int4_weight_only")],
    ["Int8DynamicActivationInt8WeightConfig", config("Int8DynamicActivationInt8WeightConfig")],
    ["int8_weight_only", config("int8_weight_only")],
  ]), (name) => unknown(`torchao.quantization.${name}`));
  const torchao = namespace("torchao", new Map<string, Value>([["quantization", torchaoQuantization]]), (name) => unknown(`torchao.${name}`));
  const markPruned = (module: Value | undefined) => {
    if (module?.kind === "instance" && module.module) module.module.pruned = true;
  };
  // prune.l1_unstructured(module, "weight", amount=...) and the like mask the module's weight and return the module;
  // prune.remove makes the mask permanent (still pruned).
  const passModule = (name: string) => fn(`prune.${name}`, ({ args, kwargs }) => {
    const module = args[0] ?? kwargs.get("module");
    if (name !== "is_pruned" && name !== "identity") markPruned(module);
    return module ?? NONE;
  });
  const prune = namespace("torch.nn.utils.prune", new Map<string, Value>([
    // global_unstructured(parameters=[(module, "weight"), ...], ...): every listed module is pruned.
    ["global_unstructured", fn("prune.global_unstructured", ({ args, kwargs }) => {
      const pairs = args[0] ?? kwargs.get("parameters");
      const items = pairs?.kind === "list" || pairs?.kind === "tuple" ? pairs.items : [];
      for (const pair of items) if (pair.kind === "tuple" || pair.kind === "list") markPruned(pair.items[0]);
      return NONE;
    })],
    ["L1Unstructured", { kind: "str", value: "L1Unstructured" }],
    ["RandomUnstructured", { kind: "str", value: "RandomUnstructured" }],
  ]), (name) => passModule(name));
  return { torchQuantization, torchao, prune };
}
