import { nativeClass } from "../interp/classes";
import { NONE, bool, int, size, toInts, unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";
import type { ClassValue, ModuleNamespaceValue, NativeCall, Value } from "../interp/values";
import type { TorchCatalogue } from "./catalogue";
import type { ModuleClasses } from "./module-base";

type Native = (call: NativeCall) => Value;

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

const identity = (name: string) => fn(name, ({ args }) => args[0] ?? NONE);

/** The torch package as the analyzed code sees it: torch, torch.nn, torch.nn.functional, torch.nn.init, ... */
export function createTorchModules(catalogue: TorchCatalogue, classes: ModuleClasses, interp: () => Interpreter, objectClass: ClassValue): Map<string, ModuleNamespaceValue> {
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
  nnEntries.set("Sequential", classes.sequential);
  nnEntries.set("ModuleList", classes.moduleList);
  nnEntries.set("ModuleDict", classes.moduleDict);
  nnEntries.set("ParameterList", classes.parameterList);
  nnEntries.set("ParameterDict", classes.parameterDict);
  nnEntries.set("functional", functional);
  nnEntries.set("init", init);
  const nn = namespace("torch.nn", nnEntries);
  nnEntries.set("modules", nn);
  nnEntries.set("parameter", namespace("torch.nn.parameter", new Map<string, Value>([["Parameter", classes.parameter]])));
  const checkpoint = namespace("torch.utils.checkpoint", new Map<string, Value>([
    ["checkpoint", fn("checkpoint", ({ args, context }) => context.callValue(args[0], args.slice(1)))],
    ["checkpoint_sequential", fn("checkpoint_sequential", ({ args, context }) => context.callValue(args[0], args.slice(2)))],
  ]));
  const utilsEntries = new Map<string, Value>([["checkpoint", checkpoint]]);
  const nnUtils = namespace("torch.nn.utils", new Map<string, Value>([
    ["clip_grad_norm_", fn("clip_grad_norm_", () => unknown("a gradient norm"))],
    ["weight_norm", identity("weight_norm")],
    ["spectral_norm", identity("spectral_norm")],
  ]));
  nnEntries.set("utils", nnUtils);

  const linalg = namespace("torch.linalg", byPrefix("torch.linalg."), (name) => unknown(`torch.linalg.${name} is not in the analyzer's catalogue`));
  const special = namespace("torch.special", byPrefix("torch.special."), (name) => unknown(`torch.special.${name} is not in the analyzer's catalogue`));
  const tensorClass = nativeClass("torch.Tensor", [objectClass]);
  tensorClass.construct = () => unknown("torch.Tensor(...) contents");
  const torchEntries = byPrefix("torch.");
  for (const [k, v] of catalogue.constants) if (!k.includes(".")) torchEntries.set(k, v);
  const cuda = namespace("torch.cuda", new Map<string, Value>([
    ["is_available", fn("torch.cuda.is_available", () => bool(false))],
    ["device_count", fn("torch.cuda.device_count", () => int(0))],
    ["amp", namespace("torch.cuda.amp", new Map<string, Value>([["autocast", contextOrDecorator("autocast")], ["GradScaler", fn("GradScaler", () => unknown("a gradient scaler"))]]))],
    ["manual_seed", fn("manual_seed", () => NONE)],
    ["synchronize", fn("synchronize", () => NONE)],
  ]), (name) => unknown(`torch.cuda.${name}`));
  const entries: [string, Value][] = [
    ["nn", nn],
    ["linalg", linalg],
    ["special", special],
    ["Tensor", tensorClass],
    ["Size", fn("torch.Size", ({ args }) => size(args.length ? toInts(args[0]) : []))],
    ["device", fn("torch.device", ({ args }) => args[0] ?? NONE)],
    ["no_grad", contextOrDecorator("torch.no_grad")],
    ["enable_grad", contextOrDecorator("torch.enable_grad")],
    ["inference_mode", contextOrDecorator("torch.inference_mode")],
    ["autocast", contextOrDecorator("torch.autocast")],
    ["set_grad_enabled", contextOrDecorator("torch.set_grad_enabled")],
    ["cuda", cuda],
    ["utils", namespace("torch.utils", utilsEntries, (name) => unknown(`torch.utils.${name}`))],
    ["jit", namespace("torch.jit", new Map<string, Value>([["script", identity("torch.jit.script")], ["trace", identity("torch.jit.trace")], ["ignore", identity("torch.jit.ignore")], ["unused", identity("torch.jit.unused")], ["is_scripting", fn("is_scripting", () => bool(false))], ["is_tracing", fn("is_tracing", () => bool(false))]]), (name) => unknown(`torch.jit.${name}`))],
    ["compile", fn("torch.compile", ({ args }) => args[0] ?? identity("compiled"))],
    ["manual_seed", fn("torch.manual_seed", () => NONE)],
    ["set_float32_matmul_precision", fn("set_float32_matmul_precision", () => NONE)],
    ["is_tensor", fn("torch.is_tensor", ({ args }) => bool(args[0].kind === "tensor"))],
    ["load", fn("torch.load", () => unknown("contents of a checkpoint file"))],
    ["save", fn("torch.save", () => NONE)],
    ["backends", namespace("torch.backends", new Map(), (name) => unknown(`torch.backends.${name}`))],
    ["distributed", namespace("torch.distributed", new Map<string, Value>([["is_initialized", fn("is_initialized", () => bool(false))], ["is_available", fn("is_available", () => bool(false))]]), (name) => unknown(`torch.distributed.${name}`))],
    ["__version__", { kind: "str", value: "2.11.0" }],
  ];
  for (const [k, v] of entries) if (!torchEntries.has(k)) torchEntries.set(k, v);
  const torch = namespace("torch", torchEntries, (name) => unknown(`torch.${name} is not in the analyzer's catalogue`));

  modules.set("torch", torch);
  modules.set("torch.nn", nn);
  modules.set("torch.nn.functional", functional);
  modules.set("torch.nn.init", init);
  modules.set("torch.nn.modules", nn);
  modules.set("torch.nn.parameter", nnEntries.get("parameter") as ModuleNamespaceValue);
  modules.set("torch.nn.utils", nnUtils);
  modules.set("torch.utils", torchEntries.get("utils") as ModuleNamespaceValue);
  modules.set("torch.utils.checkpoint", checkpoint);
  modules.set("torch.cuda", cuda);
  modules.set("torch.distributed", torchEntries.get("distributed") as ModuleNamespaceValue);
  modules.set("torch.linalg", linalg);
  modules.set("torch.special", special);
  void interp;
  return modules;
}
