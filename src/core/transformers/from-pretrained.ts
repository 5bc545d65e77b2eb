import { dict, keyOf, list, NONE, str, float, int, bool } from "../interp/construct";
import { lookupClassAttribute } from "../interp/classes";
import type { Interpreter } from "../interp/interpreter";
import { Unresolved, type ClassValue, type NativeCall, type SourceLocation, type TensorDtype, type Value } from "../interp/values";
import { DTYPE_NAMES, isFloating } from "../torch/dtypes";
import { namedModules } from "../torch/module-tree";
import type { LocatedConfig } from "./config-files";

// Hugging Face transformers' entry points, read statically: `from_pretrained(name_or_path)` and `from_config(config)`
// of config classes, model classes and the Auto* classes. The checkpoint is never loaded (weights change no cost):
// config.json is read from disk, the classes are picked through the installed package's own auto mappings, and the
// model is built by running its real `__init__` on that config.

/** The library whose classes get these entry points (the top-level package that defines `from_pretrained`). */
const LIBRARY = "transformers";
/**
 * Where the installed package maps config.json's `model_type` to a config class name (transformers 4.x and 5.x:
 * models/auto/configuration_auto.py binds CONFIG_MAPPING_NAMES, imported from auto_mappings.py in 5.x).
 */
const CONFIG_MAPPING = { module: "models.auto.configuration_auto", name: "CONFIG_MAPPING_NAMES" };
/** An Auto model class's attribute holding its `_LazyAutoMapping`, whose `_model_mapping` maps model_type to class names. */
const AUTO_MODEL_MAPPING = "_model_mapping";
/**
 * Keyword arguments of `from_pretrained` that steer loading rather than the config (transformers 5.17
 * PreTrainedModel.from_pretrained and PreTrainedConfig.from_pretrained); the others update the config, as there.
 */
const LOADING_KEYWORDS = new Set([
  "config", "cache_dir", "ignore_mismatched_sizes", "force_download", "local_files_only", "token", "use_auth_token", "revision",
  "use_safetensors", "weights_only", "subfolder", "dtype", "torch_dtype", "device_map", "max_memory", "offload_folder",
  "offload_buffers", "offload_state_dict", "quantization_config", "variant", "trust_remote_code", "low_cpu_mem_usage",
  "output_loading_info", "proxies", "resume_download", "mirror", "code_revision", "return_unused_kwargs", "state_dict",
  "from_tf", "from_flax", "gguf_file", "adapter_kwargs", "adapter_name", "generation_config", "key_mapping", "tp_plan",
  "tp_size", "device_mesh", "distributed_config", "use_kernels", "kernel_config", "_from_auto", "_from_pipeline", "_commit_hash",
]);

/** What the entry points need from the host side of an analysis: config.json files and the pragma that redirects one. */
export interface PretrainedConfigs {
  /** The config.json `from_pretrained(reference, ...)` at `at` loads (a `# greenlight: config=...` pragma there wins). */
  locate(reference: string | undefined, at: SourceLocation | undefined, options: { subfolder?: string; revision?: string }): LocatedConfig;
}

/** The class methods that build a model or config from a checkpoint's config. */
export const ENTRY_POINTS = ["from_pretrained", "from_config"];

/** Whether a class's entry points build a model (a model class or an Auto model class), not a config. */
export function buildsModel(cls: ClassValue): boolean {
  return !!cls.isModule || lookupClassAttribute(cls, AUTO_MODEL_MAPPING) !== undefined;
}

/** `from_pretrained` / `from_config` of a transformers class as a native function, or undefined for other attributes and classes. */
export function transformersEntryPoint(interp: Interpreter, configs: PretrainedConfigs, cls: ClassValue, name: string): Value | undefined {
  if (!ENTRY_POINTS.includes(name)) return undefined;
  const owner = cls.mro.find((k) => k.attributes.has(name));
  if (!owner || packageOf(owner)?.split(".")[0] !== LIBRARY) return undefined;
  // Tokenizers, processors and the like keep the library's own from_pretrained: only models and configs are read here.
  const isConfig = lookupClassAttribute(cls, "model_type")?.kind === "str" || packageOf(owner) === `${LIBRARY}.${CONFIG_MAPPING.module}`;
  if (!isConfig && !buildsModel(cls)) return undefined;
  const entry = new EntryPoint(interp, configs, cls, owner);
  return { kind: "native", name: `${cls.name}.${name}`, call: (c) => (name === "from_pretrained" ? entry.fromPretrained(c) : entry.fromConfig(c)) };
}

function packageOf(cls: ClassValue): string | undefined {
  const name = cls.module?.scope.names.get("__name__");
  return name?.kind === "str" ? name.value : undefined;
}

class EntryPoint {
  constructor(
    private readonly interp: Interpreter,
    private readonly configs: PretrainedConfigs,
    private readonly cls: ClassValue,
    private readonly owner: ClassValue,
  ) {}

  fromPretrained({ args, kwargs, context }: NativeCall): Value {
    const reference = args[0] ?? kwargs.get("pretrained_model_name_or_path");
    const options = { subfolder: optionalText(kwargs.get("subfolder")), revision: optionalText(kwargs.get("revision")) };
    const given = kwargs.get("config");
    const at = context.location();
    let values: Record<string, unknown> | undefined;
    if (!(given?.kind === "instance")) {
      const located = this.configs.locate(reference?.kind === "str" ? reference.value : undefined, at, options);
      if ("problem" in located) throw new Unresolved(located.problem);
      values = located.values;
    }
    const overrides = new Map([...kwargs].filter(([k]) => !LOADING_KEYWORDS.has(k) && k !== "pretrained_model_name_or_path"));
    if (!this.cls.isModule && !this.isAutoModel()) return this.buildConfig(values ?? {}, overrides);
    const config = given?.kind === "instance" ? given : this.buildConfig(values!, overrides);
    const model = this.buildModel(config);
    // transformers 5 loads in the checkpoint's dtype unless told otherwise ("auto"); 4.x in float32.
    const requested = kwargs.get("dtype") ?? kwargs.get("torch_dtype") ?? (this.majorVersion() >= 5 ? str("auto") : NONE);
    castModel(model, dtypeOf(requested, values ?? {}));
    return model;
  }

  fromConfig({ args, kwargs }: NativeCall): Value {
    const config = args[0] ?? kwargs.get("config");
    if (config?.kind !== "instance") throw new Unresolved("from_config needs a config object");
    const model = this.buildModel(config);
    castModel(model, dtypeOf(kwargs.get("dtype") ?? kwargs.get("torch_dtype") ?? NONE, {}));
    return model;
  }

  private isAutoModel(): boolean {
    return lookupClassAttribute(this.cls, AUTO_MODEL_MAPPING) !== undefined;
  }

  /** A config object of the class this entry point's class names, or the one config.json's model_type picks. */
  private buildConfig(values: Record<string, unknown>, overrides: Map<string, Value>): Value {
    const modelType = typeof values.model_type === "string" ? values.model_type : undefined;
    let configClass: Value | undefined;
    if (this.cls.isModule || this.isAutoModel()) {
      const declared = lookupClassAttribute(this.cls, "config_class");
      configClass = declared?.kind === "class" ? declared : undefined;
    } else if (lookupClassAttribute(this.cls, "model_type")?.kind === "str") configClass = this.cls;
    configClass ??= this.configClassFor(modelType);
    const kwargs = new Map<string, Value>();
    for (const [k, v] of Object.entries(values)) kwargs.set(k, fromJson(v));
    for (const [k, v] of overrides) kwargs.set(k, v);
    return this.interp.call(configClass, [], kwargs);
  }

  private buildModel(config: Value): Value {
    if (config.kind !== "instance") throw new Unresolved(`the config for ${this.cls.name} is ${config.kind === "unknown" ? `unknown: ${config.reason}` : `a ${config.kind}`}`);
    let modelClass: Value = this.cls;
    if (this.isAutoModel()) {
      const modelType = this.interp.getAttribute(config, "model_type");
      if (modelType.kind !== "str") throw new Unresolved(`the config of ${this.cls.name} has no model_type`);
      modelClass = this.modelClassFor(modelType.value);
    }
    const model = this.interp.call(modelClass, [config], new Map());
    if (model.kind !== "instance" || !model.module) throw new Unresolved(`${describe(modelClass)} did not build a torch.nn.Module`);
    return model;
  }

  /** The config class the package's CONFIG_MAPPING_NAMES gives for a model_type. */
  private configClassFor(modelType: string | undefined): Value {
    if (!modelType) throw new Unresolved(`config.json has no model_type, so ${this.cls.name} cannot pick a config class`);
    const mapping = this.packageModule(CONFIG_MAPPING.module)?.scope.names.get(CONFIG_MAPPING.name);
    const name = mapping?.kind === "dict" ? mapping.entries.get(keyOf(str(modelType)))?.value : undefined;
    if (!name) throw new Unresolved(`model_type '${modelType}' is not in the installed ${LIBRARY}'s ${CONFIG_MAPPING.name} (a newer ${LIBRARY} may know it)`);
    return this.classNamed(name);
  }

  /** The model class an Auto class maps a model_type to, through its own `_model_mapping`. */
  private modelClassFor(modelType: string): Value {
    const lazy = this.interp.getAttribute(this.cls, AUTO_MODEL_MAPPING);
    const names = lazy.kind === "instance" ? lazy.attributes.get(AUTO_MODEL_MAPPING) : undefined;
    const name = names?.kind === "dict" ? names.entries.get(keyOf(str(modelType)))?.value : undefined;
    if (!name) throw new Unresolved(`${this.cls.name} has no model for model_type '${modelType}' in the installed ${LIBRARY}`);
    return this.classNamed(name.kind === "tuple" || name.kind === "list" ? name.items[0] : name);
  }

  private classNamed(name: Value): Value {
    if (name.kind !== "str") throw new Unresolved(`a ${LIBRARY} auto mapping holds a ${name.kind}, not a class name`);
    const top = this.packageModule("");
    if (!top) throw new Unresolved(`${LIBRARY} could not be imported`);
    const cls = this.interp.getAttribute(top, name.value);
    if (cls.kind !== "class") throw new Unresolved(`${LIBRARY}.${name.value} is not available to the analyzer${cls.kind === "unknown" ? ` (${cls.reason})` : ""}`);
    return cls;
  }

  private packageModule(relative: string) {
    const dotted = relative ? `${LIBRARY}.${relative}` : LIBRARY;
    return this.interp.loader.importModule(dotted, 0, this.owner.module?.file ?? "");
  }

  private majorVersion(): number {
    const version = this.packageModule("")?.scope.names.get("__version__");
    return version?.kind === "str" ? Number.parseInt(version.value, 10) : 0;
  }
}

function optionalText(v: Value | undefined): string | undefined {
  return v?.kind === "str" ? v.value : undefined;
}

function describe(v: Value): string {
  return v.kind === "class" ? v.name : v.kind;
}

/** The dtype a `dtype=`/`torch_dtype=` argument asks for ("auto": the config's own), or undefined for the default. */
function dtypeOf(requested: Value, values: Record<string, unknown>): TensorDtype | undefined {
  if (requested.kind === "dtype") return requested.name;
  if (requested.kind !== "str") return undefined;
  const name = requested.value === "auto" ? (values.dtype ?? values.torch_dtype) : requested.value;
  return typeof name === "string" ? DTYPE_NAMES[name.replace(/^torch\./, "")] : undefined;
}

/** Puts a model's floating parameters and buffers in a dtype, as `model.to(dtype)` does (identities kept: ties stay tied). */
export function castModel(model: Value, dtype: TensorDtype | undefined): void {
  if (!dtype || !isFloating(dtype) || model.kind !== "instance" || !model.module) return;
  for (const [, m] of namedModules(model)) {
    for (const registry of [m.module!.parameters, m.module!.buffers]) {
      for (const [name, t] of registry) if (t.kind === "tensor" && isFloating(t.dtype)) registry.set(name, { ...t, dtype });
    }
  }
}

/** A JSON value as the Python value json.load gives. */
export function fromJson(v: unknown): Value {
  if (v === null || v === undefined) return NONE;
  if (typeof v === "string") return str(v);
  if (typeof v === "boolean") return bool(v);
  if (typeof v === "number") return Number.isInteger(v) ? int(v) : float(v);
  if (Array.isArray(v)) return list(v.map(fromJson));
  return dict(Object.entries(v as Record<string, unknown>).map(([k, x]) => [str(k), fromJson(x)] as [Value, Value]));
}

