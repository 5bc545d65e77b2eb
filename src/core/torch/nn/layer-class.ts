import { nativeClass } from "../../interp/classes";
import { NONE, bindArguments, int, unknown } from "../../interp/construct";
import type { Interpreter } from "../../interp/interpreter";
import { layerConfigOf, setLayerConfig } from "../../interp/layer-configs";
import { PythonError, Unresolved, type ClassValue, type InstanceValue, type LayerSpec, type NativeCall, type Value } from "../../interp/values";
import { toDtype } from "../dtypes";
import { bindLayerConstructor } from "../layer-binding";
import { self } from "./method-arguments";

/** The class of a catalogue layer (nn.Conv2d, nn.Linear, ...): __init__ and forward from its spec, with its class-level
 *  constructors (Embedding.from_pretrained). */
export function createLayerClassFactory(interp: () => Interpreter, module: ClassValue): (spec: LayerSpec) => ClassValue {
  // from_pretrained(embeddings, freeze=True, ...): a layer sized by the weights' shape, frozen unless freeze=False
  const fromPretrained = (call: NativeCall, cls: ClassValue): Value => {
    const b = bindArguments(["embeddings", "freeze=True", "*rest", "**options"], call.args, call.kwargs, `${cls.name}.from_pretrained`);
    const weights = b.get("embeddings");
    if (weights.kind !== "tensor") return weights.kind === "unknown" ? weights : unknown(`${cls.name}.from_pretrained of a non-tensor`);
    if (weights.shape.length !== 2) throw new PythonError("Embeddings parameter is expected to be 2-dimensional");
    const options = new Map<string, Value>();
    const extra = b.get("options");
    if (extra.kind === "dict") for (const { key, value } of extra.entries.values()) if (key.kind === "str") options.set(key.value, value);
    const layer = interp().instantiate(cls, [int(weights.shape[0]), int(weights.shape[1])], options) as InstanceValue;
    const frozen = b.get("freeze");
    const w = layer.module!.parameters.get("weight");
    if (w?.kind === "tensor" && w.parameter) layer.module!.parameters.set("weight", { ...w, parameter: { ...w.parameter, requiresGrad: !(frozen.kind === "bool" ? frozen.value : true) } });
    return layer;
  };
  // Class-level constructors and helpers of catalogue layers, per interpreter (they build through it)
  const layerStatics: Record<string, Record<string, (call: NativeCall, cls: ClassValue) => Value>> = {
    Embedding: { from_pretrained: fromPretrained },
    EmbeddingBag: { from_pretrained: fromPretrained },
    // Transformer.generate_square_subsequent_mask(sz): the float causal mask, (sz, sz)
    Transformer: {
      generate_square_subsequent_mask: (call) => {
        const b = bindArguments(["sz", "device=None", "dtype=None"], call.args, call.kwargs, "generate_square_subsequent_mask");
        const n = b.int("sz");
        return { kind: "tensor", shape: [n, n], dtype: b.isNone("dtype") ? "float32" : toDtype(b.get("dtype")) };
      },
    },
  };

  const layerClass = (spec: LayerSpec): ClassValue => {
    const cls = nativeClass(`torch.nn.${spec.name}`, [module], {
      __init__: (call) => {
        const s = self(call);
        const bound = bindLayerConstructor(spec, call.args.slice(1), call.kwargs);
        const context = call.context;
        const build = spec.build(bound, context);
        for (const [name, shape] of build.parameters) s.module!.parameters.set(name, shape ? context.parameter(shape) : NONE);
        for (const [name, shape] of build.buffers ?? []) s.module!.buffers.set(name, shape ? { kind: "tensor", shape, dtype: name === "num_batches_tracked" ? "int64" : "float32" } : NONE);
        for (const [name, child] of build.children ?? []) s.module!.children.set(name, child);
        setLayerConfig(s, bound);
        return NONE;
      },
      forward: (call) => {
        const s = self(call);
        const config = layerConfigOf(s);
        if (!config) throw new Unresolved(`${spec.name} was not constructed`);
        return spec.forward({ config, state: s.module!, self: s }, call.args.slice(1), call.kwargs, call.context);
      },
    });
    cls.layer = spec;
    cls.isModule = true;
    for (const [name, method] of Object.entries(spec.methods ?? {})) {
      cls.attributes.set(name, {
        kind: "native",
        name: `${spec.name}.${name}`,
        call: (call) => {
          const s = self(call);
          const config = layerConfigOf(s);
          if (!config) throw new Unresolved(`${spec.name} was not constructed`);
          return method({ config, state: s.module!, self: s }, call.args.slice(1), call.kwargs, call.context);
        },
      });
    }
    for (const [name, f] of Object.entries(layerStatics[spec.name] ?? {})) {
      cls.attributes.set(name, { kind: "native", name: `${spec.name}.${name}`, call: (c) => f(c, cls) });
    }
    return cls;
  };
  return layerClass;
}
